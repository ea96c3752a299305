"""Retirement and deprecation: the badge's text and tone (catalog/lifecycle.py), the badge
wherever a model or route appears, and a retired route never the cheapest."""

from datetime import date, timedelta
from decimal import Decimal

import lxml.html
import pytest
from django.utils import timezone

from catalog.lifecycle import (
    DEPRECATED,
    RETIRED,
    RETIRING,
    LifecycleBadge,
    lifecycle_badge,
    retired,
)
from catalog.models import LanguageModel, Route

TODAY = date(2026, 11, 1)
QWEN = "/models/qwen3-5-122b-a10b/"


# The badge, as a pure function.


@pytest.mark.parametrize(
    ("retires_on", "deprecated", "text", "tone"),
    [
        (None, True, "Deprecated", DEPRECATED),
        (date(2027, 1, 31), False, "Retires 2027-01-31", RETIRING),
        (date(2027, 1, 31), True, "Deprecated, retires 2027-01-31", RETIRING),
        (TODAY, False, "Retired 2026-11-01", RETIRED),  # the day itself: retired
        (date(2026, 3, 1), True, "Retired 2026-03-01", RETIRED),
    ],
)
def test_badge_text_and_tone(retires_on, deprecated, text, tone):
    badge = lifecycle_badge(retires_on, deprecated, TODAY)
    assert badge is not None
    assert (badge.text, badge.tone, str(badge)) == (text, tone, text)
    assert badge.iso_day == (retires_on.isoformat() if retires_on else "")


def test_no_badge_when_no_end_is_stated():
    assert lifecycle_badge(None, False, TODAY) is None


def test_retired_from_its_day_on():
    assert not retired(None, TODAY)
    assert not retired(TODAY + timedelta(days=1), TODAY)
    assert retired(TODAY, TODAY)
    assert retired(TODAY - timedelta(days=1), TODAY)


def test_the_include_marks_the_day_up(client, db):
    from django.template.loader import render_to_string

    html = render_to_string(
        "includes/lifecycle_badge.html",
        {"badge": LifecycleBadge("Retires", RETIRING, date(2027, 1, 31))},
    )
    assert html.strip() == (
        '<span class="lifecycle lifecycle-retiring">Retires '
        '<time datetime="2027-01-31">2027-01-31</time></span>'
    )
    assert render_to_string("includes/lifecycle_badge.html", {"badge": None}).strip() == ""


# Where it shows.


def badges(response):
    document = lxml.html.fromstring(response.content)
    return [
        " ".join(span.text_content().split())
        for span in document.xpath("//main//span[contains(@class, 'lifecycle ')]")
    ]


@pytest.fixture
def ending(reference_catalog):
    """Qwen retires in 30 days; its OpenRouter route retired in 2020; Ling is deprecated."""
    coming = timezone.localdate() + timedelta(days=30)
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(retires_on=coming)
    LanguageModel.objects.filter(pk=reference_catalog.ling.pk).update(is_deprecated=True)
    Route.objects.filter(model=reference_catalog.qwen, provider__slug="openrouter").update(
        retires_on=date(2020, 1, 31)
    )
    return f"Retires {coming.isoformat()}"


def test_model_page_header_and_price_table(client, ending):
    response = client.get(QWEN)
    document = lxml.html.fromstring(response.content)
    header = document.xpath("//header[@class='page-header']//span[contains(@class, 'lifecycle')]")
    assert [" ".join(span.text_content().split()) for span in header] == [ending]
    routes = document.get_element_by_id("routes")
    tiers = [" ".join(cell.text_content().split()) for cell in routes.xpath(".//tbody/tr/td[1]")]
    assert tiers == ["standard", "standard", "standard Retired 2020-01-31"]


def test_provider_page_rows(client, ending):
    """The model's badge beside its name, the route's beside its tier."""
    assert badges(client.get("/providers/openrouter/")) == [
        "Deprecated",  # Ling
        ending,  # Qwen
        "Retired 2020-01-31",  # Qwen at OpenRouter
    ]


def test_models_list_rows(client, ending):
    assert badges(client.get("/models/")) == ["Deprecated", ending]


def test_home_page_recently_reviewed_models(client, ending):
    LanguageModel.objects.mark_reviewed(None)
    assert sorted(badges(client.get("/"))) == sorted(["Deprecated", ending])


# Never the cheapest once retired.


def test_models_list_from_price_leaves_out_a_retired_route(client, retired_cheaper_route):
    document = lxml.html.fromstring(client.get("/models/").content)
    row = document.xpath("//main//tbody/tr[th/a[@href=$url]]", url=QWEN)[0]
    assert "$2.08/1M tokens" in row.text_content()
    assert "$0.01" not in row.text_content()


def test_models_list_price_sort_and_filter_leave_out_a_retired_route(client, retired_cheaper_route):
    found = LanguageModel.objects.published().output_price_at_most(1)
    assert retired_cheaper_route.model not in found
    cheapest = dict(
        LanguageModel.objects.published()
        .with_cheapest_output()
        .values_list("slug", "cheapest_output")
    )
    assert cheapest["qwen3-5-122b-a10b"] == Decimal("2.08")
    response = client.get("/models/", {"max_price": "1"})
    assert QWEN not in response.content.decode()


def test_a_route_retiring_later_still_counts(client, reference_catalog, make_route, make_provider):
    make_route(
        reference_catalog.qwen,
        make_provider("Late Host"),
        "0.01",
        "0.01",
        retires_on=timezone.localdate() + timedelta(days=1),
    )
    cheapest = LanguageModel.objects.with_cheapest_output().get(pk=reference_catalog.qwen.pk)
    assert cheapest.cheapest_output == Decimal("0.01")


def test_model_page_description_leaves_out_a_retired_route(client, retired_cheaper_route):
    document = lxml.html.fromstring(client.get(QWEN).content)
    description = document.xpath("//meta[@name='description']")[0].get("content")
    assert "output from $2.08/1M tokens" in description
