"""python manage.py sync_sources [--dry-run]: every configured source, for `make sync` and cron."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalog.management.commands.sync_catalog import run_summary, sync_with_progress
from catalog.sync.snapshot import SOURCES


class Command(BaseCommand):
    help = (
        "Sync every source configured (CATALOG_SYNC_MODELSDEV, CATALOG_SYNC_OPENROUTER, "
        "CATALOG_SYNC_GENAI_PRICES, CATALOG_SYNC_AIDER), one run each, in that order. A "
        "source that fails is reported and the others still run; the command then fails."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; write nothing."
        )

    def handle(self, dry_run, **options):
        configured = [
            (source, settings.CATALOG_SYNC_SOURCES[source])
            for source in SOURCES
            if source in settings.CATALOG_SYNC_SOURCES
        ]
        if not configured:
            raise CommandError(
                "No source is configured: set CATALOG_SYNC_MODELSDEV, CATALOG_SYNC_OPENROUTER, "
                "CATALOG_SYNC_GENAI_PRICES or CATALOG_SYNC_AIDER to a path or a URL."
            )
        failed = []
        for source, location in configured:
            run = sync_with_progress(self.stderr, source, location, dry_run)
            summary = run_summary(run)
            if run.status != run.Status.SUCCEEDED:
                failed.append(source)
                self.stdout.write(f"{source}: {summary}. {run.error}")
            else:
                self.stdout.write(f"{source}: {summary}.")
        skipped = [source for source in SOURCES if source not in settings.CATALOG_SYNC_SOURCES]
        if skipped:
            self.stdout.write(f"Not configured, not synced: {', '.join(skipped)}.")
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(configured)} sources failed: {', '.join(failed)}."
            )
