"""A model page shows a fact as its best source states it: a month stays a month, and a
fact its sources disagree on says so, with the other values and their sources."""

from datetime import date

import pytest

from catalog.models import Provider, Route
from catalog.sync.models import SyncRun
from tests.visible_text import visible_text

pytestmark = pytest.mark.django_db


def test_a_month_stays_a_month_and_sources_that_differ_are_shown(client, make_model):
    make_model(
        "Kimi K2.5",
        released_on=date(2026, 1, 1),
        released_precision="month",
        context_window=262_144,
        fact_disputes={
            "released_on": [{"value": "2026-01-27", "sources": ["models.dev: Abacus"]}],
            "openness": [{"value": "proprietary", "sources": ["models.dev: NanoGPT"]}],
        },
    )
    text = visible_text(client.get("/models/kimi-k2-5/").content)
    assert "Released 2026-01 sources differ" in text
    assert "2026-01-01" not in text
    assert "2026-01-27: models.dev: Abacus" in text
    assert "Proprietary: models.dev: NanoGPT" in text
    assert text.count("sources differ") == 2


def test_a_route_shows_its_own_limits_and_how_it_is_served(client, make_model):
    model = make_model("GPT-5", context_window=400_000)
    azure = Provider.objects.create(name="Azure", slug="azure")
    Route.objects.create(
        model=model,
        provider=azure,
        provider_model_id="gpt-5",
        context_window=272_000,
        max_output_tokens=128_000,
        region="EU",
        input_price=1,
        output_price=10,
    )
    text = visible_text(client.get("/models/gpt-5/").content)
    assert "272k / 128k" in text
    assert "EU" in text
    route_page = visible_text(client.get("/models/gpt-5/azure/").content)
    assert "272k / 128k" in route_page


def test_the_api_and_the_csv_keep_a_dates_precision(client, make_model):
    make_model(
        "Kimi K2.5",
        released_on=date(2026, 1, 1),
        released_precision="month",
        knowledge_cutoff=date(2025, 6, 1),
        knowledge_precision="month",
    )
    record = client.get("/api/v1/models/kimi-k2-5").json()
    assert (record["released_on"], record["knowledge_cutoff"]) == ("2026-01", "2025-06")
    csv_text = b"".join(client.get("/api/v1/models.csv").streaming_content).decode()
    header, row = csv_text.splitlines()[:2]
    assert dict(zip(header.split(","), row.split(","), strict=False))["released_on"] == "2026-01"


def test_the_api_lists_how_a_provider_serves_a_route(client, make_model):
    model = make_model("Claude Opus 4.7")
    bedrock = Provider.objects.create(name="Amazon Bedrock", slug="amazon-bedrock")
    Route.objects.create(
        model=model,
        provider=bedrock,
        provider_model_id="eu.anthropic.claude-opus-4-7",
        region="EU",
        input_price="5.5",
        output_price="27.5",
        context_window=1_000_000,
    )
    route = client.get("/api/v1/routes?model=claude-opus-4-7").json()["results"][0]
    assert route["region"] == "EU"
    assert route["context_window"] == 1_000_000
    assert (route["confidential"], route["free_variant"]) == (False, False)
    assert route["snapshot"] is None


def test_the_notice_names_the_sources_the_facts_come_from(client, make_model):
    run = SyncRun.objects.create(source="openrouter", location="models.json")
    make_model("Kimi K2.5", fact_source="modelsdev openrouter", sync_run=run)
    text = visible_text(client.get("/models/kimi-k2-5/").content)
    assert "These facts are as models.dev and OpenRouter stated them on" in text
