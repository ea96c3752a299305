"""`python manage.py load_demo_catalog`: load the hand-written demo catalog, idempotently."""

from django.core.management.base import BaseCommand

from catalog.demo.loader import load_demo_catalog


class Command(BaseCommand):
    help = (
        "Load the demo catalog (catalog/demo/data.py): real models, providers, routes, "
        "prices and benchmark scores. Safe to run again: unchanged records are not touched."
    )

    def handle(self, *args, **options):
        summary = load_demo_catalog()
        for line in summary.lines():
            self.stdout.write(line)
        if summary.created or summary.updated:
            self.stdout.write(self.style.SUCCESS("Demo catalog loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo catalog already up to date."))
