"""The Django app the performance script measures: the site in this folder (settings.py, urls.py, perfapp).

``app`` is its WSGI application, what the server runs; ``seed()`` creates the table and its rows.
"""

import os

from django.core.wsgi import get_wsgi_application

# Set, not defaulted: a caller's DJANGO_SETTINGS_MODULE (a test run's, say) must not leak in.
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
app = get_wsgi_application()


def seed(count: int = 100) -> None:
    """Create the table and ``count`` rows, the same rows as the other frameworks' apps."""
    from django.core.management import call_command
    from perfapp.models import Item

    call_command("migrate", run_syncdb=True, verbosity=0)
    Item.objects.bulk_create(Item(name=f"item {n}", price=n * 10) for n in range(count))
