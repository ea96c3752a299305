"""The genai-prices parser on small YAML files and JSON documents written here."""

import json
from datetime import date
from decimal import Decimal

import pytest

from catalog.sync.genai_prices import read_document, read_folder
from catalog.sync.snapshot import SourceError

ANTHROPIC = """
name: Anthropic
id: anthropic
pricing_urls:
  - https://www.anthropic.com/pricing#api
models:
  - id: claude-opus-4-6
    name: Claude Opus 4.6
    context_window: 200000
    prices:
      - prices:
          input_mtok:
            base: 5
            tiers:
              - start: 200000
                price: 10
          output_mtok: 25
          cache_read_mtok: 0.5
          cache_write_mtok: 6.25
      - constraint:
          start_date: 2026-03-13
        prices:
          input_mtok: 5
          output_mtok: 25
  - id: off-peak
    prices:
      - prices: {input_mtok: 1, output_mtok: 2}
      - constraint: {start_time: "16:30:00", end_time: "00:30:00"}
        prices: {input_mtok: 0.5, output_mtok: 1}
  - id: voice
    prices: {requests_kcount: 3}
  - id: rude
    prices: {input_mtok: -2, output_mtok: 1}
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "providers").mkdir()
    (tmp_path / "providers" / "anthropic.yml").write_text(ANTHROPIC)
    return tmp_path


def test_dated_prices_and_context_tiers(folder):
    snapshot = read_folder(folder)

    assert [(p.key, p.name) for p in snapshot.providers] == [("anthropic", "Anthropic")]
    opus = next(route for route in snapshot.routes if route.provider_model_id == "claude-opus-4-6")
    assert opus.provider == "anthropic"
    assert opus.source_url == "https://www.anthropic.com/pricing#api"
    first, second = opus.history
    assert first.effective_on is None
    assert (first.prices.input, first.prices.output) == (Decimal(5), Decimal(25))
    assert (first.prices.cached_input, first.prices.cache_write) == (
        Decimal("0.5"),
        Decimal("6.25"),
    )
    assert [(tier.above_tokens, tier.prices.input) for tier in first.tiers] == [(200_000, 10)]
    assert second.effective_on == date(2026, 3, 13)
    assert second.tiers == ()


def test_what_is_not_a_standard_price_is_skipped_with_its_reason(folder):
    snapshot = read_folder(folder)

    reasons = {skip.ref: skip.reason for skip in snapshot.skipped}
    assert "time-of-day offer" in reasons["anthropic/off-peak"]
    assert reasons["anthropic/voice"] == "an unknown unit: requests_kcount"
    assert reasons["anthropic/rude"] == "a negative price: -2"
    off_peak = next(route for route in snapshot.routes if route.provider_model_id == "off-peak")
    assert [dated.prices.input for dated in off_peak.history] == [Decimal(1)]


def test_unparseable_yaml_is_skipped_and_the_rest_read(folder):
    (folder / "providers" / "broken.yml").write_text("name: [unclosed\n")
    snapshot = read_folder(folder)

    assert any(skip.ref == "providers/broken.yml" for skip in snapshot.skipped)
    assert snapshot.routes


def test_yaml_that_would_build_objects_is_refused(folder):
    (folder / "providers" / "evil.yml").write_text("!!python/object/apply:os.system ['true']\n")
    snapshot = read_folder(folder)

    assert any(
        skip.ref == "providers/evil.yml" and "unparseable YAML" in skip.reason
        for skip in snapshot.skipped
    )


def test_data_json_reads_the_same_as_the_yaml(folder):
    import yaml

    raw = json.dumps([yaml.safe_load(ANTHROPIC)], default=str).encode()
    from_json = read_document(raw, "data.json")
    from_yaml = read_folder(folder)

    assert [route.history for route in from_json.routes] == [
        route.history for route in from_yaml.routes
    ]


def test_a_folder_without_providers_is_refused(tmp_path):
    with pytest.raises(SourceError, match="not genai-prices"):
        read_folder(tmp_path)
