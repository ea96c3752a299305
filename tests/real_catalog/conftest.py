"""The real catalog: an empty database, the syncs of the public snapshots in
../shared/data, and the similar models' ranking the task worker refreshes after them,
built once for every test of this package (a minute or so), inside one transaction rolled
back at the end, so the rest of the suite starts from an empty catalog.

Skipped, saying why, where the snapshots are absent.
"""

from pathlib import Path

import pytest
from django.db import transaction

from catalog.similar import refresh_similar_models
from catalog.sync.runs import execute, start_run

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SOURCES = [
    ("modelsdev", DATA / "models.dev"),
    ("openrouter", DATA / "models.dev" / "models.json"),
    ("genai-prices", DATA / "genai-prices" / "prices"),
    ("aider", DATA / "aider"),
]


def sync_all():
    return [execute(start_run(source, location)) for source, location in SOURCES]


@pytest.fixture(scope="package")
def real_catalog(django_db_setup, django_db_blocker):
    """The runs of the first sync of every source, over an empty catalog."""
    if not DATA.is_dir():
        pytest.skip(f"no public snapshots at {DATA}")
    with django_db_blocker.unblock(), transaction.atomic():
        runs = sync_all()
        refresh_similar_models()  # as the task worker does after a sync
        yield runs
        transaction.set_rollback(True)
