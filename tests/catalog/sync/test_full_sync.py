"""The three real snapshots in ../shared/data synced into an empty catalog: counts and spot
facts against the source files, then a second sync over the result that changes nothing.

Slow (about a minute): the one test of the suite on the full snapshots.
"""

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from catalog.models import LanguageModel, Provider, Route
from catalog.sync.models import SyncRun
from catalog.sync.runs import execute, start_run

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SOURCES = [
    ("modelsdev", DATA / "models.dev"),
    ("openrouter", DATA / "models.dev" / "models.json"),
    ("genai-prices", DATA / "genai-prices" / "prices"),
]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"no public snapshots at {DATA}"),
]


def sync_all():
    return [execute(start_run(source, location)) for source, location in SOURCES]


def test_the_public_catalogs_sync_once_and_then_change_nothing():
    runs = sync_all()
    assert [run.status for run in runs] == [SyncRun.Status.SUCCEEDED] * 3, [r.error for r in runs]

    published = LanguageModel.objects.published()
    assert published.count() >= 1_500
    assert Provider.objects.serving_published_models().count() >= 130

    # The same model on many providers is one model with its routes.
    kimi = LanguageModel.objects.get(name="Kimi K2.5")
    assert kimi.routes.values("provider").distinct().count() >= 30
    canonical = tomllib.loads((DATA / "models.dev/models/moonshotai/kimi-k2.5.toml").read_text())
    assert kimi.context_window == canonical["limit"]["context"]

    # Spot facts against the source files.
    gpt = LanguageModel.objects.get(name="GPT-5.4")
    assert gpt.context_window == 1_050_000
    assert gpt.routes.filter(provider__slug="openai", context_above=272_000).exists()
    document = json.loads((DATA / "models.dev/models.json").read_text())
    entry = next(e for e in document["data"] if e["id"] == "moonshotai/kimi-k2.5")
    openrouter = Route.objects.get(provider__slug="openrouter", provider_model_id=entry["id"])
    assert openrouter.input_price == Decimal(entry["pricing"]["prompt"]) * 1_000_000

    # Skipped inputs carry their reasons: the tree's dangling links, and non-text models.
    reasons = [skip.reason for skip in runs[0].skipped_inputs.all()]
    assert sum("a dangling link" in reason for reason in reasons) == 31
    assert any(reason.startswith("not a language model") for reason in reasons)

    history = Route.history.count()
    again = sync_all()
    assert [(run.created, run.updated, run.proposed) for run in again] == [(0, 0, 0)] * 3
    assert Route.history.count() == history
