"""`/cost/` as a reader and a program use it: the ranking at the default workload and at
one they set, the shareable address, pages, the htmx results, the CSV file, the API, and
a clear answer to every bad input."""

import csv
import io

import lxml.html
import pytest

from catalog.models import Benchmark, BenchmarkScore
from tests.visible_text import visible_text

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def catalog(make_organization, make_provider, make_model, make_route):
    acme = make_organization("Acme")
    acme_api = make_provider("Acme API", kind="first_party", lab=acme)
    reseller = make_provider("Resale")
    cheap = make_model("Cheap", organization=acme)
    make_route(cheap, acme_api, 1, 2)
    make_route(cheap, reseller, "0.8", "1.6")
    dear = make_model("Dear", organization=acme)
    make_route(dear, acme_api, 10, 20)
    make_model("Unpriced", organization=acme)
    formula = make_model("=HYPERLINK(1)", organization=acme)
    make_route(formula, reseller, 5, 5)
    return {"cheap": cheap, "dear": dear}


def results(response):
    return lxml.html.fromstring(response.content)


def table_rows(response):
    page = results(response)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in page.xpath('//section[@id="results"]//tbody/tr')
    ]


def test_the_default_workload_ranks_every_model_cheapest_first(client, catalog):
    response = client.get("/cost/")

    assert response.status_code == 200
    text = visible_text(response.content)
    assert "4 models ranked" in text
    # 1M requests of 400 input and 300 output tokens: Resale's $0.80 and $1.60.
    assert "Cheap costs least: $800 a month through Resale." in text
    rows = table_rows(response)
    assert [row[1] for row in rows] == ["Cheap", "=HYPERLINK(1)", "Dear", "Unpriced"]
    assert rows[0][0] == "1"
    assert rows[0][5].startswith("$800 Resale")
    assert rows[0][6] == "$1,000 Acme API"  # at its maker's list price
    assert rows[-1][0] == "-"
    assert response.headers["Last-Modified"]
    assert 'name="robots"' not in response.content.decode()  # the default is indexable


def test_a_workload_set_in_the_address_is_the_ranking_shared(client, catalog):
    response = client.get("/cost/", {"requests": "2,000,000", "order": "list"})

    assert response.status_code == 200
    text = visible_text(response.content)
    assert "2,000,000 requests a month" in text
    assert "Cheap costs least: $2,000 a month at its maker's list price." in text
    page = results(response)
    assert page.xpath('//input[@name="requests"]/@value') == ["2,000,000"]
    csv_link = page.xpath('//a[text()="CSV"]/@href')[0]
    assert csv_link == "/cost/workload-cost.csv?requests=2%2C000%2C000&order=list"
    assert page.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/cost/"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"requests": "lots"}, "requests", "Enter a whole number, such as 1000000."),
        ({"input_tokens": "-5"}, "input_tokens", "Enter 0 or more tokens."),
        ({"cached": "150"}, "cached", "Enter a percentage from 0 to 100, such as 50."),
        ({"max_cost": "cheap"}, "max_cost", "Enter an amount in USD, such as 500."),
        ({"maker": "nobody"}, "maker", "No maker “nobody” has a published model"),
        ({"mode": "turbo"}, "mode", "Unknown service mode “turbo”"),
        ({"order": "score"}, "benchmark", "Choose the benchmark to rank by, or rank by cost."),
        ({"benchmark": "nope"}, "benchmark", "No benchmark “nope” has a published score"),
        ({"min_context": "huge"}, "min_context", "Enter a number of tokens, such as 128000"),
        ({"page": "0"}, "page", "Pages are numbered from 1."),
        ({"requests": "10000000000", "input_tokens": "1000000"}, "requests", "10^12"),
    ],
)
def test_a_bad_value_is_a_400_that_says_what_is_wrong(client, catalog, query, field, message):
    response = client.get("/cost/", query)

    assert response.status_code == 400
    page = results(response)
    errors = " ".join(page.xpath(f'//ul[@id="id_{field}_error"]//text()'))
    assert message in errors
    assert page.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert not table_rows(response)


def test_a_page_past_the_last_is_a_404(client, catalog):
    assert client.get("/cost/", {"page": "2"}).status_code == 404


def test_pages_of_fifty(client, catalog, grow_catalog):
    grow_catalog(60)
    first = client.get("/cost/")
    second = client.get("/cost/", {"page": "2"})

    assert "showing 1–50" in visible_text(first.content)
    assert len(table_rows(first)) == 50
    assert len(table_rows(second)) == 14
    assert results(first).xpath('//a[@rel="next"]/@href') == ["/cost/?page=2"]
    # The default ranking's later page is a page of its own.
    assert results(second).xpath('//link[@rel="canonical"]/@href') == [
        "http://testserver/cost/?page=2"
    ]
    assert "costs least" not in visible_text(second.content)  # said on the first page


def test_htmx_gets_the_results_and_the_errors_out_of_band(client, catalog):
    response = client.get("/cost/", {"requests": "2000000"}, headers=HTMX)

    assert response.status_code == 200
    assert response.headers["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert '<section id="results"' in html
    assert "<html" not in html
    assert 'id="id_requests_error" data-hx-swap-oob="true"' in html
    assert "HX-Request" in response.headers["Vary"]

    bad = client.get("/cost/", {"requests": "x"}, headers=HTMX)
    assert bad.status_code == 400
    assert "Enter a whole number" in bad.content.decode()


def test_a_benchmark_column_to_read_cost_against_quality(client, catalog):
    bench = Benchmark.objects.create(name="Bench", slug="bench")
    BenchmarkScore.objects.create(model=catalog["dear"], benchmark=bench, value=91)
    BenchmarkScore.objects.create(model=catalog["cheap"], benchmark=bench, value=70)

    response = client.get("/cost/", {"benchmark": "bench", "order": "score"})

    assert response.status_code == 200
    headers = results(response).xpath('//section[@id="results"]//thead//th//text()')
    assert "Bench" in headers
    rows = table_rows(response)
    assert [row[1] for row in rows][:2] == ["Dear", "Cheap"]
    assert rows[0][-1] == "91%"
    text = visible_text(response.content)
    assert "Dear scores best on Bench, at $10,000 a month through Acme API." in text
    assert "Last-Modified" not in response.headers


def read_csv(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_the_csv_file_holds_the_whole_ranking_spreadsheet_safe(client, catalog):
    response = client.get("/cost/workload-cost.csv", {"requests": "2000000"})

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:3] == ["rank", "model", "model_slug"]
    assert rows[1][:2] == ["1", "Cheap"]
    assert rows[1][6:9] == ["1600.00", "Resale", "false"]
    assert [row[1] for row in rows if "HYPERLINK" in row[1]] == ["'=HYPERLINK(1)"]
    assert rows[-1][0] == ""  # Unpriced: no rank
    assert len(rows) == 5


def test_the_csv_file_of_a_bad_query_is_a_400_in_words(client, catalog):
    response = client.get("/cost/workload-cost.csv", {"cached": "-1"})
    assert response.status_code == 400
    assert "Input read from cache, %: Enter a percentage" in response.content.decode()


def test_the_api_answers_the_same_ranking_paged(client, catalog):
    response = client.get("/api/v1/cost", {"page_size": "2", "requests": "2000000"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert body["traffic"]["requests_per_month"] == 2_000_000
    assert body["order"] == "cheapest"
    assert [entry["model"] for entry in body["results"]] == ["cheap", "hyperlink1"]
    assert body["results"][0]["rank"] == 1
    assert body["results"][0]["at_cheapest_route"] == {
        "usd": "1600.00",
        "route": "Resale",
        "below_list_price": False,
    }
    assert body["next"].endswith("/api/v1/cost?page_size=2&requests=2000000&page=2")
    assert body["previous"] is None
    last = client.get("/api/v1/cost", {"page_size": "2", "page": "2"}).json()
    assert last["results"][-1]["rank"] is None
    assert last["results"][-1]["at_cheapest_route"] is None


@pytest.mark.parametrize(
    ("query", "status", "detail"),
    [
        ({"requests": "-1"}, 400, "requests: Input should be greater than or equal to 0."),
        ({"cached": "150"}, 400, "cached: String should match pattern"),
        ({"order": "best"}, 400, "order: String should match pattern"),
        ({"maker": "nobody"}, 404, "No maker 'nobody' is listed here."),
        ({"benchmark": "nope"}, 404, "No benchmark 'nope' is listed here."),
        ({"capability": "telepathy"}, 404, "No capability 'telepathy' is listed here."),
        ({"page_size": "0"}, 400, "page_size"),
        ({"page": "9"}, 404, "There is no page 9"),
    ],
)
def test_the_api_says_what_is_wrong(client, catalog, query, status, detail):
    response = client.get("/api/v1/cost", query)
    assert response.status_code == status
    assert detail in response.json()["detail"]


def test_the_api_ranks_by_cost_where_a_score_order_names_no_benchmark(client, catalog):
    body = client.get("/api/v1/cost", {"order": "score", "cached": "50", "max_cost": ""}).json()
    assert body["order"] == "cheapest"
    assert body["traffic"]["cached_share"] == "0.5"
    assert body["results"][0]["model"] == "cheap"


def test_the_page_is_in_the_sitemap_once_a_model_is_published(client, catalog):
    xml = b"".join(client.get("/sitemap-cost.xml").streaming_content).decode()
    assert "<loc>http://testserver/cost/</loc>" in xml
    assert 'href="/cost/"' in client.get("/").content.decode()


def test_models_tied_first_are_all_named(client, catalog, make_model, make_route):
    twin = make_model("Twin", organization=catalog["cheap"].organization)
    make_route(twin, catalog["cheap"].routes.get(provider__name="Resale").provider, "0.8", "1.6")

    text = visible_text(client.get("/cost/").content)

    assert "Cheap and Twin cost least: $800 a month each." in text
    assert [row[0] for row in table_rows(client.get("/cost/"))][:2] == ["1", "1"]


def test_what_is_said_of_the_unpriced_follows_the_order(client, catalog):
    bench = Benchmark.objects.create(name="Bench", slug="bench")
    BenchmarkScore.objects.create(model=catalog["dear"], benchmark=bench, value=91)

    by_cost = visible_text(client.get("/cost/").content)
    by_list = visible_text(client.get("/cost/", {"order": "list"}).content)
    by_score = visible_text(client.get("/cost/", {"benchmark": "bench", "order": "score"}).content)

    assert "1 listed last with no per-token price for this workload." in by_cost
    assert "2 listed last with no per-token price at its maker's own API." in by_list
    assert "1 of them has no per-token price for this workload." in by_score
    assert "listed last" not in by_score
