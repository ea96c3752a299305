"""The conditions behind the page's claims, each on both sides, on plain facts.

"Unknown" (or no row at all) never counts as "no": only a sourced "no" makes a capability
unique to the other model.
"""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from catalog.facts import ReviewStamp
from comparisons import rules
from comparisons.cost import Traffic
from tests.comparisons import factories
from tests.comparisons.factories import CAPABILITIES, DEFAULT_TRAFFIC, model, route


def slugs(capabilities):
    return [cap.slug for cap in capabilities]


def score(benchmark, value, unit="%"):
    reviewed = datetime(2026, 1, 1, tzinfo=UTC)
    return factories.score(benchmark, value, unit, stamp=ReviewStamp(benchmark, reviewed, reviewed))


# Larger context


@pytest.mark.parametrize(
    ("window_a", "window_b", "larger"),
    [
        (262_144, 131_072, "A"),
        (131_072, 262_144, "B"),
        (1, 10_000_000, "B"),
        (131_072, 131_073, "B"),
        (131_072, 131_072, None),
        (None, 131_072, None),
        (131_072, None, None),
        (None, None, None),
    ],
)
def test_larger_context_is_the_strictly_larger_known_window(window_a, window_b, larger):
    a, b = model("A", context_window=window_a), model("B", context_window=window_b)
    found = rules.larger_context(a, b)
    assert (found.name if found else None) == larger
    assert rules.larger_context(b, a) is found


# Provider coverage


def test_broader_coverage_is_the_model_at_strictly_more_providers():
    a = model("A", routes=(route("OpenRouter"), route("Novita AI")))
    b = model("B", routes=(route("OpenRouter"),))
    assert rules.broader_coverage(a, b) is a
    assert rules.broader_coverage(b, a) is a


def test_equal_coverage_is_broader_for_neither():
    a = model("A", routes=(route("OpenRouter"),))
    b = model("B", routes=(route("Novita AI"),))
    assert rules.broader_coverage(a, b) is None
    assert rules.broader_coverage(model("C"), model("D")) is None


def test_tiers_of_one_provider_count_as_one_route():
    tiered = model(
        "Tiered",
        routes=(
            route("OpenRouter"),
            route("OpenRouter", tier="batch"),
            route("OpenRouter", tier="flex"),
        ),
    )
    other = model("Other", routes=(route("Novita AI"), route("Together")))
    assert rules.provider_count(tiered) == 1
    assert rules.broader_coverage(tiered, other) is other


def test_shared_providers_keep_the_first_models_order():
    a = model("A", routes=(route("Novita AI"), route("OpenRouter"), route("Together")))
    b = model("B", routes=(route("OpenRouter"), route("Novita AI", tier="batch")))
    assert rules.shared_providers(a, b) == ["Novita AI", "OpenRouter"]
    assert rules.shared_providers(a, model("C")) == []


# Capabilities


def test_a_capability_is_unique_only_against_a_sourced_no():
    a = model("A", yes=["vision", "reasoning", "tool-use"])
    b = model("B", no=["vision"], unknown=["reasoning"])  # tool-use: no row at all
    assert slugs(rules.unique_capabilities(a, b, CAPABILITIES)) == ["vision"]
    assert rules.unique_capabilities(b, a, CAPABILITIES) == []


def test_capabilities_both_support_are_unique_to_neither():
    a = model("A", yes=["vision"])
    b = model("B", yes=["vision"])
    assert rules.unique_capabilities(a, b, CAPABILITIES) == []
    assert slugs(rules.shared_capabilities(a, b, CAPABILITIES)) == ["vision"]


def test_unique_capabilities_follow_the_capability_order():
    a = model("A", yes=["parallel-agents", "vision", "code-execution"])
    b = model("B", no=["parallel-agents", "vision", "code-execution"])
    assert slugs(rules.unique_capabilities(a, b, CAPABILITIES)) == [
        "vision",
        "code-execution",
        "parallel-agents",
    ]


def test_capabilities_to_recheck_include_the_unknown():
    source = model("Source", yes=["vision", "reasoning", "tool-use", "computer-use"])
    target = model("Target", yes=["computer-use"], no=["vision"], unknown=["reasoning"])
    assert slugs(rules.capabilities_to_recheck(source, target, CAPABILITIES)) == [
        "vision",
        "reasoning",
        "tool-use",
    ]
    assert rules.capabilities_to_recheck(target, source, CAPABILITIES) == []


def test_capability_differences_name_the_model_that_has_it():
    a = model("A", yes=["vision"], no=["code-execution"], unknown=["reasoning"])
    b = model("B", yes=["code-execution", "reasoning"], no=["vision"])
    differences = [
        (cap.slug, owner.name) for cap, owner in rules.capability_differences(a, b, CAPABILITIES)
    ]
    assert differences == [("vision", "A"), ("code-execution", "B")]


def test_all_unknown_capabilities_make_no_claim():
    a, b = model("A", unknown=slugs(CAPABILITIES)), model("B")
    assert rules.unique_capabilities(a, b, CAPABILITIES) == []
    assert rules.shared_capabilities(a, b, CAPABILITIES) == []
    assert rules.capability_differences(a, b, CAPABILITIES) == []


# Prices and benchmarks


def test_lowest_price_ignores_unknown_prices():
    priced = model(
        "Priced",
        routes=(route("A", "0.5", None), route("B", None, "2"), route("C", "0.3", "3")),
    )
    assert rules.lowest_price(priced, "input_price") == Decimal("0.3")
    assert rules.lowest_price(priced, "output_price") == Decimal("2")


def test_lowest_price_is_none_when_nothing_is_sourced_and_zero_when_free():
    assert rules.lowest_price(model("Unpriced", routes=(route("A"),)), "input_price") is None
    assert rules.lowest_price(model("No routes"), "output_price") is None
    assert rules.lowest_price(model("Free", routes=(route("A", 0, 0),)), "input_price") == 0


def test_shared_benchmarks_are_those_both_have_by_name():
    a = model("A", scores=(score("SWE-bench", "70.1"), score("MMLU", "88"), score("AIME", "50")))
    b = model("B", scores=(score("MMLU", "85"), score("SWE-bench", "60"), score("GPQA", "40")))
    shared = rules.shared_benchmarks(a, b)
    assert [name for name, _, _ in shared] == ["MMLU", "SWE-bench"]
    assert [(s_a.value, s_b.value) for _, s_a, s_b in shared] == [
        (Decimal("88"), Decimal("85")),
        (Decimal("70.1"), Decimal("60")),
    ]
    assert rules.shared_benchmarks(a, model("C")) == []


# Cost comparison


def test_cost_comparison_names_the_cheaper_model_and_the_saving():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))  # 28 + 189 = $217
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))  # $728
    for first, second in ((cheap, dear), (dear, cheap)):
        comparison = rules.cost_comparison(first, second, DEFAULT_TRAFFIC)
        assert comparison.cheaper is cheap
        assert comparison.dearer is dear
        assert (comparison.cheaper_cost.monthly, comparison.dearer_cost.monthly) == (
            Decimal("217"),
            Decimal("728"),
        )
        assert comparison.saving == Decimal("511")


def test_cost_comparison_uses_each_models_cheapest_route():
    a = model("A", routes=(route("X", "10", "10"), route("Y", "0.1", "0.1")))
    b = model("B", routes=(route("X", "1", "1"),))
    assert rules.cost_comparison(a, b, DEFAULT_TRAFFIC).cheaper is a


def test_cost_comparison_needs_a_complete_price_on_both_sides():
    priced = model("Priced", routes=(route("OpenRouter", "0.26", "2.08"),))
    half = model("Half", routes=(route("OpenRouter", "0.01", None),))
    assert rules.cost_comparison(priced, half, DEFAULT_TRAFFIC) is None
    assert rules.cost_comparison(half, priced, DEFAULT_TRAFFIC) is None
    assert rules.cost_comparison(model("A"), model("B"), DEFAULT_TRAFFIC) is None


def test_equal_costs_save_nothing():
    a = model("A", routes=(route("OpenRouter", "1", "1"),))
    b = model("B", routes=(route("Novita AI", "2", "0"), route("Other", "5", "5")))
    comparison = rules.cost_comparison(a, b, Traffic(1_000_000, 100, 100))
    assert comparison.saving == 0
