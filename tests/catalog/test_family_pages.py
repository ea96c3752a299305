"""The families list and a family's page: members side by side, newest first; the cheapest
prices over serving standard routes; capabilities; the price trend; pair links; the model
page's link to its family; the sitemap."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from lxml import html

from catalog.facts import ModelFacts, RouteFacts
from catalog.models import LanguageModel, ModelFamily, Route
from catalog.pages.families import (
    cheapest,
    cheapest_route_ids,
    member_pairs,
    newest_first,
    serving_standard,
)
from tests.sitemaps import entries

pytestmark = pytest.mark.django_db


def text_of(element):
    return " ".join(element.text_content().split())


def route(provider, input_price, output_price, **fields):
    return RouteFacts(
        provider=provider,
        provider_slug=provider.lower(),
        tier="",
        input_price=None if input_price is None else Decimal(input_price),
        output_price=None if output_price is None else Decimal(output_price),
        **fields,
    )


# Pure functions.


def test_the_cheapest_price_comes_from_a_serving_standard_route():
    routes = [
        route("A", "2", "8"),
        route("B", "1", "4", retired=True),  # cheaper, but nobody can buy it any more
        route("C", "0.5", "2", service_mode="batch"),  # another way of buying
        route("D", "0.5", "2", context_above=200_000),  # a context tier
        route("E", None, "6"),
    ]
    serving = serving_standard(routes)
    assert [r.provider for r in serving] == ["A", "E"]
    assert cheapest(serving, "input_price") == Decimal("2")
    assert cheapest(serving, "output_price") == Decimal("6")
    assert cheapest([route("F", None, None)], "output_price") is None


def test_members_are_newest_first_with_unknown_release_last():
    members = [
        ModelFacts(name="Old", slug="old", released_on=date(2024, 1, 1)),
        ModelFacts(name="Unknown", slug="unknown"),
        ModelFacts(name="New", slug="new", released_on=date(2025, 6, 1)),
        ModelFacts(name="Also new", slug="also-new", released_on=date(2025, 6, 1)),
    ]
    assert [m.name for m in newest_first(members)] == ["Also new", "New", "Old", "Unknown"]


def test_pair_links_cover_every_pair_of_the_newest_members():
    members = [ModelFacts(name=f"M{i}", slug=f"m{i}") for i in range(10)]
    pairs = member_pairs(members, limit=4)
    assert len(pairs) == 6  # 4 choose 2
    assert pairs[0].text == "M0 vs M1"
    assert pairs[0].url == "/compare/m0-vs-m1/"


def test_the_trend_follows_each_models_cheapest_priced_route():
    rows = [(1, 10, Decimal("8")), (2, 10, Decimal("4")), (3, 10, None), (4, 11, None)]
    assert cheapest_route_ids(rows) == [2]  # model 11 has no price: no line


# Pages, on the demo catalog.


@pytest.fixture
def demo(db):
    from catalog.demo.loader import load_demo_catalog

    load_demo_catalog()


def test_the_families_list_links_every_family_with_a_published_model(client, demo):
    response = client.get(reverse("catalog:family_list"))

    assert response.status_code == 200
    document = html.fromstring(response.content)
    links = document.xpath("//main//tbody//th/a")
    published = ModelFamily.objects.filter(members__is_published=True).distinct()
    assert {link.text for link in links} == {family.name for family in published}
    assert document.findtext(".//title").startswith("Model families")
    gpt5 = document.xpath("//tbody/tr[th/a[.='GPT-5']]")[0]
    assert "GPT-5, GPT-5 mini, GPT-5 nano, and GPT-5.3-Codex-Spark" in text_of(gpt5)
    assert "4 models" in text_of(gpt5)


def test_a_family_page_sets_its_models_side_by_side(client, demo):
    response = client.get("/families/gpt-5/")

    assert response.status_code == 200
    document = html.fromstring(response.content)
    assert document.findtext(".//h1") == "GPT-5 family"
    rows = document.xpath("//section[@id='members']//tbody/tr")
    names = [row.xpath("string(th/a)") for row in rows]
    assert names == ["GPT-5.3-Codex-Spark", "GPT-5", "GPT-5 mini", "GPT-5 nano"]  # newest first
    gpt5 = text_of(rows[1])
    for fact in ("2025-08-07", "400k", "$1.25/1M tokens", "$10/1M tokens"):
        assert fact in gpt5
    headers = document.xpath("//section[@id='capabilities']//thead/tr/th/text()")
    assert headers[1:] == names
    assert len(document.xpath("//section[@id='capabilities']//tbody/tr")) == 10
    pairs = document.xpath("//section[@id='pairs']//a/@href")
    assert len(pairs) == 6
    assert "/compare/gpt-5-vs-gpt-5-mini/" in pairs
    assert document.xpath("//link[@rel='canonical']/@href") == ["http://testserver/families/gpt-5/"]
    assert not document.xpath("//meta[@name='robots']")  # reviewed: indexable


def test_a_retired_route_is_never_a_familys_cheapest(client, demo):
    gpt5 = LanguageModel.objects.get(slug="gpt-5")
    cheapest_route = gpt5.routes.filter(service_mode="", context_above=0).order_by("input_price")[0]
    Route.objects.filter(model=gpt5, service_mode="", context_above=0).exclude(
        pk=cheapest_route.pk
    ).update(retires_on=timezone.localdate() - timedelta(days=1))
    cheapest_route.input_price = Decimal("0.01")
    cheapest_route.retires_on = timezone.localdate()
    cheapest_route.save()

    document = html.fromstring(client.get("/families/gpt-5/").content)
    row = document.xpath("//section[@id='members']//tbody/tr[th/a[.='GPT-5']]")[0]
    assert "$0.01" not in text_of(row)
    assert "Retired" not in text_of(row)  # the model itself is not retired
    assert text_of(row).count("-") >= 2  # no serving route: no cheapest price


def test_the_price_trend_draws_each_models_cheapest_route_over_time(client, demo):
    mini = Route.objects.get(
        model__slug="gpt-5-mini", provider__slug="openai-api", service_mode="", context_above=0
    )
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        mini.output_price = Decimal("1.5")
        mini.save()
        document = html.fromstring(client.get("/families/gpt-5/").content)

    section = document.xpath("//section[@id='price-trend']")[0]
    assert section.xpath(".//svg[@role='img']")
    caption = section.xpath("string(.//table/caption)")
    assert caption.startswith("Prices of the GPT-5 family over time")
    routes = set(section.xpath(".//table/tbody/tr/th/text()"))
    assert "GPT-5 mini (OpenAI API)" in routes
    assert "$1.50/1M tokens" in text_of(section)


def test_a_model_page_links_to_its_family(client, demo):
    document = html.fromstring(client.get("/models/gpt-5-mini/").content)
    assert document.xpath("//header//a[@href='/families/gpt-5/']/text()") == ["GPT-5 family"]


def test_unknown_and_empty_families_are_not_found(client, demo):
    ModelFamily.objects.create(name="Nobody's", slug="nobodys")
    assert client.get("/families/no-such-family/").status_code == 404
    assert client.get("/families/nobodys/").status_code == 404  # no published model


def test_a_family_no_editor_reviewed_is_noindex_and_not_in_the_sitemap(client, demo):
    assert ModelFamily.objects.get(slug="kimi-k2").reviewed_at is None
    document = html.fromstring(client.get("/families/kimi-k2/").content)
    assert document.xpath("//meta[@name='robots']/@content") == ["noindex"]

    listed = dict(entries(client.get("/sitemap-families.xml")))
    assert "http://testserver/families/kimi-k2/" not in listed
    assert "http://testserver/families/gpt-5/" in listed


def test_the_sitemaps_lastmod_is_the_pages_last_modified(client, demo):
    listed = entries(client.get("/sitemap-families.xml"))
    assert len(listed) == 9  # the demo's ten families, but Kimi K2: never reviewed
    for location, lastmod in listed:
        response = client.get(location.removeprefix("http://testserver"))
        stamp = datetime.fromisoformat(lastmod).timestamp()
        assert response["Last-Modified"] == http_date(stamp), location


def test_the_lists_of_families_and_benchmarks_are_in_the_sitemap_as_they_last_changed(client, demo):
    listed = dict(entries(client.get("/sitemap-pages.xml")))
    for path in ("/families/", "/benchmarks/"):
        lastmod = datetime.fromisoformat(listed[f"http://testserver{path}"])
        assert client.get(path)["Last-Modified"] == http_date(lastmod.timestamp()), path


def test_the_families_list_is_not_in_the_sitemap_without_a_family(client, demo):
    ModelFamily.objects.all().delete()
    assert "http://testserver/families/" not in dict(entries(client.get("/sitemap-pages.xml")))


def test_a_large_familys_trend_follows_its_newest_members(client, demo, monkeypatch):
    monkeypatch.setattr("catalog.pages.families.PAIRED_MEMBERS", 2)
    Route.history.update(history_date=timezone.now() - timedelta(days=30))

    document = html.fromstring(client.get("/families/gpt-5/").content)

    section = document.xpath("//section[@id='price-trend']")[0]
    assert text_of(section).startswith("Price trend The newest 2 models,")
    # GPT-5.3-Codex-Spark (newest) has no price; GPT-5 is the second newest.
    assert set(section.xpath(".//table/tbody/tr/th/text()")) == {"GPT-5 (OpenAI API)"}


def test_the_benchmark_matrix_compares_like_with_like():
    from catalog.facts import ScoreFacts
    from catalog.pages.families import score_matrix

    def score(value, *setting, claim=""):
        return ScoreFacts(
            benchmark="SWE-Bench Pro",
            benchmark_slug="swe-bench-pro",
            value=Decimal(value),
            unit="%",
            higher_is_better=True,
            setting=(*setting, "", "", "", "")[:4],
            claim=claim,
        )

    big = ModelFacts(name="Big", slug="big", scores=(score("45.9", claim="measured by Scale AI"),))
    small = ModelFacts(name="Small", slug="small", scores=(score("38.7"), score("41", "Codex")))
    rows = score_matrix([big, small])
    assert [(row.benchmark, row.cells, row.claims) for row in rows] == [
        ("SWE-Bench Pro", ["45.9%", "38.7%"], ["measured by Scale AI", ""]),
        ("SWE-Bench Pro (Codex)", ["-", "41%"], ["", ""]),
    ]
