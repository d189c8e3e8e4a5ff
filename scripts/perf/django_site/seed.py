"""Create the Django app's table and rows (the same 100 rows as the Flask app)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from perfapp.models import Item  # noqa: E402

call_command("migrate", run_syncdb=True, verbosity=0)
Item.objects.bulk_create(Item(name=f"item {n}", price=n * 10) for n in range(100))
