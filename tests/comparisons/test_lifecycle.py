"""Retirement on the pair page: a "Status" row and route badges where an end is stated,
and a retired route never the cheapest (scorecard, pricing, monthly cost)."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import timezone
from lxml import html

from catalog.lifecycle import RETIRED, RETIRING, LifecycleBadge
from catalog.models import LanguageModel
from comparisons import tables
from tests.comparisons.factories import DEFAULT_TRAFFIC, model, route
from tests.visible_text import visible_text

SPARK_VS_QWEN = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
RETIRES = LifecycleBadge("Retires", RETIRING, date(2027, 1, 31))
GONE = LifecycleBadge("Retired", RETIRED, date(2020, 1, 1))


def retired_route(provider, input_price, output_price):
    return route(provider, input_price, output_price, retires_on=GONE.day, retired=True)


# The tables, as pure functions.


def test_no_status_row_when_no_end_is_stated():
    labels = [row.label for row in tables.scorecard(model("A"), model("B"))]
    assert "Status" not in labels


def test_status_row_when_either_model_has_an_end():
    rows = {row.label: row for row in tables.scorecard(model("A", lifecycle=RETIRES), model("B"))}
    status = rows["Status"]
    assert (status.a.text, status.a.lifecycle) == ("", RETIRES)
    assert (status.b.text, status.b.lifecycle) == ("-", None)


def test_a_retired_route_is_not_the_cheapest_output_or_input():
    a = model("A", routes=(retired_route("Old Host", "0.01", "0.01"), route("Live Host", "1", "2")))
    scorecard = {row.label: row.a.text for row in tables.scorecard(a, model("B"))}
    pricing = {row.label: row.a.text for row in tables.pricing(a, model("B"))}
    assert scorecard["Cheapest output"] == "$2/1M tokens"
    assert pricing["Input price"] == "$1/1M tokens"
    assert pricing["Output price"] == "$2/1M tokens"


def test_the_routes_table_keeps_a_retired_route_with_its_badge_and_no_cost():
    gone = replace(retired_route("Old Host", "0.01", "0.01"), lifecycle=GONE)
    a = model("A", routes=(gone,))
    [row] = tables.routes([a], DEFAULT_TRAFFIC)
    assert (row.tier, row.lifecycle, row.monthly) == ("standard", GONE, "-")
    assert row.model_slug == "a"


# The page.


@pytest.mark.django_db
def test_pair_page_badges_and_cheapest(client, reference_catalog, retired_cheaper_route):
    coming = timezone.localdate() + timedelta(days=30)
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(
        is_deprecated=True, retires_on=coming
    )

    response = client.get(SPARK_VS_QWEN)

    document = html.fromstring(response.content)
    scorecard = document.get_element_by_id("scorecard")
    status = scorecard.xpath(".//tr[th='Status']/td")
    assert [" ".join(cell.text_content().split()) for cell in status] == [
        "-",
        f"Deprecated, retires {coming.isoformat()}",
    ]
    cheapest = scorecard.xpath(".//tr[th='Cheapest output']/td")[1].text_content()
    assert cheapest.strip() == "$2.08/1M tokens"
    text = visible_text(response.content)
    assert "standard Retired 2020-01-01" in text  # the routes table keeps it, with its date
    assert "Cheapest tracked route/tier: OpenRouter" in text
    # Each route row links to the model's page at that provider.
    old_host = document.xpath("//section[@id='cost']//a[text()='Old Host']")[0]
    assert old_host.get("href") == "/models/qwen3-5-122b-a10b/old-host/"
    assert client.get(old_host.get("href")).status_code == 200
