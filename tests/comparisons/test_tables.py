"""The pair page's tables (comparisons/tables.py): "-" for what is unknown, never "$0"."""

from datetime import date

import pytest

from comparisons import tables
from tests.comparisons.factories import (
    CAPABILITIES,
    DEFAULT_TRAFFIC,
    codex_spark,
    model,
    qwen,
    route,
    score,
)


def cells(rows):
    """{label: (text of A, text of B)} of a table."""
    return {row.label: (row.a.text, row.b.text) for row in rows}


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
        "Maker's list price": ("-", "-"),
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
    rows = tables.capabilities_table((a, model("B")), CAPABILITIES)
    assert [row.label for row in rows] == [cap.name for cap in CAPABILITIES]
    by_name = {row.label: row for row in rows}
    assert (by_name["Vision"].a.text, by_name["Vision"].a.tone) == ("Yes", "yes")
    assert (by_name["Reasoning"].a.text, by_name["Reasoning"].a.tone) == ("No", "no")
    assert (by_name["Tool use"].a.text, by_name["Tool use"].a.tone) == ("Unknown", "unknown")
    # No row at all is unknown too, never "No".
    assert {row.b.text for row in rows} == {"Unknown"}


def test_benchmarks_table_shows_shared_rows_with_units():
    a = model("A", scores=(score("SWE-bench", "70.100", "%"), score("Arena", "1400", "Elo")))
    b = model("B", scores=(score("SWE-bench", "60", "%"), score("Arena", "1350.5", "Elo")))
    assert cells(tables.benchmarks(a, b)) == {
        "Arena": ("1400 Elo", "1350.5 Elo"),
        "SWE-bench": ("70.1%", "60%"),
    }
    assert cells(tables.scorecard(a, b))["Shared benchmarks"] == ("2 rows", "2 rows")
    assert tables.benchmarks(a, model("C")) == []
