"""The open data (catalog/api/): the JSON API's endpoints, filters, pages and errors, what
it hides, its query counts at two catalog sizes, and the CSV files."""

import csv
import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from catalog.api import csv_downloads, records
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    LanguageModel,
    ModelFamily,
    Provider,
    SyncRun,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_table(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


@pytest.fixture
def open_catalog(reference_catalog, make_model, make_provider, make_route, editor):
    """The reference catalog, plus: a family of two models (one unpublished), a benchmark
    scored by a published and an unpublished model, a provider serving only the
    unpublished model, and a price change by an editor and one by a sync."""
    catalog = reference_catalog
    hidden = make_model("Hidden Model", is_published=False)
    family = ModelFamily.objects.create(name="Codex", slug="codex")
    for model in (catalog.spark, hidden):
        model.family = family
        model.save()
    bench = Benchmark.objects.create(
        name="SWE-bench Verified", slug="swe-bench-verified", unit="%", source_url="https://x.test"
    )
    BenchmarkScore.objects.create(model=catalog.spark, benchmark=bench, value=Decimal("77.300"))
    BenchmarkScore.objects.create(model=hidden, benchmark=bench, value=Decimal("50"))
    make_route(hidden, make_provider("Lonely Host"), 1, 2)

    route = catalog.spark.routes.get()
    route.input_price = Decimal("1.750000")
    route._history_user = editor
    route.save()
    run = SyncRun.objects.create(source="modelsdev", location="/data/models.dev")
    route.output_price = Decimal("14")
    route.sync_run = run
    route.save()
    return SimpleNamespace(**vars(catalog), hidden=hidden, family=family, route=route)


def get_json(reader, url, status=200):
    response = reader.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# The index and the OpenAPI document.


def test_the_index_links_every_resource_and_file(reader, open_catalog):
    index = get_json(reader, f"{API}/")

    assert index["openapi"] == "http://testserver/api/v1/openapi.json"
    assert index["documentation"] == "http://testserver/data/"
    assert set(index["resources"]) == {
        "models",
        "providers",
        "routes",
        "price_history",
        "benchmarks",
        "scores",
        "families",
    }
    for url in [*index["resources"].values(), *index["csv"].values()]:
        assert reader.get(url).status_code == 200, url


def test_the_openapi_document_describes_every_endpoint(reader):
    document = get_json(reader, f"{API}/openapi.json")

    assert document["info"]["version"] == "1"
    paths = document["paths"]
    assert {
        f"{API}/models",
        f"{API}/models/{{slug}}",
        f"{API}/routes",
        f"{API}/price-history",
        f"{API}/scores",
        f"{API}/families/{{slug}}",
        f"{API}/models.csv",
    } <= set(paths)
    assert set(paths[f"{API}/routes"]["get"]["responses"]) == {"200", "400", "404"}


def test_no_documentation_page_loads_scripts_from_a_cdn(reader):
    assert reader.get(f"{API}/docs").status_code == 404


# Models.


def test_models_lists_published_models_by_slug_with_their_facts(reader, open_catalog):
    page = get_json(reader, f"{API}/models")

    slugs = [model["slug"] for model in page["results"]]
    assert slugs == sorted(slugs) == ["gpt-5-3-codex-spark", "ling-2-6-1t", "qwen3-5-122b-a10b"]
    assert page["count"] == 3
    spark = page["results"][0]
    assert spark["family"] == {"slug": "codex", "name": "Codex"}
    assert spark["organization"] == {"slug": "openai", "name": "OpenAI"}
    assert spark["url"] == "http://testserver/models/gpt-5-3-codex-spark/"
    assert spark["reviewed_at"] is None
    assert spark["source_url"] is None  # not sourced: null, not ""
    assert spark["capabilities"]["function-calling"] == "yes"
    assert set(spark["capabilities"].values()) <= {"yes", "no", "unknown"}


def test_a_capability_without_a_row_is_unknown(reader, open_catalog):
    open_catalog.ling.capability_support.filter(capability__slug="vision").delete()

    ling = get_json(reader, f"{API}/models/ling-2-6-1t")

    assert ling["capabilities"]["vision"] == "unknown"


def test_an_unpublished_model_is_nowhere(reader, open_catalog):
    assert "hidden-model" not in str(get_json(reader, f"{API}/models"))
    detail = get_json(reader, f"{API}/models/hidden-model", status=404)
    assert "hidden-model" in detail["detail"]
    assert get_json(reader, f"{API}/families/codex")["members"] == ["gpt-5-3-codex-spark"]
    scores = get_json(reader, f"{API}/scores")["results"]
    assert [score["model"] for score in scores] == ["gpt-5-3-codex-spark"]
    providers = [provider["slug"] for provider in get_json(reader, f"{API}/providers")["results"]]
    assert "lonely-host" not in providers
    get_json(reader, f"{API}/providers/lonely-host", status=404)
    routes = get_json(reader, f"{API}/routes?page_size=500")["results"]
    assert "hidden-model" not in {route["model"] for route in routes}


# Providers, routes, price history.


def test_providers_and_a_provider(reader, open_catalog):
    page = get_json(reader, f"{API}/providers")
    slugs = [provider["slug"] for provider in page["results"]]
    assert slugs == sorted(slugs)

    openai = get_json(reader, f"{API}/providers/openai-api")
    assert openai["kind"] == "first_party"
    assert openai["url"] == "http://testserver/providers/openai-api/"


def test_routes_filtered_by_model_and_provider_with_prices_as_decimal_strings(reader, open_catalog):
    routes = get_json(reader, f"{API}/routes?model=gpt-5-3-codex-spark&provider=openai-api")

    assert routes["count"] == 1
    route = routes["results"][0]
    assert route["input_price"] == "1.75"
    assert route["output_price"] == "14"
    assert route["cached_input_price"] is None
    assert route["service_mode"] == "standard"
    assert route["context_above"] == 0
    assert route["is_active"] is True
    assert route["url"] == "http://testserver/models/gpt-5-3-codex-spark/openai-api/"
    assert route["pricing_kind"] == "per_token"


def test_the_list_price_and_the_cheapest_route_beside_a_plans(
    reader, open_catalog, make_provider, make_route
):
    """Spark is sold at OpenAI's own API ($1.75/$14: its list price) and at a reseller;
    a plan's $0 is labelled, its prices null, and never the cheapest."""
    make_route(open_catalog.spark, make_provider("Reseller"), "1.50", "12")
    plan = make_provider("Coding Plan", kind="subscription_plan")
    make_route(open_catalog.spark, plan, "0", "0")

    spark = get_json(reader, f"{API}/models/gpt-5-3-codex-spark")
    assert spark["list_price"] == {
        "provider": "openai-api",
        "input_price": "1.75",
        "output_price": "14",
    }
    assert spark["cheapest_price"] == {
        "provider": "reseller",
        "input_price": "1.5",
        "output_price": "12",
    }
    assert get_json(reader, f"{API}/models/ling-2-6-1t")["list_price"] is None
    [route] = get_json(reader, f"{API}/routes?model=gpt-5-3-codex-spark&provider=coding-plan")[
        "results"
    ]
    assert route["pricing_kind"] == "subscription_plan"
    assert route["input_price"] is route["output_price"] is None
    assert get_json(reader, f"{API}/providers/openai-api")["lab"] == "openai"

    models = csv_table(reader.get(f"{API}/models.csv"))
    row = next(row for row in models if row["slug"] == "gpt-5-3-codex-spark")
    assert (row["list_price_provider"], row["list_price_output_price"]) == ("openai-api", "14")
    assert (row["cheapest_price_provider"], row["cheapest_price_output_price"]) == (
        "reseller",
        "12",
    )
    routes = csv_table(reader.get(f"{API}/routes.csv"))
    plan_row = next(row for row in routes if row["provider"] == "coding-plan")
    assert (plan_row["pricing_kind"], plan_row["input_price"]) == ("subscription_plan", "")


@pytest.mark.parametrize(
    ("query", "status", "says"),
    [
        ("model=no-such-model", 404, "no-such-model"),
        ("provider=nowhere", 404, "nowhere"),
        ("model=hidden-model", 404, "hidden-model"),
        ("model=%00", 400, "model"),
        ("model=a%20b", 400, "model"),
    ],
)
def test_a_bad_route_filter_says_what_is_wrong(reader, open_catalog, query, status, says):
    answer = get_json(reader, f"{API}/routes?{query}", status=status)

    assert says in answer["detail"]


def test_price_history_says_who_changed_what_without_naming_anyone(reader, open_catalog):
    response = reader.get(f"{API}/price-history?model=gpt-5-3-codex-spark")
    changes = response.json()["results"]

    assert [(c["field"], c["old"], c["new"], c["changed_by"]) for c in changes] == [
        ("output_price", None, "14", "sync"),
        ("input_price", None, "1.75", "editor"),
    ]
    assert changes[0]["route"] == open_catalog.route.pk
    assert changes[0]["provider"] == "openai-api"
    assert changes[0]["effective_on"] is None
    assert b"ada" not in response.content  # the editor's username
    assert get_json(reader, f"{API}/price-history?provider=novita-ai")["count"] == 0


def test_price_changes_come_newest_first_in_a_stable_order():
    def record(route, moment, input_price, output_price, user=None, run=None):
        return SimpleNamespace(
            id=route,
            history_date=moment,
            history_user=user,
            history_user_id=user and 1,
            sync_run_id=run,
            effective_on=None,
            source_url="",
            input_price=input_price,
            output_price=output_price,
            cached_input_price=None,
            cache_write_price=None,
        )

    routes = {1: {"model": "a"}, 2: {"model": "b"}}
    history = [
        record(2, 1, Decimal(1), Decimal(2)),
        record(1, 1, Decimal(1), Decimal(2)),
        record(1, 5, Decimal(3), Decimal(4), run=7),  # two fields in one save
        record(2, 5, Decimal(2), Decimal(2)),  # the same instant, another route
        record(3, 6, Decimal(2), Decimal(2)),  # a route not listed
        record(3, 7, Decimal(9), Decimal(2)),
    ]

    changes = records.price_change_records(history, routes)

    assert [(c["route"], c["field"], c["changed_by"]) for c in changes] == [
        (1, "input_price", "sync"),
        (1, "output_price", "sync"),
        (2, "input_price", None),
    ]


# Benchmarks, scores, families.


def test_benchmarks_and_scores(reader, open_catalog):
    benchmarks = get_json(reader, f"{API}/benchmarks")["results"]
    assert [benchmark["slug"] for benchmark in benchmarks] == ["swe-bench-verified"]
    bench = get_json(reader, f"{API}/benchmarks/swe-bench-verified")
    assert bench["source_url"] == "https://x.test"
    assert bench["higher_is_better"] is True

    scores = get_json(
        reader, f"{API}/scores?benchmark=swe-bench-verified&model=gpt-5-3-codex-spark"
    )
    assert scores["results"] == [
        {
            "benchmark": "swe-bench-verified",
            "model": "gpt-5-3-codex-spark",
            "value": "77.3",
            "unit": "%",
            "higher_is_better": True,
            "metric": None,
            "harness": None,
            "variant": None,
            "dataset": None,
            "benchmark_version": None,
            "claim": None,
            "measured_by": None,
            "measured_on": None,
            "source_url": None,
            "reviewed_at": None,
        }
    ]
    get_json(reader, f"{API}/scores?benchmark=nope", status=404)
    get_json(reader, f"{API}/benchmarks/nope", status=404)


def test_families(reader, open_catalog):
    families = get_json(reader, f"{API}/families")["results"]

    assert [family["slug"] for family in families] == ["codex"]
    assert families[0]["members"] == ["gpt-5-3-codex-spark"]
    assert families[0]["organization"] is None


# Pages and errors.


def test_pages_link_to_their_neighbours_and_keep_the_query(reader, open_catalog):
    first = get_json(reader, f"{API}/models?page_size=1")
    second = get_json(reader, first["next"])
    last = get_json(reader, f"{API}/models?page_size=1&page=3")

    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/models?page_size=1&page=2"
    assert second["previous"] == "http://testserver/api/v1/models?page_size=1&page=1"
    assert last["next"] is None
    seen = [page["results"][0]["slug"] for page in (first, second, last)]
    assert seen == sorted(seen)
    assert len(set(seen)) == 3


@pytest.mark.parametrize(
    ("query", "status", "says"),
    [
        ("page=0", 400, "page"),
        ("page=-3", 400, "page"),
        ("page=x", 400, "page"),
        ("page=1.5", 400, "page"),
        ("page=99", 404, "no page 99"),
        (f"page={10**30}", 404, "no page"),
        ("page_size=10000", 400, "page_size"),
        ("page_size=0", 400, "page_size"),
        ("page_size=", 400, "page_size"),
    ],
)
def test_a_bad_page_says_what_is_wrong(reader, open_catalog, query, status, says):
    answer = get_json(reader, f"{API}/models?{query}", status=status)

    assert says in answer["detail"]


def test_an_empty_list_has_its_first_page(reader, db):
    assert get_json(reader, f"{API}/models") == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_get_is_allowed(reader, method):
    for url in (f"{API}/", f"{API}/models", f"{API}/models.csv", f"{API}/openapi.json"):
        response = getattr(reader, method)(url)
        assert response.status_code == 405, (method, url)
        assert "GET" in response["Allow"]


def test_answers_set_no_cookie_and_are_public_with_the_page_cache(reader, open_catalog, settings):
    settings.PAGE_CACHE = True
    for url in (f"{API}/models", f"{API}/models.csv", f"{API}/openapi.json"):
        first = reader.get(url)
        second = reader.get(url)
        assert not first.cookies
        assert first["Cache-Control"].startswith("public"), url
        assert body(second) == body(first)


# Query counts: the same at two catalog sizes.


def api_urls():
    return {
        "index": f"{API}/",
        "models": f"{API}/models",
        "model": f"{API}/models/gpt-5-3-codex-spark",
        "providers": f"{API}/providers",
        "provider": f"{API}/providers/openai-api",
        "routes": f"{API}/routes?page_size=500",
        "routes of a model": f"{API}/routes?model=gpt-5-3-codex-spark&provider=openai-api",
        "price history": f"{API}/price-history?page_size=500",
        "price history of a provider": f"{API}/price-history?provider=openai-api",
        "benchmarks": f"{API}/benchmarks",
        "benchmark": f"{API}/benchmarks/swe-bench-verified",
        "scores": f"{API}/scores?page_size=500",
        "scores of a benchmark": f"{API}/scores?benchmark=swe-bench-verified",
        "families": f"{API}/families",
        "family": f"{API}/families/codex",
        **{f"{name} csv": reverse(f"api-v1:{name}_csv") for name in csv_downloads.DOWNLOADS},
    }


def query_counts(reader, django_assert_max_num_queries):
    counts = {}
    for name, url in api_urls().items():
        with django_assert_max_num_queries(50) as queries:
            response = reader.get(url)
            body(response)  # a CSV file reads its rows as it streams
        assert response.status_code == 200, (name, response.content[:300])
        counts[name] = len(queries)
    return counts


def test_no_endpoint_costs_more_queries_in_a_larger_catalog(
    reader, open_catalog, grow_catalog, django_assert_max_num_queries
):
    small = query_counts(reader, django_assert_max_num_queries)

    models = grow_catalog(300)
    family = ModelFamily.objects.create(name="Scale", slug="scale")
    LanguageModel.objects.filter(pk__in=[model.pk for model in models]).update(family=family)
    larger = query_counts(reader, django_assert_max_num_queries)

    assert larger == small
    assert small == {
        "index": 0,
        "models": 4,
        "model": 3,
        "providers": 2,
        "provider": 1,
        "routes": 2,
        "routes of a model": 4,
        "price history": 2,
        "price history of a provider": 3,
        "benchmarks": 2,
        "benchmark": 1,
        "scores": 2,
        "scores of a benchmark": 3,
        "families": 3,
        "family": 2,
        "models csv": 3,
        "providers csv": 1,
        "routes csv": 1,
        "price_history csv": 2,
        "benchmarks csv": 1,
        "scores csv": 1,
        "families csv": 2,
    }


# CSV files.


def test_a_csv_file_has_a_header_and_every_record(reader, open_catalog):
    response = reader.get(reverse("api-v1:models_csv"))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="models.csv"'
    rows = csv_table(response)
    assert [row["slug"] for row in rows] == [
        "gpt-5-3-codex-spark",
        "ling-2-6-1t",
        "qwen3-5-122b-a10b",
    ]
    spark = rows[0]
    assert spark["family_slug"] == "codex"
    assert spark["organization_name"] == "OpenAI"
    assert spark["capability_function-calling"] == "yes"
    assert spark["context_window"] == "131072"
    assert spark["max_output_tokens"] == ""  # unknown: an empty cell
    assert spark["is_deprecated"] == "false"


def test_every_csv_file_matches_its_list(reader, open_catalog):
    lists = {
        "providers": "providers",
        "routes": "routes",
        "price_history": "price-history",
        "scores": "scores",
        "families": "families",
        "benchmarks": "benchmarks",
    }
    for name, path in lists.items():
        rows = csv_table(reader.get(reverse(f"api-v1:{name}_csv")))
        records_ = get_json(reader, f"{API}/{path}?page_size=500")["results"]
        assert len(rows) == len(records_), name
    routes = csv_table(reader.get(reverse("api-v1:routes_csv")))
    spark = next(row for row in routes if row["model"] == "gpt-5-3-codex-spark")
    assert (spark["input_price"], spark["output_price"]) == ("1.75", "14")
    families = csv_table(reader.get(reverse("api-v1:families_csv")))
    assert families[0]["members"] == "gpt-5-3-codex-spark"


def test_a_cell_a_spreadsheet_would_run_starts_with_an_apostrophe(reader, open_catalog):
    Provider.objects.filter(slug="openai-api").update(name='=HYPERLINK("http://evil.test")')

    rows = csv_table(reader.get(reverse("api-v1:providers_csv")))

    names = {row["slug"]: row["name"] for row in rows}
    assert names["openai-api"] == '\'=HYPERLINK("http://evil.test")'
    # The JSON is data, not a spreadsheet: as stored.
    openai = get_json(reader, f"{API}/providers/openai-api")
    assert openai["name"] == '=HYPERLINK("http://evil.test")'


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-1.5", "-1.5"),  # a number stays a number
        ("GPT-5", "GPT-5"),
        (None, ""),
        (True, "true"),
        (date(2026, 2, 12), "2026-02-12"),
        (["a", "b"], "a b"),
    ],
)
def test_safe_cell(value, cell):
    assert csv_downloads.safe_cell(value) == cell


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0.260000"), "0.26"),
        (Decimal("100.000000"), "100"),
        (Decimal("0.000000"), "0"),
        (Decimal("1402"), "1402"),
        (None, None),
    ],
)
def test_decimal_text(value, text):
    assert records.decimal_text(value) == text


# The Open data page.


def test_the_open_data_page_shows_each_endpoint_and_file(reader, open_catalog):
    response = reader.get(reverse("catalog:open_data"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Open data: JSON API and CSV downloads | LLM Reference</title>" in html
    assert 'rel="canonical" href="http://testserver/data/"' in html
    for name in csv_downloads.DOWNLOADS:
        assert f'href="{reverse(f"api-v1:{name}_csv")}"' in html
    assert 'href="/api/v1/models/gpt-5-3-codex-spark"' in html  # a real example
    assert 'href="/api/v1/openapi.json"' in html
    assert response["Last-Modified"]


def test_the_site_footer_links_the_open_data_page(reader, open_catalog):
    html = reader.get(reverse("catalog:provider_list")).content.decode()

    assert f'href="{reverse("catalog:open_data")}"' in html


def test_the_open_data_page_is_in_the_sitemap_with_the_data_s_last_change(reader, open_catalog):
    BenchmarkScore.objects.update(reviewed_at="2030-01-02T03:04:05Z")

    xml = body(reader.get("/sitemap-pages.xml")).decode()

    assert "<loc>http://testserver/data/</loc><lastmod>2030-01-02T03:04:05+00:00</lastmod>" in xml
