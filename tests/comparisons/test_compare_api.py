"""/api/v1/compare: two to four models' records in the order asked, with their monthly
costs at a traffic, and a JSON `detail` for every request that cannot be answered."""

from decimal import Decimal

import pytest

from catalog.models import LanguageModel
from comparisons.api import monthly
from comparisons.cost import CHEAPEST, LIST_PRICE, Traffic
from tests.comparisons.factories import model, route

pytestmark = pytest.mark.django_db

SPARK, QWEN, LING = "gpt-5-3-codex-spark", "qwen3-5-122b-a10b", "ling-2-6-1t"
URL = "/api/v1/compare"


def test_three_models_in_the_order_asked_with_their_costs(client, reference_catalog):
    response = client.get(URL, {"models": f"{QWEN},{SPARK},{LING}", "requests": "2000000"})

    assert response.status_code == 200
    body = response.json()
    assert [record["slug"] for record in body["models"]] == [QWEN, SPARK, LING]
    assert body["traffic"] == {
        "requests_per_month": 2_000_000,
        "input_tokens": 400,
        "output_tokens": 300,
        "mode": "",
    }
    assert [cost["model"] for cost in body["costs"]] == [QWEN, SPARK, LING]
    qwen = body["costs"][0]["at_cheapest_route"]
    # OpenRouter's $0.26 input and $2.08 output per 1M tokens, 2M requests of 400 and 300.
    assert qwen == {"usd": "1456.00", "route": "OpenRouter", "below_list_price": False}


def test_a_cost_is_the_cheapest_route_with_both_prices_or_null():
    traffic = Traffic(1_000_000, 400, 300)
    priced = model(
        "Priced",
        routes=(
            route("Dear Cloud", "2", "8"),
            route("Cheap Cloud", "1", "4"),
            route("Half Cloud", "0.5", None),
        ),
    )
    assert monthly(priced, traffic, CHEAPEST) == {
        "usd": Decimal("1600.00"),  # 1M × (400 × $1 + 300 × $4) / 1M
        "route": "Cheap Cloud",
        "below_list_price": False,
    }
    assert monthly(priced, traffic, LIST_PRICE) is None  # no route at its maker's API
    unpriced = model("Unpriced", routes=(route("Somewhere", None, None),))
    assert monthly(unpriced, traffic, CHEAPEST) is None


def test_one_model_is_its_costs_alone_and_a_repeated_one_counts_once(client, reference_catalog):
    one = client.get(URL, {"models": SPARK}).json()
    repeated = client.get(URL, {"models": f"{SPARK},{QWEN},{SPARK}"}).json()

    assert [cost["model"] for cost in one["costs"]] == [SPARK]
    assert [record["slug"] for record in repeated["models"]] == [SPARK, QWEN]


@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ({"models": "a,b,c,d,e"}, 400, "models: String should match pattern"),
        ({"models": f"{SPARK},nope"}, 404, "No published model has the slug 'nope'."),
        ({"models": SPARK, "requests": "lots"}, 400, "requests: Input should be a valid integer"),
        ({"models": SPARK, "mode": "turbo"}, 400, "mode: String should match pattern"),
        ({}, 400, "models: Field required."),
    ],
    ids=["five", "unknown", "bad traffic", "unknown mode", "none"],
)
def test_what_cannot_be_compared_says_why(client, reference_catalog, query, status, detail):
    response = client.get(URL, query)

    assert response.status_code == status
    assert response.json()["detail"].startswith(detail)


def test_an_unpublished_model_is_not_found(client, reference_catalog):
    LanguageModel.objects.filter(slug=LING).update(is_published=False)

    assert client.get(URL, {"models": f"{SPARK},{LING}"}).status_code == 404
