"""The OpenRouter parser on small documents written here."""

import json
from datetime import date
from decimal import Decimal

import pytest

from catalog.sync.openrouter import read_document
from catalog.sync.snapshot import SourceError

KIMI = {
    "id": "moonshotai/kimi-k2.5",
    "canonical_slug": "moonshotai/kimi-k2.5-20260127",
    "name": "MoonshotAI: Kimi K2.5",
    "context_length": 262144,
    "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
    "pricing": {"prompt": "0.0000006", "completion": "0.0000025", "input_cache_read": "0.0000001"},
    "top_provider": {"max_completion_tokens": 65536},
    "supported_parameters": ["tools", "reasoning", "max_tokens"],
    "knowledge_cutoff": "2025-06-30",
    "expiration_date": "2026-03-31",
    "hugging_face_id": "moonshotai/Kimi-K2.5",
}


def document(*entries):
    return json.dumps({"data": list(entries)}).encode()


def test_an_entry_becomes_a_route_at_openrouter_with_prices_per_million():
    snapshot = read_document(document(KIMI), "models.json")

    (route,) = snapshot.routes
    assert (route.provider, route.provider_model_id) == ("openrouter", "moonshotai/kimi-k2.5")
    assert route.prices.input == Decimal("0.6")
    assert route.prices.output == Decimal("2.5")
    assert route.prices.cached_input == Decimal("0.1")
    assert route.prices.cache_write is None
    assert route.retires_on == date(2026, 3, 31)
    model = route.model
    assert (model.key, model.name, model.organization) == (
        "moonshotai/kimi-k2.5-20260127",
        "Kimi K2.5",
        "moonshotai",
    )
    assert (model.context_window, model.max_output_tokens) == (262_144, 65_536)
    assert model.knowledge_cutoff == date(2025, 6, 30)
    assert model.open_weights is None  # a Hugging Face id is not a license statement
    assert model.capabilities == {
        "function-calling": "yes",
        "tool-use": "yes",
        "reasoning": "yes",
        "vision": "yes",
        "multimodal": "yes",
    }  # structured outputs not listed: unknown, not "no"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"pricing": {"prompt": "-1", "completion": "-1"}}, "a negative price: -1"),
        ({"pricing": {"prompt": "NaN", "completion": "1"}}, "a price that is not a number"),
        ({"architecture": {"output_modalities": ["audio"]}}, "not a language model"),
        ({"name": ""}, "an entry without a name"),
        ({"context_length": "lots"}, "the context length is not a number"),
    ],
)
def test_bad_entries_are_skipped_with_their_reason(change, reason):
    snapshot = read_document(document({**KIMI, **change}, {**KIMI, "id": "x/ok"}), "models.json")

    assert [route.key for route in snapshot.routes] == ["x/ok"]
    assert [skip.ref for skip in snapshot.skipped] == ["moonshotai/kimi-k2.5"]
    assert reason in snapshot.skipped[0].reason


@pytest.mark.parametrize("raw", [b"{", b"[]", b'{"data": 3}', b"\xff\xfe"])
def test_a_document_that_is_not_a_model_list_is_refused(raw):
    with pytest.raises(SourceError):
        read_document(raw, "models.json")
