"""/models/<slug>/: specs, capabilities, routes, price history, benchmarks, pair links."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import lxml.html
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from catalog.capabilities import CAPABILITIES
from catalog.facts import model_queryset
from catalog.models import Benchmark, BenchmarkScore, LanguageModel, Route
from catalog.pages.model import price_history
from tests.visible_text import visible_text

QWEN = "/models/qwen3-5-122b-a10b/"
# model, its tags, capability support, routes, scores; the capability list; the price
# history of its routes; the similar models.
PAGE_QUERIES = 8


def section(response, section_id):
    document = lxml.html.fromstring(response.content)
    return document.get_element_by_id(section_id)


def table_rows(element):
    """Each body row as [header cell, data cells…] of text."""
    return [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in element.xpath(".//tbody/tr")
    ]


def section_text(response, section_id):
    return " ".join(section(response, section_id).text_content().split())


# Which models have a page.


def test_an_unknown_model_is_404(client, db):
    assert client.get("/models/no-such-model/").status_code == 404


def test_an_unpublished_model_is_404(client, make_model):
    make_model("Draft Model", is_published=False)
    assert client.get("/models/draft-model/").status_code == 404


# Specs.


def test_specs(client, reference_catalog):
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(
        knowledge_cutoff=date(2025, 6, 1),
        architecture=LanguageModel.Architecture.MIXTURE_OF_EXPERTS,
        commercial_use=LanguageModel.CommercialUse.ALLOWED,
    )
    response = client.get(QWEN)
    assert response.status_code == 200
    rows = dict(table_rows(section(response, "specs")))
    assert rows == {
        "Released": "2026-02-24",
        "Context window": "262k",
        "Max output": "-",
        "Parameters": "122B total, 10B active",
        "Architecture": "Mixture of experts",
        "License": "Apache 2.0 OSI",
        "Openness": "Open source",
        "Commercial use": "Allowed",
        "Knowledge cutoff": "2025-06",
    }
    badge = section(response, "specs").xpath(".//abbr[@class='badge']")[0]
    assert badge.get("title") == "Open Source Initiative approved license"


def test_unknown_specs_read_as_a_dash(client, make_model):
    make_model("Bare Model", context_window=None)
    rows = dict(table_rows(section(client.get("/models/bare-model/"), "specs")))
    for label in ("Released", "Context window", "Max output", "Parameters", "Architecture"):
        assert rows[label] == "-", label
    assert rows["License"] == "-"
    assert rows["Commercial use"] == "-"
    assert rows["Knowledge cutoff"] == "-"


# Capabilities: Unknown is not No.


def test_capabilities_read_yes_no_and_unknown(client, reference_catalog):
    # Qwen has a sourced "no" for code execution; remove the row for computer use.
    reference_catalog.qwen.capability_support.filter(capability__slug="computer-use").delete()
    response = client.get(QWEN)
    rows = table_rows(section(response, "capabilities"))
    assert [name for name, _ in rows] == [capability.name for capability in CAPABILITIES]
    support = dict(rows)
    assert support["Vision"] == "Yes"
    assert support["Code execution"] == "No"
    assert support["Computer use"] == "Unknown"
    cell = section(response, "capabilities").xpath(".//tbody/tr[9]/td")[0]
    assert cell.get("class") == "support-unknown"


def test_a_model_without_capability_rows_is_unknown_everywhere(client, make_model):
    make_model("Quiet Model")
    rows = table_rows(section(client.get("/models/quiet-model/"), "capabilities"))
    assert {support for _, support in rows} == {"Unknown"}
    assert len(rows) == 10


# Routes and prices.


def test_routes_by_provider_name_whatever_its_case_then_mode_then_context_tier(
    client, reference_catalog, make_route, make_provider
):
    """The rows come unordered from the database (catalog.facts.model_queryset); the page
    orders them: "deepinfra" between "Alibaba…" and "Novita AI", as a reader looks it up,
    on SQLite (whose ORDER BY puts small letters after every capital) as on PostgreSQL."""
    qwen, openrouter = reference_catalog.qwen, reference_catalog.providers["OpenRouter"]
    make_route(qwen, openrouter, "2", "4", context_above=256_000)
    make_route(qwen, openrouter, "0.5", "1", service_mode="batch")
    make_route(qwen, make_provider("deepinfra"), "0.3", "0.6")

    rows = table_rows(section(client.get(QWEN), "routes"))

    assert [row[:2] for row in rows] == [
        ["Alibaba Cloud PAI-EAS", "standard"],
        ["deepinfra", "standard"],
        ["Novita AI", "standard"],
        ["OpenRouter", "standard"],
        ["OpenRouter", "input over 256k tokens"],
        ["OpenRouter", "batch"],
    ]


def test_routes_with_prices_tier_and_unknown_prices(client, reference_catalog, make_route):
    make_route(
        reference_catalog.qwen,
        reference_catalog.providers["OpenRouter"],
        "0.13",
        "1.04",
        service_mode="batch",
        cached_input_price=Decimal("0.05"),
    )
    make_route(
        reference_catalog.qwen, reference_catalog.providers["OpenAI API"], "9", "9", is_active=False
    )
    response = client.get(QWEN)
    rows = table_rows(section(response, "routes"))
    assert rows == [
        ["Alibaba Cloud PAI-EAS", "standard", "-", "-", "-", "-", "never reviewed", "-"],
        ["Novita AI", "standard", "-", "-", "-", "-", "never reviewed", "-"],
        [
            "OpenRouter",
            "standard",
            "$0.26/1M tokens",
            "$2.08/1M tokens",
            "-",
            "-",
            "never reviewed",
            "-",
        ],
        [
            "OpenRouter",
            "batch",
            "$0.13/1M tokens",
            "$1.04/1M tokens",
            "$0.05/1M tokens",
            "-",
            "never reviewed",
            "-",
        ],
    ]
    # Each row leads to the model's page at that provider (every tier of it there).
    link = section(response, "routes").xpath(".//tbody/tr[1]/th/a")[0]
    assert link.get("href") == "/models/qwen3-5-122b-a10b/alibaba-cloud-pai-eas/"
    assert "$0/" not in visible_text(response.content)


def test_review_dates_and_sources(client, reference_catalog, editor):
    reviewed = datetime(2026, 3, 14, 12, tzinfo=UTC)
    route = reference_catalog.qwen.routes.get(provider__slug="openrouter")
    Route.objects.filter(pk=route.pk).update(
        reviewed_at=reviewed, source_url="https://openrouter.ai/qwen/qwen3.5-122b-a10b"
    )
    response = client.get(QWEN)
    assert "Model facts: never reviewed by an editor." in section_text(response, "last-reviewed")
    row = table_rows(section(response, "routes"))[-1]
    assert row[6] == "2026-03-14"
    source = section(response, "routes").xpath(".//tbody/tr[3]/td/a")[0]
    assert source.get("href") == "https://openrouter.ai/qwen/qwen3.5-122b-a10b"

    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).mark_reviewed(editor, now=reviewed)
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(
        source_url="https://huggingface.co/Qwen/Qwen3.5-122B-A10B"
    )
    response = client.get(QWEN)
    footer = section_text(response, "last-reviewed")
    assert "Model facts last reviewed: 2026-03-14." in footer
    assert "https://huggingface.co/Qwen/Qwen3.5-122B-A10B" in footer


# Price history.


def test_a_price_change_shows_old_and_new(client, reference_catalog, editor):
    route = reference_catalog.qwen.routes.get(provider__slug="openrouter")
    assert "No price change recorded" in section_text(client.get(QWEN), "price-history")
    route.output_price = Decimal("1.99")
    route._history_user = editor
    route.save()
    route.input_price = None
    route.save()
    response = client.get(QWEN)
    today = timezone.localdate().isoformat()
    assert table_rows(section(response, "price-history")) == [
        [today, "OpenRouter", "Input price", "$0.26/1M tokens", "-"],
        [today, "OpenRouter", "Output price", "$2.08/1M tokens", "$1.99/1M tokens"],
    ]
    # The editor's name stays in the admin.
    assert editor.username not in section_text(response, "price-history")
    # The routes table shows the new prices.
    assert table_rows(section(response, "routes"))[-1][2:4] == ["-", "$1.99/1M tokens"]


def test_a_price_change_made_in_the_admin_shows(
    client, editor_client, reference_catalog, form_data
):
    route = reference_catalog.qwen.routes.get(provider__slug="openrouter")
    url = f"/admin/catalog/route/{route.pk}/change/"
    data = form_data(editor_client.get(url), "route_form")
    data["output_price"] = ["1.50"]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rows = table_rows(section(client.get(QWEN), "price-history"))
    assert rows[0][1:] == ["OpenRouter", "Output price", "$2.08/1M tokens", "$1.50/1M tokens"]


def test_price_history_groups_records_per_route_newest_change_first():
    def record(route_id, history_id, day, provider, mode="", output=None, active=True):
        return SimpleNamespace(
            id=route_id,
            history_id=history_id,
            history_date=datetime(2026, 1, day, tzinfo=UTC),
            history_user=None,
            provider=SimpleNamespace(name=provider),
            service_mode=mode,
            context_above=0,
            is_active=active,
            input_price=None,
            output_price=None if output is None else Decimal(output),
            cached_input_price=None,
            cache_write_price=None,
        )

    # Two routes' records, interleaved and out of order, as one query may return them.
    records = [
        record(2, 4, 9, "Novita AI", output="0.9", active=False),
        record(1, 1, 1, "OpenRouter", "batch", output="2"),
        record(2, 2, 3, "Novita AI", output="1"),
        record(1, 3, 5, "OpenRouter", "batch", output="1.5"),
    ]
    rows = price_history(records)
    assert [(row.changed_on, row.route, row.old, row.new) for row in rows] == [
        ("2026-01-09", "Novita AI, no longer offered", "$1/1M tokens", "$0.90/1M tokens"),
        ("2026-01-05", "OpenRouter (batch)", "$2/1M tokens", "$1.50/1M tokens"),
    ]
    assert price_history([]) == []


# Benchmarks.


def test_benchmarks_with_unit_date_and_source(client, reference_catalog):
    qwen = reference_catalog.qwen
    swe = Benchmark.objects.create(
        name="SWE-bench Verified", slug="swe-bench-verified", category="Coding"
    )
    arena = Benchmark.objects.create(name="Arena", slug="arena", unit="Elo")
    BenchmarkScore.objects.create(
        model=qwen,
        benchmark=swe,
        value=Decimal("72.400"),
        measured_on=date(2026, 2, 24),
        source_url="https://example.org/qwen-card",
    )
    BenchmarkScore.objects.create(model=qwen, benchmark=arena, value=Decimal("1402"))
    BenchmarkScore.objects.create(
        model=qwen,
        benchmark=swe,
        value=Decimal("69.1"),
        harness="Mini-SWE-Agent",
        variant="high",
        claim="independent",
        measured_by="SWE-bench",
        source_url="https://www.swebench.com/",
    )
    response = client.get(QWEN)
    assert table_rows(section(response, "benchmarks")) == [
        ["Arena", "-", "1402 Elo", "-", "-", "never reviewed", "-"],
        [
            "SWE-bench Verified (Coding)",
            "-",
            "72.4%",
            "-",
            "2026-02-24",
            "never reviewed",
            "Source",
        ],
        [
            "SWE-bench Verified (Coding)",
            "Mini-SWE-Agent, high",
            "69.1%",
            "measured by SWE-bench",
            "-",
            "never reviewed",
            "Source",
        ],
    ]


def test_no_benchmark_says_so(client, reference_catalog):
    text = section_text(client.get(QWEN), "benchmarks")
    assert "No benchmark score is sourced for Qwen3.5-122B-A10B yet." in text


# Pair pages.


def test_pair_links_most_similar_first(client, reference_catalog):
    links = section(client.get(QWEN), "compare").xpath(".//li/a")
    assert [(link.text_content(), link.get("href")) for link in links] == [
        (
            "Qwen3.5-122B-A10B vs GPT-5.3-Codex-Spark",
            "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/",
        ),
        ("Qwen3.5-122B-A10B vs Ling-2.6-1T", "/compare/ling-2-6-1t-vs-qwen3-5-122b-a10b/"),
    ]
    assert "any other model" not in section_text(client.get(QWEN), "compare")


def test_a_large_catalog_shows_twelve_pairs_and_points_to_compare(
    client, reference_catalog, grow_catalog
):
    grow_catalog(20)
    compare = section(client.get(QWEN), "compare")
    assert len(compare.xpath(".//li/a")) == 12
    more = compare.xpath(".//p/a[@href='/compare/']")
    assert more[0].text_content() == "Compare Qwen3.5-122B-A10B with any other model"


def test_an_only_model_has_no_pair(client, make_model):
    make_model("Lonely Model")
    text = section_text(client.get("/models/lonely-model/"), "compare")
    assert "No other published model to compare with yet." in text


# Metadata, headers, sessions, queries.


def test_title_description_canonical(client, reference_catalog):
    document = lxml.html.fromstring(client.get(QWEN).content)
    assert document.findtext(".//title") == (
        "Qwen3.5-122B-A10B: specs, prices, and capabilities | LLM Reference"
    )
    assert document.xpath("//link[@rel='canonical']")[0].get("href") == f"http://testserver{QWEN}"
    description = document.xpath("//meta[@name='description']")[0].get("content")
    assert description == (
        "Qwen3.5-122B-A10B by Alibaba (Qwen), 262k context window, output from "
        "$2.08/1M tokens, 3 tracked providers. Specs, capabilities, prices, benchmarks, "
        "and price history."
    )


def test_last_modified_is_the_models_latest_change(client, reference_catalog):
    expected = LanguageModel.objects.with_last_modified().get(pk=reference_catalog.qwen.pk)
    response = client.get(QWEN)
    assert response["Last-Modified"] == http_date(expected.last_modified.timestamp())
    route = reference_catalog.qwen.routes.get(provider__slug="novita-ai")
    route.output_price = Decimal("3")
    route.save()
    assert client.get(QWEN)["Last-Modified"] == http_date(route.updated_at.timestamp())


def test_a_route_taken_off_the_page_moves_its_last_modified(client, reference_catalog):
    route = reference_catalog.qwen.routes.get(provider__slug="novita-ai")
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        route.is_active = False
        route.save()

    response = client.get(QWEN)

    assert "Novita" not in visible_text(response.content)
    assert response["Last-Modified"] == http_date(route.updated_at.timestamp())


def test_the_loaded_last_modified_is_the_annotations(reference_catalog):
    """The page's Last-Modified (from the records it loaded) and the sitemap's lastmod
    (annotated in SQL) are one rule: they agree on every model."""
    later = timezone.now() + timedelta(days=1)
    reference_catalog.qwen.routes.filter(provider__slug="novita-ai").update(
        is_active=False, updated_at=later
    )
    annotated = dict(LanguageModel.objects.with_last_modified().values_list("pk", "last_modified"))

    loaded = {model.pk: model.loaded_last_modified() for model in model_queryset()}

    assert loaded == {pk: annotated[pk] for pk in loaded}
    assert loaded[reference_catalog.qwen.pk] == later


def test_no_cookie_and_no_csrf_token(client, reference_catalog):
    response = client.get(QWEN)
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_query_count_is_fixed(client, reference_catalog, grow_catalog, django_assert_num_queries):
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(QWEN).status_code == 200
    models = grow_catalog(60)
    # A model with routes that have price history, in a catalog twenty times larger.
    crowded = models[7]
    for price in ("1.40", "1.30", "1.20"):
        route = crowded.routes.first()
        route.input_price = Decimal(price)
        route.save()
    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(crowded.get_absolute_url())
    assert len(table_rows(section(response, "price-history"))) == 4
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(QWEN)


def test_no_id_twice_with_the_price_chart(client, reference_catalog):
    """The chart's SVG title has an id of its own, not the section heading's."""
    route = reference_catalog.qwen.routes.get(provider__slug="openrouter")
    route.output_price = Decimal("1.50")
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        route.save()
        response = client.get(QWEN)
    document = lxml.html.fromstring(response.content)
    assert document.xpath("//section[@id='price-history']//svg")
    ids = document.xpath("//@id")
    assert len(ids) == len(set(ids))
