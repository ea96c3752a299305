"""/cost/ on the real catalog (one catalog for the package: conftest.py): the database's
costs agree with comparisons/cost.py for every model at several workloads, no price stated
in another unit than tokens is ranked, and no model ranked cannot take the request."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import timezone

from catalog.models import Route
from comparisons.cost import Traffic
from comparisons.cost_ranking import Filters, Question, costed, matching_models, read_ranking
from comparisons.cost_sql import BY_CHEAPEST, BY_LIST_PRICE
from comparisons.models import TrafficDefaults
from tests.visible_text import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

WORKLOADS = {
    "default": Traffic(1_000_000, 400, 300),
    "long input, a context tier": Traffic(10_000, 250_000, 2_000),
    "half cached": Traffic(1_000_000, 10_000, 500, cached_share=Decimal("0.5")),
    "batch": Traffic(1_000_000, 400, 300, mode="batch"),
}


def same(database: Decimal | None, python: Decimal | None) -> bool:
    """Both unknown, or equal to a millionth of a dollar (SQLite's arithmetic is binary
    floating point; PostgreSQL's numeric is exact)."""
    if database is None or python is None:
        return database is python
    return abs(database - python) < Decimal("0.000001")


@pytest.mark.parametrize("order", [BY_CHEAPEST, BY_LIST_PRICE])
@pytest.mark.parametrize("workload", WORKLOADS)
def test_the_database_costs_every_real_model_as_cost_py_does(real_catalog, workload, order):
    traffic, today = WORKLOADS[workload], timezone.localdate()
    ranking = read_ranking(Question(Filters(), traffic, order), today)
    entries = costed(ranking.models, traffic, today, matching_models(Filters(), traffic))

    assert len(entries) == ranking.count > 100
    for entry in entries:
        python = entry.cost(order)
        assert same(entry.model.cost, python and python.monthly), entry.model
    known = [entry.cost(order).monthly for entry in entries if entry.cost(order)]
    assert known == sorted(known)  # cheapest first


def test_evrocs_prices_per_audio_minute_are_no_token_prices(real_catalog):
    """models.dev's evroc files say "# per audio minute" above `input = 0.0023`: ranked as
    a token price, Voxtral Small would be the cheapest model of all at $1.61 a month."""
    voxtral = Route.objects.get(provider__name="evroc", provider_model_id__icontains="voxtral")
    assert voxtral.input_price is None
    assert voxtral.output_price is None
    traffic = TrafficDefaults.kept().as_traffic()
    top = read_ranking(Question(Filters(), traffic), timezone.localdate(), slice(0, 1))
    assert "Voxtral" not in top.models[0].name


def test_no_model_ranked_is_too_small_for_the_request(real_catalog):
    long = Traffic(1_000, 300_000, 1_000)
    ranking = read_ranking(Question(Filters(), long), timezone.localdate())
    windows = [model.context_window for model in ranking.models]
    assert all(window is None or window >= 301_000 for window in windows)
    short = read_ranking(Question(Filters(), replace(long, input_tokens=1)), timezone.localdate())
    assert ranking.count < short.count


def test_the_page_names_what_ranks_first(real_catalog, client):
    response = client.get("/cost/")
    assert response.status_code == 200
    text = visible_text(response.content)
    traffic = TrafficDefaults.kept().as_traffic()
    ranking = read_ranking(Question(Filters(), traffic), timezone.localdate(), slice(0, 10))
    first = [model.name for model in ranking.models if model.rank == 1]
    verb = "costs least:" if len(first) == 1 else "cost least:"
    assert verb in text
    sentence = text.split(verb)[0][-200:]
    assert all(name in sentence for name in first[:2])
    assert "Voxtral" not in sentence
