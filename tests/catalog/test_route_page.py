"""/models/<slug>/<provider>/: a model on one provider — every tier and service mode there,
active or not, with prices, lifecycle, sources and review dates, the price history, links
on; its place in the sitemap; and links to it from the model and provider pages."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import lxml.html
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from catalog.merge import merge_models
from catalog.models import LanguageModel, Route
from tests.sitemaps import CHANGED, CHANGED_LASTMOD, CREATED_LASTMOD, ORIGIN, entries
from tests.visible_text import visible_text

QWEN_OPENROUTER = "/models/qwen3-5-122b-a10b/openrouter/"


def document(response):
    return lxml.html.fromstring(response.content)


def section(response, section_id):
    return document(response).get_element_by_id(section_id)


def table_rows(element):
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
        for row in element.xpath(".//tbody/tr")
    ]


def links(element):
    return {" ".join(a.text_content().split()): a.get("href") for a in element.xpath(".//a")}


@pytest.fixture
def qwen_at_openrouter(reference_catalog, make_route):
    """Qwen at OpenRouter: the standard route (0.26 / 2.08), a batch mode, a context tier
    (above 200k tokens) with every price, and a flex mode no longer offered."""
    qwen, openrouter = reference_catalog.qwen, reference_catalog.providers["OpenRouter"]
    Route.objects.filter(model=qwen, provider=openrouter).update(
        provider_model_id="qwen/qwen3.5-122b-a10b",
        reviewed_at=datetime(2026, 3, 14, 12, tzinfo=UTC),
        source_url="https://openrouter.ai/qwen/qwen3.5-122b-a10b",
    )
    make_route(qwen, openrouter, "0.13", "1.04", service_mode="batch")
    make_route(
        qwen,
        openrouter,
        "0.52",
        "4.16",
        context_above=200_000,
        cached_input_price=Decimal("0.1"),
        cache_write_price=Decimal("0.65"),
    )
    make_route(qwen, openrouter, "0.2", "1.5", service_mode="flex", is_active=False)
    return reference_catalog


# What the page shows.


def test_every_route_at_the_provider_with_its_prices(client, qwen_at_openrouter):
    response = client.get(QWEN_OPENROUTER)

    assert response.status_code == 200
    assert table_rows(section(response, "prices")) == [
        [
            "standard",
            "qwen/qwen3.5-122b-a10b",
            "$0.26/1M tokens",
            "$2.08/1M tokens",
            "-",
            "-",
            "-",
            "Offered",
            "2026-03-14",
            "Source",
        ],
        [
            "input over 200k tokens",
            "-",
            "$0.52/1M tokens",
            "$4.16/1M tokens",
            "$0.10/1M tokens",
            "$0.65/1M tokens",
            "-",
            "Offered",
            "never reviewed",
            "-",
        ],
        ["batch", "-", "$0.13/1M tokens", "$1.04/1M tokens", "-", "-", "-", "Offered"]
        + ["never reviewed", "-"],
        ["flex", "-", "$0.20/1M tokens", "$1.50/1M tokens", "-", "-", "-", "No longer offered"]
        + ["never reviewed", "-"],
    ]
    source = section(response, "prices").xpath(".//tbody/tr[1]//a")[0]
    assert source.get("href") == "https://openrouter.ai/qwen/qwen3.5-122b-a10b"
    text = visible_text(response.content)
    assert "Qwen3.5-122B-A10B on OpenRouter: 3 price tiers offered, standard output" in text
    assert "$0/" not in text


def test_unknown_prices_stay_unknown(client, reference_catalog):
    """Alibaba Cloud PAI-EAS serves Qwen with no price sourced: a dash, never $0."""
    response = client.get("/models/qwen3-5-122b-a10b/alibaba-cloud-pai-eas/")

    assert response.status_code == 200
    assert table_rows(section(response, "prices")) == [
        ["standard", "-", "-", "-", "-", "-", "-", "Offered", "never reviewed", "-"]
    ]
    assert "$0" not in visible_text(response.content)


def test_lifecycle_badges_of_the_model_and_its_routes(client, qwen_at_openrouter):
    today = timezone.localdate()
    LanguageModel.objects.filter(pk=qwen_at_openrouter.qwen.pk).update(
        is_deprecated=True, retires_on=today + timedelta(days=30)
    )
    routes = Route.objects.filter(model=qwen_at_openrouter.qwen, provider__slug="openrouter")
    routes.filter(service_mode="batch").update(retires_on=date(2020, 1, 31))
    routes.filter(service_mode="flex").update(is_deprecated=True)

    response = client.get(QWEN_OPENROUTER)

    header = document(response).xpath("//header[@class='page-header']")[0]
    badge = header.xpath(".//span[contains(@class, 'lifecycle')]")[0]
    assert badge.get("class") == "lifecycle lifecycle-retiring"
    coming = (today + timedelta(days=30)).isoformat()
    assert " ".join(badge.text_content().split()) == f"Deprecated, retires {coming}"
    assert badge.xpath("time")[0].get("datetime") == coming
    statuses = [row[7] for row in table_rows(section(response, "prices"))]
    assert statuses == [
        "Offered",
        "Offered",  # the context tier
        "Offered Retired 2020-01-31",
        "No longer offered Deprecated",
    ]


def test_price_history_of_these_routes_only(client, qwen_at_openrouter, editor):
    route = Route.objects.get(
        model=qwen_at_openrouter.qwen,
        provider__slug="openrouter",
        service_mode="",
        context_above=0,
    )
    before = section(client.get(QWEN_OPENROUTER), "price-history").text_content()
    assert "No price change recorded" in before
    route.output_price = Decimal("1.99")
    route._history_user = editor
    route.save()
    elsewhere = Route.objects.get(model=qwen_at_openrouter.qwen, provider__slug="novita-ai")
    elsewhere.output_price = Decimal("9")
    elsewhere.save()

    response = client.get(QWEN_OPENROUTER)

    today = timezone.localdate().isoformat()
    assert table_rows(section(response, "price-history")) == [
        [today, "OpenRouter", "Output price", "$2.08/1M tokens", "$1.99/1M tokens"]
    ]


def test_price_history_chart_of_every_tier(client, qwen_at_openrouter, editor):
    assert "route-price-chart" not in client.get(QWEN_OPENROUTER).content.decode()
    batch = Route.objects.get(
        model=qwen_at_openrouter.qwen, provider__slug="openrouter", service_mode="batch"
    )
    batch.output_price = Decimal("0.99")
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        batch.save()
        response = client.get(QWEN_OPENROUTER)

    page = document(response)
    chart = section(response, "price-history").xpath(".//svg")[0]
    assert chart.get("aria-labelledby") == "route-price-chart-title route-price-chart-desc"
    assert chart.findtext("title") == "Price history of Qwen3.5-122B-A10B on OpenRouter"
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))  # no id twice on the page
    labels = {row[0] for row in table_rows(section(response, "price-history"))}
    assert {"standard", "batch", "input over 200k tokens"} <= labels


def test_links_to_the_model_the_provider_and_the_other_providers(client, qwen_at_openrouter):
    response = client.get(QWEN_OPENROUTER)

    header = links(document(response).xpath("//header[@class='page-header']")[0])
    assert header["Qwen3.5-122B-A10B"] == "/models/qwen3-5-122b-a10b/"
    assert header["OpenRouter"] == "/providers/openrouter/"
    assert links(section(response, "other-providers")) == {
        "Qwen3.5-122B-A10B on Alibaba Cloud PAI-EAS": (
            "/models/qwen3-5-122b-a10b/alibaba-cloud-pai-eas/"
        ),
        "Qwen3.5-122B-A10B on Novita AI": "/models/qwen3-5-122b-a10b/novita-ai/",
    }


def test_title_description_canonical_and_indexing(client, qwen_at_openrouter):
    response = client.get(QWEN_OPENROUTER)
    page = document(response)

    assert page.findtext(".//title") == (
        "Qwen3.5-122B-A10B on OpenRouter: prices, tiers and history | LLM Reference"
    )
    description = page.xpath("//meta[@name='description']")[0].get("content")
    assert description.startswith(
        "Qwen3.5-122B-A10B by Alibaba (Qwen) on OpenRouter: input $0.26/1M tokens, "
        "output $2.08/1M tokens."
    )
    other = document(client.get("/models/qwen3-5-122b-a10b/novita-ai/"))
    assert other.xpath("//meta[@name='description']")[0].get("content") != description
    assert (
        page.xpath("//link[@rel='canonical']")[0].get("href")
        == f"http://testserver{QWEN_OPENROUTER}"
    )
    assert page.xpath("//meta[@property='og:type']")[0].get("content") == "article"
    assert page.xpath("//meta[@property='og:url']")[0].get("content") == (
        f"http://testserver{QWEN_OPENROUTER}"
    )
    # Never reviewed: reachable, not indexed; once reviewed, indexed.
    assert page.xpath("//meta[@name='robots']")[0].get("content") == "noindex"
    LanguageModel.objects.mark_reviewed(None)
    assert not document(client.get(QWEN_OPENROUTER)).xpath("//meta[@name='robots']")


def test_a_provider_that_offers_it_no_more_is_not_indexed(client, reference_catalog):
    LanguageModel.objects.mark_reviewed(None)
    Route.objects.filter(provider__slug="novita-ai").update(is_active=False)

    response = client.get("/models/qwen3-5-122b-a10b/novita-ai/")

    assert response.status_code == 200
    assert "Novita AI no longer offers Qwen3.5-122B-A10B" in visible_text(response.content)
    assert document(response).xpath("//meta[@name='robots']")[0].get("content") == "noindex"


def test_last_modified_is_the_latest_change_of_what_it_shows(client, qwen_at_openrouter):
    reviewed = timezone.now() + timedelta(days=1)
    Route.objects.filter(provider__slug="openrouter", service_mode="batch").update(
        reviewed_at=reviewed
    )
    assert client.get(QWEN_OPENROUTER)["Last-Modified"] == http_date(reviewed.timestamp())


def test_no_cookie(client, reference_catalog):
    response = client.get(QWEN_OPENROUTER)
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


# What has no page.


@pytest.mark.parametrize(
    "url",
    [
        "/models/no-such-model/openrouter/",
        "/models/qwen3-5-122b-a10b/no-such-provider/",
        "/models/qwen3-5-122b-a10b/openai-api/",  # a provider that does not serve it
    ],
)
def test_no_such_model_or_route_is_404(client, reference_catalog, url):
    response = client.get(url)
    assert response.status_code == 404


def test_an_unpublished_model_is_404(client, reference_catalog):
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(is_published=False)
    assert client.get(QWEN_OPENROUTER).status_code == 404


def test_a_merged_models_old_address_moves_for_good(client, reference_catalog, make_model):
    duplicate = make_model("Qwen Duplicate")
    Route.objects.create(
        model=duplicate, provider=reference_catalog.providers["OpenRouter"], output_price=1
    )
    merge_models(reference_catalog.qwen, duplicate)

    response = client.get("/models/qwen-duplicate/openrouter/")

    assert response.status_code == 301
    assert response["Location"] == QWEN_OPENROUTER


def test_only_safe_methods(client, reference_catalog):
    assert client.post(QWEN_OPENROUTER).status_code == 405


# Links to it.


def test_the_model_pages_price_table_links_each_row_to_its_route_page(client, qwen_at_openrouter):
    response = client.get("/models/qwen3-5-122b-a10b/")
    hrefs = [a.get("href") for a in section(response, "routes").xpath(".//tbody/tr/th/a")]
    assert hrefs == [
        "/models/qwen3-5-122b-a10b/alibaba-cloud-pai-eas/",
        "/models/qwen3-5-122b-a10b/novita-ai/",
        *[QWEN_OPENROUTER] * 3,  # standard, batch, the context tier
    ]
    for href in set(hrefs):
        assert client.get(href).status_code == 200


def test_the_provider_pages_rows_link_to_the_route_pages(client, qwen_at_openrouter):
    response = client.get("/providers/openrouter/")
    hrefs = {a.get("href") for a in section(response, "models").xpath(".//tbody/tr/th/a")}
    assert hrefs == {"/models/ling-2-6-1t/openrouter/", QWEN_OPENROUTER}


# The sitemap.


def test_sitemap_lists_reviewed_models_at_providers_with_an_active_route(client, sitemap_catalog):
    """Alpha (reviewed) at OpenRouter; not Delta (never reviewed), Beta (its only route is
    inactive) nor Hidden (unpublished)."""
    assert entries(client.get("/sitemap-routes.xml")) == [
        (f"{ORIGIN}/models/alpha/openrouter/", CREATED_LASTMOD)
    ]


def test_sitemap_lastmod_follows_the_routes_and_the_model(client, sitemap_catalog):
    alpha = sitemap_catalog["models"]["Alpha"]
    with time_machine.travel(CHANGED, tick=False):
        alpha.save()
    [(loc, lastmod)] = entries(client.get("/sitemap-routes.xml"))
    assert lastmod == CHANGED_LASTMOD
    page = client.get(loc.removeprefix(ORIGIN))
    assert page["Last-Modified"] == http_date(CHANGED.timestamp())


def test_sitemap_lastmod_is_the_pages_last_modified_with_several_routes(
    client, sitemap_catalog, make_provider, make_route
):
    """A second route of Alpha at another provider changes Alpha's OpenRouter page too (its
    link to the other provider), and both pages' headers say what the sitemap says."""
    alpha = sitemap_catalog["models"]["Alpha"]
    with time_machine.travel(CHANGED, tick=False):
        make_route(alpha, make_provider("Other Cloud", reviewed_at=CHANGED), 1, 2)
    listed = entries(client.get("/sitemap-routes.xml"))
    assert [loc for loc, _ in listed] == [
        f"{ORIGIN}/models/alpha/openrouter/",
        f"{ORIGIN}/models/alpha/other-cloud/",
    ]
    for loc, lastmod in listed:
        assert lastmod == CHANGED_LASTMOD
        response = client.get(loc.removeprefix(ORIGIN))
        assert response["Last-Modified"] == http_date(datetime.fromisoformat(lastmod).timestamp())
