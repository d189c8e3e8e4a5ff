"""Run: python manage.py test ex_testing"""

from django.test import TestCase
from django.urls import reverse


class GreetViewTests(TestCase):
    # TestCase wraps each test in a transaction on a separate test database
    # and rolls it back afterwards; self.client is a fresh test client per test.

    def test_greet_returns_json(self):
        response = self.client.get(reverse("greet", args=["Ada"]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"greeting": "Hello, Ada!"})

    def test_unknown_url_is_404(self):
        response = self.client.get("/testing/nope/")
        self.assertEqual(response.status_code, 404)
