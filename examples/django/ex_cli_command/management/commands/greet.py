"""A custom management command. Run: python manage.py greet Ada --shout"""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a greeting."

    def add_arguments(self, parser):  # parser is an argparse.ArgumentParser
        parser.add_argument("name")
        parser.add_argument("--shout", action="store_true", help="Print the greeting in capitals.")

    def handle(self, *args, name, shout, **options):
        message = f"Hello, {name}!"
        self.stdout.write(message.upper() if shout else message)
