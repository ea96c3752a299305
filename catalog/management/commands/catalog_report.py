"""python manage.py catalog_report [--limit N]: what an editor must know after a sync."""

from django.core.management.base import BaseCommand

from catalog.report import build_report, report_lines


class Command(BaseCommand):
    help = (
        "Print the catalog's report: published models and providers, suspected duplicates, "
        "non-model suspects, makers that only serve their models, organizations twice or "
        "named by a raw slug, facts whose sources differ, open proposals, skipped entries by "
        "reason, and models with and without prices and scores."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=10, help="How many examples each list shows (10)."
        )

    def handle(self, limit, **options):
        for line in report_lines(build_report(), limit=max(limit, 0)):
            self.stdout.write(line)
