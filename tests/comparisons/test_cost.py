"""Monthly cost at traffic: the spec's $728 check, and the cheapest route by total, not by
one of its prices."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from comparisons.cost import Traffic, cheapest_route, monthly_cost, priced_routes
from comparisons.pair_page import cost_section
from tests.comparisons.factories import DEFAULT_TRAFFIC, codex_spark, model, qwen, route

QWEN_ON_OPENROUTER = route("OpenRouter", "0.26", "2.08")


def test_qwen_costs_728_a_month_at_the_default_traffic():
    assert Traffic(1_000_000, 400, 300) == DEFAULT_TRAFFIC
    assert monthly_cost(QWEN_ON_OPENROUTER, DEFAULT_TRAFFIC) == Decimal("728")


def test_twice_the_requests_cost_twice_as_much():
    traffic = Traffic(2_000_000, 400, 300)
    assert monthly_cost(QWEN_ON_OPENROUTER, traffic) == Decimal("1456")


def test_cost_is_input_plus_output_spend():
    assert monthly_cost(QWEN_ON_OPENROUTER, Traffic(1_000_000, 400, 0)) == Decimal("104")
    assert monthly_cost(QWEN_ON_OPENROUTER, Traffic(1_000_000, 0, 300)) == Decimal("624")
    assert monthly_cost(QWEN_ON_OPENROUTER, Traffic(0, 400, 300)) == 0


def test_a_route_missing_either_price_has_no_cost():
    assert monthly_cost(route("A", None, "2.08"), DEFAULT_TRAFFIC) is None
    assert monthly_cost(route("A", "0.26", None), DEFAULT_TRAFFIC) is None
    assert monthly_cost(route("A"), DEFAULT_TRAFFIC) is None


def test_free_route_costs_zero_not_unknown():
    assert monthly_cost(route("A", 0, 0), DEFAULT_TRAFFIC) == 0


def test_the_cheapest_route_is_the_lowest_total_not_the_lowest_output_price():
    cheap_output = route("Cheap Output", "10", "1")  # 4,000 + 300 = $4,300
    cheap_total = route("Cheap Total", "0.1", "2")  # 40 + 600 = $640
    cheapest = cheapest_route([cheap_output, cheap_total], DEFAULT_TRAFFIC)
    assert cheapest.route is cheap_total
    assert cheapest.monthly == Decimal("640")


def test_which_route_is_cheapest_depends_on_the_traffic():
    cheap_output = route("Cheap Output", "10", "1")
    cheap_total = route("Cheap Total", "0.1", "2")
    output_heavy = Traffic(1_000_000, 0, 300)
    assert cheapest_route([cheap_output, cheap_total], output_heavy).route is cheap_output


def test_a_batch_price_is_compared_only_when_the_reader_buys_in_batch():
    standard = route("OpenRouter", "0.26", "2.08")
    batch = route("OpenRouter", "0.13", "1.04", tier="batch")
    other = route("Novita AI", "0.2", "1.5")  # 80 + 450 = $530
    interactive = cheapest_route([standard, other, batch], DEFAULT_TRAFFIC)
    assert interactive.route is other
    assert interactive.monthly == Decimal("530")

    in_batch = cheapest_route([standard, other, batch], replace(DEFAULT_TRAFFIC, mode="batch"))
    assert in_batch.route is batch
    assert in_batch.monthly == Decimal("364")
    assert in_batch.route.label == "OpenRouter (batch)"


def test_a_context_tier_applies_only_to_requests_above_its_threshold():
    base = route("Anthropic", "3", "15")
    long_context = route("Anthropic", "6", "22.5", context_above=200_000)
    short = Traffic(1, 200_000, 0)  # exactly at the threshold: the base price
    long = Traffic(1, 200_001, 0)

    assert cheapest_route([base, long_context], short).route is base
    assert cheapest_route([base, long_context], long).route is long_context
    assert long_context.label == "Anthropic (input over 200k tokens)"


def test_a_retired_route_is_never_the_cheapest():
    retired = route("Old Host", "0.01", "0.01", retires_on=date(2026, 1, 1), retired=True)
    current = route("New Host", "1", "1")
    assert cheapest_route([retired, current], DEFAULT_TRAFFIC).route is current


def test_routes_missing_a_price_are_skipped_even_when_their_known_price_is_lower():
    input_only = route("Input Only", "0", None)
    output_only = route("Output Only", None, "0")
    complete = route("Complete", "0.26", "2.08")
    cheapest = cheapest_route([input_only, output_only, complete], DEFAULT_TRAFFIC)
    assert cheapest.route is complete
    assert [
        cost.route for cost in priced_routes([input_only, output_only, complete], DEFAULT_TRAFFIC)
    ] == [complete]


def test_no_complete_price_means_no_cheapest_route():
    assert cheapest_route([route("A", "1", None), route("B", None, "1")], DEFAULT_TRAFFIC) is None
    assert cheapest_route([], DEFAULT_TRAFFIC) is None


def test_priced_routes_are_ordered_by_total_then_provider_then_tier():
    routes = [
        route("Zeta", "1", "1"),
        route("Alpha", "1", "1", tier="batch"),
        route("Alpha", "1", "1"),
        route("Beta", "0.5", "0.5"),
    ]
    ordered = [cost.route.label for cost in priced_routes(routes, DEFAULT_TRAFFIC)]
    assert ordered == ["Beta", "Alpha", "Zeta"]  # standard prices: batch is another mode


def test_huge_prices_and_traffic_stay_exact():
    dearest = route("Dear", "999999.999999", "999999.999999")
    traffic = Traffic(1_000_000, 500_000, 500_000)  # 10^12 tokens a month
    # 10^12 tokens at $999,999.999999 per 1M: 10^6 x the price, to the cent.
    assert monthly_cost(dearest, traffic) == Decimal("999999999999")


def test_the_cost_section_shows_the_cheapest_route_and_its_total():
    section = cost_section(codex_spark(), qwen(), DEFAULT_TRAFFIC)
    spark, qwen_cost = section.models
    assert (spark.amount, spark.route) == (None, None)
    assert (qwen_cost.name, qwen_cost.amount, qwen_cost.route) == (
        "Qwen3.5-122B-A10B",
        "$728",
        "OpenRouter",
    )


def test_the_cost_section_follows_the_traffic_asked_for():
    section = cost_section(codex_spark(), qwen(), Traffic(2_000_000, 400, 300))
    assert section.models[1].amount == "$1,456"


def test_the_cost_section_names_a_winning_tier():
    tiered = model(
        "Tiered",
        routes=(route("OpenRouter", "1", "1"), route("OpenRouter", "0.5", "0.5", tier="batch")),
    )
    section = cost_section(tiered, qwen(), replace(DEFAULT_TRAFFIC, mode="batch"))
    assert section.models[0].route == "OpenRouter (batch)"
    assert section.models[0].amount == "$350"
    standard = cost_section(tiered, qwen(), DEFAULT_TRAFFIC)
    assert (standard.models[0].route, standard.models[0].amount) == ("OpenRouter", "$700")
