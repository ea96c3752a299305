"""python manage.py sync_catalog SOURCE PATH_OR_URL [--dry-run]: one run of one source
(modelsdev, openrouter, genai-prices, aider)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from catalog.sync.runs import execute, start_run
from catalog.sync.snapshot import SOURCES


class ProgressBar:
    """A one-line progress bar on standard error (plain lines when it is not a terminal)."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()
        self.last_step = None

    def __call__(self, done, total, step):
        if not self.tty:
            if step != self.last_step:
                self.stream.write(f"{step}…\n")
                self.last_step = step
            return
        filled = self.WIDTH * done // total if total else self.WIDTH
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.stream.write(f"\r{bar} {done:,}/{total:,} {step:<10}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Read a public catalog (models.dev's folder, OpenRouter's model list, genai-prices' "
        "folder or data.json; a path or a URL) into the catalog: new facts are written, "
        "changes to reviewed facts are proposed to editors, and the run is recorded."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", choices=SOURCES)
        parser.add_argument("location", help="A path, or an http(s) URL (not for models.dev).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; write nothing."
        )

    def handle(self, source, location, dry_run, **options):
        run = sync_with_progress(self.stderr, source, location, dry_run)
        summary = run_summary(run)
        if run.status != run.Status.SUCCEEDED:
            raise CommandError(f"{summary}. {run.error}")
        self.stdout.write(summary + (" (nothing was written)." if run.dry_run else "."))


def sync_with_progress(stderr, source, location, dry_run=False):
    """One sync run of `source` from `location`, its progress and its first skipped inputs
    on `stderr`; the run, whatever its end."""
    run = start_run(source, location, dry_run=dry_run)
    stderr.write(f"Sync run #{run.pk}: {source} from {location}")
    run = execute(run, progress=ProgressBar(sys.stderr))
    for skip in run.skipped_inputs.all()[:20]:
        stderr.write(f"  skipped {skip.ref}: {skip.reason}")
    if run.skipped > 20:
        stderr.write(f"  … and {run.skipped - 20:,} more (see the run in the admin)")
    return run


def run_summary(run) -> str:
    """ "Run #12 succeeded: 3 created, 1 updated, 0 proposed, 870 unchanged, 4 skipped"."""
    return (
        f"{'Dry run' if run.dry_run else 'Run'} #{run.pk} {run.get_status_display()}: "
        f"{run.created:,} created, {run.updated:,} updated, {run.proposed:,} proposed, "
        f"{run.unchanged:,} unchanged, {run.skipped:,} skipped"
    )
