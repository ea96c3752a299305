"""The pair page's tables and its assembly (comparisons/tables.py, comparisons/page.py):
"-" for what is unknown, never "$0"; the last-reviewed date that holds for the whole page."""

import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from catalog.facts import ReviewStamp, ScoreFacts
from comparisons import tables
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


def cells(rows):
    """{label: (text of A, text of B)} of a table."""
    return {row.label: (row.a.text, row.b.text) for row in rows}


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


def test_reference_scorecard():
    assert cells(tables.scorecard(codex_spark(), qwen())) == {
        "Product type": ("Coding-specialized model", "Standalone API model"),
        "Best for": (
            "custom coding agents, code generation, and tool loops",
            "reasoning-heavy apps, multimodal apps, and tool-calling agents",
        ),
        "Decision fit": ("Coding, RAG, and Agents", "Coding, RAG, and Agents"),
        "Context window": ("131k", "262k"),
        "Cheapest output": ("-", "$2.08/1M tokens"),
        "Provider routes": ("1 tracked", "3 tracked"),
        "Shared benchmarks": ("0 rows", "0 rows"),
    }


def test_scorecard_of_a_model_with_nothing_sourced():
    scorecard = cells(tables.scorecard(model("A"), model("B")))
    assert scorecard["Best for"] == ("-", "-")
    assert scorecard["Decision fit"] == ("-", "-")
    assert scorecard["Context window"] == ("-", "-")
    assert scorecard["Cheapest output"] == ("-", "-")
    assert scorecard["Provider routes"] == ("0 tracked", "0 tracked")


def test_cheapest_output_is_the_lowest_sourced_output_price():
    a = model("A", routes=(route("X", None, "3"), route("Y", "1", "2.5"), route("Z", "1", None)))
    assert cells(tables.scorecard(a, model("B")))["Cheapest output"] == ("$2.50/1M tokens", "-")


def test_reference_specs():
    specs = cells(tables.specs(codex_spark(), qwen()))
    assert specs["Released"] == ("2026-02-12", "2026-02-24")
    assert specs["Context window"] == ("131k", "262k")
    assert specs["Parameters"] == ("-", "122B total, 10B active")
    assert specs["Architecture"] == ("decoder only", "mixture of experts")
    assert specs["License"] == ("Proprietary", "Apache 2.0")
    assert specs["Openness"] == ("Proprietary", "Open source")
    assert specs["Commercial use"] == ("Commercial use with conditions", "Commercial use allowed")
    assert specs["Knowledge cutoff"] == ("-", "-")


def test_the_osi_mark_goes_only_to_an_osi_approved_license():
    license_row = next(row for row in tables.specs(codex_spark(), qwen()) if row.label == "License")
    assert (license_row.a.badge, license_row.b.badge) == ("", "OSI")


@pytest.mark.parametrize(
    ("total", "active", "text"),
    [
        (1_000_000_000_000, None, "1T"),
        (None, 10_000_000_000, "10B active"),
        (None, None, "-"),
    ],
)
def test_parameters(total, active, text):
    assert tables.parameters(model("A", parameters_total=total, parameters_active=active)) == text


def test_specs_of_a_model_with_nothing_sourced():
    specs = cells(tables.specs(model("A"), model("B", knowledge_cutoff=date(2025, 8, 1))))
    assert specs["Released"] == ("-", "-")
    assert specs["Knowledge cutoff"] == ("-", "2025-08")
    assert specs["License"] == ("-", "-")
    assert specs["Commercial use"] == ("-", "-")


def test_pricing_table_shows_unknown_prices_as_missing_never_zero():
    pricing = cells(tables.pricing(codex_spark(), qwen()))
    assert pricing == {
        "Input price": ("-", "$0.26/1M tokens"),
        "Output price": ("-", "$2.08/1M tokens"),
    }


def test_pricing_table_shows_a_sourced_zero():
    free = model("Free", routes=(route("X", 0, 0),))
    assert cells(tables.pricing(free, model("B")))["Input price"] == ("$0/1M tokens", "-")


def route_rows(models, traffic=DEFAULT_TRAFFIC):
    return [
        (row.model, row.provider, row.tier, row.input_price, row.output_price, row.monthly)
        for row in tables.routes(models, traffic)
    ]


def test_route_rows_total_each_route_priced_first_and_mark_unpriced_ones():
    assert route_rows((codex_spark(), qwen())) == [
        ("GPT-5.3-Codex-Spark", "OpenAI API", "standard", "-", "-", "-"),
        (
            "Qwen3.5-122B-A10B",
            "OpenRouter",
            "standard",
            "$0.26/1M tokens",
            "$2.08/1M tokens",
            "$728",
        ),
        ("Qwen3.5-122B-A10B", "Alibaba Cloud PAI-EAS", "standard", "-", "-", "-"),
        ("Qwen3.5-122B-A10B", "Novita AI", "standard", "-", "-", "-"),
    ]


def test_route_rows_put_the_cheapest_total_first():
    a = model("A", routes=(route("Cheap Output", "10", "1"), route("Cheap Total", "0.1", "2")))
    assert [row[1] for row in route_rows((a,))] == ["Cheap Total", "Cheap Output"]


def test_route_rows_name_the_tier():
    a = model("A", routes=(route("X", "1", "1", tier="batch"),))
    assert tables.routes((a,), DEFAULT_TRAFFIC)[0].tier == "batch"


def test_capabilities_table_shows_yes_no_and_unknown():
    a = model("A", yes=["vision"], no=["reasoning"], unknown=["tool-use"])
    rows = tables.capabilities_table(a, model("B"), CAPABILITIES)
    assert [row.label for row in rows] == [cap.name for cap in CAPABILITIES]
    by_name = {row.label: row for row in rows}
    assert (by_name["Vision"].a.text, by_name["Vision"].a.tone) == ("Yes", "yes")
    assert (by_name["Reasoning"].a.text, by_name["Reasoning"].a.tone) == ("No", "no")
    assert (by_name["Tool use"].a.text, by_name["Tool use"].a.tone) == ("Unknown", "unknown")
    # No row at all is unknown too, never "No".
    assert {row.b.text for row in rows} == {"Unknown"}


def score(benchmark, value, unit):
    return ScoreFacts(benchmark, benchmark.lower(), Decimal(value), unit, True)


def test_benchmarks_table_shows_shared_rows_with_units():
    a = model("A", scores=(score("SWE-bench", "70.100", "%"), score("Arena", "1400", "Elo")))
    b = model("B", scores=(score("SWE-bench", "60", "%"), score("Arena", "1350.5", "Elo")))
    assert cells(tables.benchmarks(a, b)) == {
        "Arena": ("1400 Elo", "1350.5 Elo"),
        "SWE-bench": ("70.1%", "60%"),
    }
    assert cells(tables.scorecard(a, b))["Shared benchmarks"] == ("2 rows", "2 rows")
    assert tables.benchmarks(a, model("C")) == []


# The whole page


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
        "Cheap costs $511 less a month at the default traffic ($217 versus $728)."
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
