"""The benchmarks list and a benchmark's page: leaderboard, price against score, frontier."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from catalog.models import Benchmark, BenchmarkScore, LanguageModel
from catalog.pages.benchmarks import (
    blended_price,
    cheapest_blended,
    last_modified,
    pareto_frontier,
    ranks,
    read_benchmark_page,
)

D = Decimal


# Pure rules.


def test_the_blended_price_weighs_three_input_tokens_to_one_output_token():
    assert blended_price(D(1), D(5)) == D(2)
    assert blended_price(None, D(5)) is None
    assert cheapest_blended([(D(1), D(5)), (None, D(1)), (D(2), D(2))]) == D(2)
    assert cheapest_blended([(None, D(1))]) is None


HAND_MADE = [
    # key, price, score
    ("cheap-weak", D(1), D(50)),
    ("cheap-strong", D(1), D(60)),  # beats cheap-weak at the same price
    ("middle", D(3), D(70)),
    ("dominated", D(4), D(65)),  # middle is cheaper and better
    ("twin-a", D(8), D(80)),
    ("twin-b", D(8), D(80)),  # equal on both counts: both stay
    ("pricey-worse", D(20), D(75)),
]


def test_the_frontier_keeps_the_models_nothing_beats_on_both_counts():
    assert pareto_frontier(HAND_MADE, higher_is_better=True) == {
        "cheap-strong",
        "middle",
        "twin-a",
        "twin-b",
    }


def test_the_frontier_when_lower_is_better():
    entries = [("a", D(1), D(9)), ("b", D(2), D(4)), ("c", D(3), D(6)), ("d", D(5), D(1))]

    assert pareto_frontier(entries, higher_is_better=False) == {"a", "b", "d"}


def test_ties_share_a_rank():
    assert ranks([D(9), D(8), D(8), D(7)]) == [1, 2, 2, 4]


# The pages.


@pytest.fixture
def bench(db):
    def make(name="Code Bench", **fields):
        fields.setdefault("category", "Coding")
        return Benchmark.objects.create(name=name, slug=name.lower().replace(" ", "-"), **fields)

    return make


@pytest.fixture
def scored(make_model, make_provider, make_route):
    """Four models on a benchmark: Alpha (cheap, best), Beta (pricier, worse: off the
    frontier), Gamma (expensive, second best), Delta (no price). Beta's cheapest route is
    retired, one other is a batch tier, one is inactive: none of them counts."""
    benchmark = Benchmark.objects.create(
        name="Code Bench", slug="code-bench", category="Coding", unit="%"
    )
    cloud, host = make_provider("Cloud"), make_provider("Host")
    today = timezone.localdate()
    models = {}
    for name, value, prices in [
        ("Alpha", "80", [(cloud, 1, 5, {})]),
        (
            "Beta",
            "60",
            [
                (cloud, 0.1, 0.1, {"retires_on": today}),
                (host, 0.1, 0.1, {"service_mode": "batch"}),
                (host, 0.2, 0.2, {"context_above": 200_000}),
                (host, 3, 7, {}),
            ],
        ),
        ("Gamma", "70", [(cloud, 10, 30, {})]),
        ("Delta", "90", [(cloud, None, 4, {}), (host, 0.01, 0.01, {"is_active": False})]),
    ]:
        model = models[name] = make_model(name)
        for provider, input_price, output_price, fields in prices:
            make_route(model, provider, input_price, output_price, **fields)
        BenchmarkScore.objects.create(model=model, benchmark=benchmark, value=D(value))
    hidden = make_model("Hidden", is_published=False)
    BenchmarkScore.objects.create(model=hidden, benchmark=benchmark, value=D("99"))
    return benchmark, models


def page_of(client, benchmark):
    response = client.get(benchmark.get_absolute_url())
    assert response.status_code == 200
    return response, lxml.html.fromstring(response.content)


def column(document, caption_start, index):
    table = next(
        table
        for table in document.iter("table")
        if table.find("caption") is not None
        and table.find("caption").text_content().startswith(caption_start)
    )
    return [
        row.xpath("./th|./td")[index].text_content().strip() for row in table.xpath(".//tbody/tr")
    ]


def test_the_leaderboard_ranks_published_models_best_first(client, scored):
    benchmark, _ = scored

    _, document = page_of(client, benchmark)

    assert column(document, "Published models", 1) == ["Delta", "Alpha", "Gamma", "Beta"]
    assert column(document, "Published models", 2) == ["90%", "80%", "70%", "60%"]


def test_the_leaderboard_shows_a_models_retirement(client, scored):
    benchmark, models = scored
    LanguageModel.objects.filter(pk=models["Gamma"].pk).update(
        is_deprecated=True, retires_on=date(2099, 1, 31)
    )

    _, document = page_of(client, benchmark)

    names = [" ".join(name.split()) for name in column(document, "Published models", 1)]
    assert names == ["Delta", "Alpha", "Gamma Deprecated, retires 2099-01-31", "Beta"]


def test_the_leaderboard_when_lower_is_better(client, scored):
    benchmark, _ = scored
    benchmark.higher_is_better = False
    benchmark.save()

    _, document = page_of(client, benchmark)

    assert column(document, "Published models", 1) == ["Beta", "Gamma", "Alpha", "Delta"]


def test_a_retired_route_a_service_tier_or_an_inactive_route_is_never_the_cheapest(scored):
    benchmark, _ = scored

    page = read_benchmark_page(benchmark.slug)

    prices = {row.model: row.price for row in page.price_rows}
    # Beta: (3 × 3 + 7) / 4 = 4, not its retired, batch or long-context route's price.
    assert prices == {
        "Alpha": "$2/1M tokens",
        "Beta": "$4/1M tokens",
        "Gamma": "$15/1M tokens",
        "Delta": "-",
    }


def test_the_frontier_and_the_unpriced_models(client, scored):
    benchmark, _ = scored

    response, document = page_of(client, benchmark)

    frontier = dict(
        zip(
            column(document, "Code Bench score and cheapest", 0),
            column(document, "Code Bench score and cheapest", 3),
            strict=True,
        )
    )
    assert frontier == {"Alpha": "Yes", "Beta": "No", "Gamma": "No", "Delta": "-"}
    text = " ".join(document.text_content().split())
    assert "1 model with a score has no known blended price" in text
    assert "On it, from the cheapest: Alpha." in text


def test_the_chart_is_well_formed_svg_and_mirrors_the_table(client, scored):
    benchmark, models = scored
    # A second frontier model: cheaper than Alpha, worse.
    BenchmarkScore.objects.filter(model=models["Beta"]).update(value=D("85"))

    response, document = page_of(client, benchmark)

    [markup] = re.findall(r"<svg class=\"chart-svg\".*?</svg>", response.content.decode(), re.S)
    svg = ET.fromstring(markup)
    assert svg.get("role") == "img"
    ids = svg.get("aria-labelledby").split()
    assert [svg.find("title").get("id"), svg.find("desc").get("id")] == ids
    assert "style" not in markup
    point_titles = [c.find("title").text for c in svg.iter("circle")]
    priced = column(document, "Code Bench score and cheapest", 0)[:3]
    assert sorted(title.split(":")[0] for title in point_titles) == sorted(priced)
    highlighted = [
        c.find("title").text.split(":")[0]
        for c in svg.iter("circle")
        if c.get("class") == "chart-marker"
    ]
    labels = [t.text for t in svg.iter("text") if t.get("class") == "chart-point-label"]
    on_frontier = [
        name
        for name, yes in zip(
            column(document, "Code Bench score and cheapest", 0),
            column(document, "Code Bench score and cheapest", 3),
            strict=True,
        )
        if yes == "Yes"
    ]
    assert sorted(highlighted) == sorted(labels) == sorted(on_frontier) == ["Alpha", "Beta"]


def test_an_unknown_benchmark_is_a_404(client, db):
    response = client.get(reverse("catalog:benchmark_detail", args=["no-such-bench"]))

    assert response.status_code == 404


def test_a_benchmark_without_scores_is_listed_says_so_and_is_not_indexed(client, scored, bench):
    empty = bench("Empty Bench", unit="points", higher_is_better=False)

    listing = lxml.html.fromstring(client.get(reverse("catalog:benchmark_list")).content)
    response, document = page_of(client, empty)

    assert column(listing, "Benchmarks by name", 0) == ["Code Bench", "Empty Bench"]
    assert column(listing, "Benchmarks by name", 3) == ["Higher is better", "Lower is better"]
    assert column(listing, "Benchmarks by name", 4) == ["4 models", "0 models"]
    assert "No published model has a Empty Bench score yet." in document.text_content()
    assert document.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert document.xpath("//svg[@class='chart-svg']") == []
    sitemap = b"".join(client.get("/sitemap-benchmarks.xml").streaming_content).decode()
    assert "/benchmarks/code-bench/" in sitemap
    assert "empty-bench" not in sitemap


def test_the_sitemap_lastmod_is_the_page_last_modified(client, scored):
    benchmark, models = scored
    later = timezone.now() + timedelta(days=1)
    models["Gamma"].routes.update(updated_at=later)

    response = client.get(benchmark.get_absolute_url())
    sitemap = b"".join(client.get("/sitemap-benchmarks.xml").streaming_content).decode()

    assert response["Last-Modified"] == http_date(later.timestamp())
    lastmod = re.search(r"<lastmod>(.*?)</lastmod>", sitemap).group(1)
    assert lastmod == later.replace(microsecond=0).isoformat()


def test_a_route_retired_since_the_last_change_dates_the_page():
    """A retirement day changes the chart (the route's price leaves it) without a write."""
    yesterday = timezone.now() - timedelta(days=1)
    today = timezone.localdate()
    retired = SimpleNamespace(changed_at=yesterday, retired_on=today)
    earlier = SimpleNamespace(changed_at=yesterday, retired_on=today - timedelta(days=7))

    assert last_modified(retired) == datetime.combine(
        today, time.min, tzinfo=timezone.get_current_timezone()
    )
    assert last_modified(earlier) == yesterday


def test_the_model_page_links_each_score_to_its_benchmark(client, scored):
    benchmark, models = scored

    response = client.get(models["Alpha"].get_absolute_url())

    document = lxml.html.fromstring(response.content)
    assert document.xpath("//section[@id='benchmarks']//tbody//th/a/@href") == [
        benchmark.get_absolute_url()
    ]
