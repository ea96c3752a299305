"""The pair page's assembly (comparisons/pair_page.py): no unknown price shown as "$0"
anywhere, the traffic followed only in the cost section, the FAQ's JSON-LD, and the
last-reviewed date that holds for the whole page."""

import dataclasses
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from catalog.facts import ReviewStamp, ScoreFacts
from comparisons.cost import Traffic
from comparisons.pair_page import build_pair_page, faq_json_ld, last_reviewed
from tests.comparisons.factories import (
    CAPABILITIES,
    DEFAULT_TRAFFIC,
    codex_spark,
    model,
    qwen,
    route,
)


def page_strings(value):
    """Every string a built page would put on screen (the raw facts of A and B left out)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name not in ("a", "b"):
                yield from page_strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from page_strings(item)


def build(a, b, traffic=DEFAULT_TRAFFIC):
    return build_pair_page(a, b, CAPABILITIES, traffic, DEFAULT_TRAFFIC)


# "$0", "$0.00", "$0/1M tokens" (but not "$0.26").
ZERO_DOLLARS = re.compile(r"\$0(?:\.0+)?(?![\d.])")

UNPRICED_PAIRS = {
    "reference": (codex_spark(), qwen()),
    "no routes": (model("A"), model("B")),
    "unpriced routes": (model("A", routes=(route("X"),)), model("B", routes=(route("Y"),))),
    "half prices": (
        model("A", routes=(route("X", "1.5", None),)),
        model("B", routes=(route("Y", None, "2.5"),)),
    ),
}


@pytest.mark.parametrize("pair", UNPRICED_PAIRS.values(), ids=UNPRICED_PAIRS.keys())
def test_an_unknown_price_never_shows_as_zero_anywhere_on_the_page(pair):
    page = build(*pair)
    shown = list(page_strings(page))
    # The walk reaches the page's text: both names are on it.
    for name in (pair[0].name, pair[1].name):
        assert any(name in text for text in shown), name
    assert not [text for text in shown if ZERO_DOLLARS.search(text)]
    assert page.cost.models[0].amount is None


def test_the_zero_dollar_pattern_tells_zero_from_cents():
    assert ZERO_DOLLARS.search("$0/1M tokens")
    assert ZERO_DOLLARS.search("costs $0.00 a month")
    assert not ZERO_DOLLARS.search("$0.26/1M tokens")
    assert not ZERO_DOLLARS.search("$0.000001/1M tokens")


def test_the_cost_section_says_unavailable_for_a_half_priced_model():
    page = build(*UNPRICED_PAIRS["half prices"])
    assert [(cost.amount, cost.route) for cost in page.cost.models] == [(None, None), (None, None)]
    assert page.cost.delta.startswith("Cost delta unavailable")


def test_the_page_follows_the_traffic_only_in_its_cost_section():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))
    page = build(cheap, dear, Traffic(2_000_000, 400, 300))
    assert [cost.amount for cost in page.cost.models] == ["$434", "$1,456"]
    assert page.tradeoffs[0].bullets[0] == (
        "Cheap costs $511 less a month at the default traffic through the cheapest tracked "
        "routes ($217 through OpenRouter versus $728 through OpenRouter)."
    )
    assert page.routes[0].monthly == "$434"


def test_the_reference_page_reads_as_the_reference():
    page = build(codex_spark(), qwen())
    assert page.title == "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B"
    assert [choice.name for choice in page.friction] == [
        "GPT-5.3-Codex-Spark → Qwen3.5-122B-A10B",
        "Qwen3.5-122B-A10B → GPT-5.3-Codex-Spark",
    ]
    assert [name for name, _ in page.providers[1]] == [
        "OpenRouter",
        "Alibaba Cloud PAI-EAS",
        "Novita AI",
    ]
    assert len(page.faq) == 6


def test_faq_json_ld_carries_exactly_the_questions_shown():
    page = build(codex_spark(), qwen())
    data = faq_json_ld(page.faq)
    assert data["@type"] == "FAQPage"
    assert [(item["name"], item["acceptedAnswer"]["text"]) for item in data["mainEntity"]] == [
        (item.question, item.answer) for item in page.faq
    ]


# Last reviewed


def at(day):
    return datetime(2026, 6, day, 12, tzinfo=UTC)


def test_last_reviewed_is_the_oldest_review_among_the_facts_shown():
    a = model(
        "A",
        reviewed_at=at(10),
        routes=(route("X", "1", "1", reviewed_at=at(4), provider_reviewed_at=at(20)),),
    )
    b = model("B", reviewed_at=at(12))
    reviewed = last_reviewed(a, b)
    assert reviewed.oldest == at(4)
    assert reviewed.never_reviewed == []


def test_never_reviewed_facts_are_named_not_hidden():
    a = model("A", reviewed_at=at(10), routes=(route("X", reviewed_at=at(8)),))
    b = model("B")
    reviewed = last_reviewed(a, b)
    assert reviewed.oldest == at(8)
    assert reviewed.never_reviewed == ["B (model)", "X (provider)"]


def test_nothing_reviewed_has_no_date():
    reviewed = last_reviewed(model("A"), model("B"))
    assert reviewed.oldest is None
    assert reviewed.never_reviewed == ["A (model)", "B (model)"]


def test_only_shared_benchmark_scores_count_for_last_reviewed():
    def stamped(benchmark, day):
        return ScoreFacts(
            benchmark,
            benchmark.lower(),
            Decimal(1),
            "%",
            True,
            ReviewStamp(f"score {benchmark} {day}", at(day), at(day)),
        )

    a = model("A", reviewed_at=at(10), scores=(stamped("MMLU", 5), stamped("AIME", 1)))
    b = model("B", reviewed_at=at(10), scores=(stamped("MMLU", 6),))
    assert last_reviewed(a, b).oldest == at(5)  # AIME, shown for A only, is not on the page


def test_a_provider_shared_by_both_models_is_counted_once():
    a = model("A", reviewed_at=at(10), routes=(route("X", reviewed_at=at(9)),))
    b = model("B", reviewed_at=at(10), routes=(route("X", reviewed_at=at(9)),))
    assert last_reviewed(a, b).never_reviewed == ["X (provider)"]
