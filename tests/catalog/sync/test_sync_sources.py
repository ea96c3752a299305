"""`manage.py sync_sources` (`make sync`, and cron): every configured source synced in
turn, a failing one reported without stopping the others, and a failure in the exit."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.models import LanguageModel
from catalog.sync.models import SyncRun
from tests.catalog.sync.test_openrouter_parser import KIMI

pytestmark = pytest.mark.django_db


def sync(**options):
    out, err = StringIO(), StringIO()
    try:
        call_command("sync_sources", stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


@pytest.fixture
def openrouter_file(tmp_path):
    path = tmp_path / "openrouter.json"
    path.write_text(json.dumps({"data": [KIMI]}))
    return str(path)


def test_every_configured_source_is_synced_in_order(settings, openrouter_file, tmp_path):
    settings.CATALOG_SYNC_SOURCES = {"openrouter": openrouter_file}

    out, error = sync()

    assert error is None
    assert out.startswith("openrouter: Run #")
    assert "succeeded: 4 created" in out  # the model, its organization, OpenRouter, the route
    assert "Not configured, not synced: modelsdev, genai-prices, aider." in out
    assert list(SyncRun.objects.values_list("source", "location")) == [
        ("openrouter", openrouter_file)
    ]
    assert LanguageModel.objects.filter(name__icontains="Kimi K2.5").exists()


def test_a_failing_source_is_reported_and_the_others_still_run(settings, openrouter_file, tmp_path):
    settings.CATALOG_SYNC_SOURCES = {
        "modelsdev": str(tmp_path / "no-such-folder"),
        "openrouter": openrouter_file,
    }

    out, error = sync()

    assert error == "1 of 2 sources failed: modelsdev."
    assert "modelsdev: Run #" in out
    assert "failed" in out.splitlines()[0]
    assert "openrouter: Run #" in out
    assert set(SyncRun.objects.values_list("source", "status")) == {
        ("modelsdev", SyncRun.Status.FAILED),
        ("openrouter", SyncRun.Status.SUCCEEDED),
    }


def test_a_dry_run_writes_nothing(settings, openrouter_file):
    settings.CATALOG_SYNC_SOURCES = {"openrouter": openrouter_file}

    out, error = sync(dry_run=True)

    assert error is None
    assert "Dry run #" in out
    assert not LanguageModel.objects.exists()


def test_nothing_configured_says_what_to_set(settings):
    settings.CATALOG_SYNC_SOURCES = {}

    assert sync()[1].startswith("No source is configured: set CATALOG_SYNC_MODELSDEV")


def test_sync_catalog_syncs_one_source_and_fails_as_its_run_does(openrouter_file, tmp_path):
    out = StringIO()
    call_command("sync_catalog", "openrouter", openrouter_file, stdout=out, stderr=StringIO())
    # Run numbers are the database's: PostgreSQL does not take a rolled-back one back.
    assert re.match(r"Run #\d+ succeeded: 4 created", out.getvalue())

    with pytest.raises(CommandError, match=r"^Run #\d+ failed: "):
        call_command("sync_catalog", "modelsdev", str(tmp_path / "none"), stderr=StringIO())
