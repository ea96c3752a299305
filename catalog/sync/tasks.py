"""The catalog sync as a background task: the admin's "Catalog sync" page queues a run and
enqueues `run_sync`, which a worker (`python manage.py db_worker`) executes outside any web
request.

How the progress gets out. A run applies its source inside one transaction
(`catalog.sync.runs.execute`), and every `progress(done, total, step)` call comes from
inside it: progress saved on the run's own connection would stay invisible until the run
commits, when it no longer matters. So:

- On PostgreSQL the progress is written through a second connection to the same database
  (the `progress` alias of config/settings.py), in autocommit: the admin sees it at once.
  It cannot wait on the run's transaction, which only ever takes key-share locks on the
  run's row (its records' foreign keys to it), and an update of non-key columns does not
  conflict with those.
- On SQLite a second writer would wait for the run's transaction to end (a database-wide
  write lock), and give up with "database is locked". There the display shows the phase
  written before the transaction opens ("reading and applying the source") and the
  figures once the run has ended.

Either way the figures are kept on the run itself, which `execute` saves at the end.
"""

import time

from django.conf import settings
from django.db import connections
from django.tasks import task

from catalog.sync.models import SyncRun
from catalog.sync.runs import execute
from catalog.sync.snapshot import SOURCES

PROGRESS_DATABASE = "progress"
# Progress is written at most this often (the admin looks every 2 seconds), and at each
# change of step.
PROGRESS_INTERVAL_SECONDS = 0.5


def source_variable(source):
    """The environment variable that configures `source` (read by config/settings.py)."""
    return "CATALOG_SYNC_" + source.upper().replace("-", "_")


def configured_sources():
    """{source: location} for the sources the admin may start, in the sources' order."""
    configured = settings.CATALOG_SYNC_SOURCES
    return {source: configured[source] for source in SOURCES if configured.get(source)}


def live_progress():
    """Whether progress can be written while a run's transaction is open (see above)."""
    return PROGRESS_DATABASE in connections.settings


class ProgressRecorder:
    """`progress(done, total, step)` for `execute`: keeps the figures on the run, and writes
    them where other connections see them when the database allows it."""

    def __init__(self, run, live=None, clock=time.monotonic):
        self.run = run
        self.live = live_progress() if live is None else live
        self.clock = clock
        self.written_at = None

    def __call__(self, done, total, step):
        run = self.run
        changed_step = step != run.progress_step
        run.progress_done, run.progress_total, run.progress_step = done, total, step
        now = self.clock()
        due = self.written_at is None or now - self.written_at >= PROGRESS_INTERVAL_SECONDS
        if self.live and (changed_step or due or done >= total):
            SyncRun.objects.using(PROGRESS_DATABASE).filter(pk=run.pk).update(
                progress_done=done, progress_total=total, progress_step=step
            )
            self.written_at = now


@task()
def run_sync(run_id):
    """Execute the queued run `run_id`; returns its final status. A run that is no longer
    queued (a task delivered twice) is left as it is."""
    run = SyncRun.objects.get(pk=run_id)
    if run.status != SyncRun.Status.QUEUED:
        return run.status
    recorder = ProgressRecorder(run)
    # The phase, written before the run's transaction opens: all SQLite will show until the end.
    run.progress_step = "reading the source" if recorder.live else "reading and applying the source"
    run.save(update_fields=["progress_step"])
    return execute(run, progress=recorder).status
