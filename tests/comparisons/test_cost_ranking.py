"""Every model ranked by a workload's monthly cost (comparisons/cost_ranking.py and its SQL,
comparisons/cost_sql.py): the cost of a cached share, the order, the ranks, the filters,
a model that cannot take the request, and the database agreeing with cost.py."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalog.models import Benchmark, BenchmarkScore
from comparisons.cost import Traffic, monthly_cost
from comparisons.cost_page import rank_label, workload_text
from comparisons.cost_ranking import (
    Candidate,
    Filters,
    Question,
    Yardstick,
    costed,
    read_ranking,
)
from comparisons.cost_sql import BY_CHEAPEST, BY_LIST_PRICE, BY_SCORE
from tests.comparisons.factories import route

TRAFFIC = Traffic(1_000_000, 400, 300)


# The cost of a cached share (pure).


def test_the_cached_share_of_the_input_is_priced_at_the_cache_price():
    cached = replace(route("Cache Cloud", "2", "8"), cached_input_price=Decimal("0.5"))
    half = replace(TRAFFIC, cached_share=Decimal("0.5"))
    # 1M × (200 × $2 + 200 × $0.50 + 300 × $8) / 1M
    assert monthly_cost(cached, half) == Decimal(2900)
    assert monthly_cost(cached, TRAFFIC) == Decimal(3200)  # none cached: 400 × $2 + 300 × $8


def test_a_route_that_states_no_cache_price_caches_nothing():
    plain = route("Plain Cloud", "2", "8")
    assert monthly_cost(plain, replace(TRAFFIC, cached_share=Decimal(1))) == Decimal(3200)


def test_the_workload_in_words():
    assert workload_text(TRAFFIC) == (
        "1,000,000 requests a month of 400 input and 300 output tokens, standard mode"
    )
    assert workload_text(replace(TRAFFIC, mode="batch", cached_share=Decimal("0.125"))) == (
        "1,000,000 requests a month of 400 input and 300 output tokens, batch mode, "
        "12.5% of the input read from cache"
    )


def test_a_rank_is_a_dash_where_the_compared_cost_or_score_is_unknown():
    priced = Candidate(1, "a", "A", "Org", None, "", rank=3, cost=Decimal(7))
    assert rank_label(priced, BY_CHEAPEST) == "3"
    assert rank_label(priced, BY_LIST_PRICE) == "3"
    assert rank_label(priced, BY_SCORE) == "-"  # no score
    assert rank_label(replace(priced, cost=None), BY_CHEAPEST) == "-"


# The ranking, read from the database.


@pytest.fixture
def catalog(make_organization, make_provider, make_model, make_route):
    """Six models of two makers: priced at their maker's API and at a reseller, one only
    at the reseller, one with no price, one with a small context window, one with a
    context tier and a cache price."""
    acme, bolt = make_organization("Acme"), make_organization("Bolt")
    acme_api = make_provider("Acme API", kind="first_party", lab=acme)
    bolt_api = make_provider("Bolt API", kind="first_party", lab=bolt)
    reseller = make_provider("Resale")
    models = {}

    def add(name, organization, *routes, **fields):
        model = make_model(name, organization=organization, **fields)
        for provider, input_price, output_price, extra in routes:
            make_route(model, provider, input_price, output_price, **extra)
        models[name] = model
        return model

    add("Cheap", acme, (acme_api, 1, 2, {}), (reseller, "0.8", "1.6", {}))
    add("Also Cheap", bolt, (bolt_api, 1, 2, {}))  # the same cost as Cheap's list price
    add("Dear", acme, (acme_api, 10, 20, {}))
    add("Resold", bolt, (reseller, "0.1", "0.2", {}))
    add("Unpriced", acme, (reseller, None, None, {}))
    add("Small Window", bolt, (bolt_api, "0.01", "0.01", {}), context_window=512)
    add(
        "Tiered",
        acme,
        (acme_api, 3, 6, {"cached_input_price": Decimal("0.3")}),
        (acme_api, 30, 60, {"context_above": 200_000}),
        context_window=1_000_000,
    )
    return models


def ranked(traffic=TRAFFIC, **asked):
    question = Question(filters=asked.pop("filters", Filters()), traffic=traffic, **asked)
    return read_ranking(question, timezone.localdate())


def names(ranking):
    return [model.name for model in ranking.models]


def test_every_model_that_can_take_the_request_by_its_cheapest_route_unknown_last(catalog):
    ranking = ranked()

    # Small Window's 512 tokens cannot hold a request of 700: it is left out.
    assert names(ranking) == ["Resold", "Cheap", "Also Cheap", "Tiered", "Dear", "Unpriced"]
    assert [model.rank for model in ranking.models][:3] == [1, 2, 3]
    assert ranking.count == 6
    assert ranking.unpriced == 1
    # 1M × (400 × $0.10 + 300 × $0.20) / 1M
    assert ranking.models[0].cost == Decimal(100)


def test_costs_equal_to_the_cent_share_a_rank_ties_by_name(catalog):
    ranking = ranked(order=BY_LIST_PRICE)

    # Cheap and Also Cheap cost $1,000 at their makers' APIs; Resold has no list price.
    assert names(ranking)[:2] == ["Also Cheap", "Cheap"]
    assert [model.rank for model in ranking.models][:2] == [1, 1]
    assert [model.cost for model in ranking.models][:2] == [Decimal(1000)] * 2
    assert names(ranking)[-2:] == ["Resold", "Unpriced"]
    assert ranking.unpriced == 2


def test_a_maximum_cost_leaves_out_the_dearer_and_the_unknown(catalog):
    assert names(ranked(max_cost=Decimal(1000))) == ["Resold", "Cheap", "Also Cheap"]


def test_the_filters_narrow_the_models(catalog):
    assert names(ranked(filters=Filters(maker="bolt"))) == ["Resold", "Also Cheap"]
    assert "Small Window" in names(ranked(Traffic(1_000, 100, 100)))
    assert names(ranked(filters=Filters(min_context=200_000))) == ["Tiered"]


def test_a_context_tier_is_priced_for_requests_above_it_and_the_cache_where_stated(catalog):
    long = Traffic(1_000, 300_000, 1_000)
    tiered = next(m for m in ranked(long).models if m.name == "Tiered")
    # 1,000 × (300k × $30 + 1k × $60) / 1M: the tier above 200k input tokens.
    assert tiered.cost == Decimal(9060)

    half_cached = replace(TRAFFIC, cached_share=Decimal("0.5"))
    tiered = next(m for m in ranked(half_cached).models if m.name == "Tiered")
    # 1M × (200 × $3 + 200 × $0.30 + 300 × $6) / 1M
    assert tiered.cost == Decimal(2460)


def test_a_retired_route_is_never_the_cheapest(catalog, make_route, make_provider):
    past = timezone.localdate() - timedelta(days=1)
    make_route(catalog["Dear"], make_provider("Gone"), "0.01", "0.01", retires_on=past)
    dear = next(m for m in ranked().models if m.name == "Dear")
    assert dear.cost == Decimal(10_000)


def test_a_page_of_the_ranking_keeps_its_ranks_and_the_whole_count(catalog):
    part = read_ranking(Question(Filters(), TRAFFIC), timezone.localdate(), slice(2, 4))
    assert names(part) == ["Also Cheap", "Tiered"]
    assert [model.rank for model in part.models] == [3, 4]
    assert part.count == 6


def test_by_score_best_first_then_by_cost(catalog):
    bench = Benchmark.objects.create(name="Bench", slug="bench")
    for name, value in (("Dear", 90), ("Cheap", 80), ("Resold", 80)):
        BenchmarkScore.objects.create(model=catalog[name], benchmark=bench, value=value)
    yardstick = Yardstick("bench", "Bench", "%", higher_is_better=True)

    ranking = ranked(order=BY_SCORE, yardstick=yardstick)

    assert names(ranking)[:3] == ["Dear", "Resold", "Cheap"]
    assert [model.rank for model in ranking.models][:3] == [1, 2, 2]
    assert ranking.models[0].score == Decimal(90)
    assert ranking.models[3].score is None


def test_the_database_costs_every_model_as_cost_py_does(catalog):
    """The SQL of the ranking and comparisons/cost.py, at several workloads: the same cost
    for every model, at its cheapest route and at its list price."""
    for traffic in (
        TRAFFIC,
        Traffic(1_000, 300_000, 1_000),
        replace(TRAFFIC, cached_share=Decimal("0.25")),
        replace(TRAFFIC, mode="batch"),
    ):
        for order in (BY_CHEAPEST, BY_LIST_PRICE):
            ranking = ranked(traffic, order=order)
            for entry in costed(ranking.models, traffic, timezone.localdate()):
                python = entry.cost(order)
                assert entry.model.cost == (python and python.monthly), (order, entry)


def test_a_lifecycle_badge_for_a_retiring_model(catalog):
    catalog["Dear"].retires_on = date(2099, 1, 1)
    catalog["Dear"].save()
    dear = next(m for m in ranked().models if m.name == "Dear")
    assert dear.lifecycle is not None
    assert dear.lifecycle.day == date(2099, 1, 1)
