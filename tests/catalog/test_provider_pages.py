"""/providers/ and /providers/<slug>/: who serves which published model, at what price."""

from datetime import UTC, datetime
from decimal import Decimal

import lxml.html
import pytest
from django.utils.http import http_date

from catalog.models import LanguageModel, Provider, Route
from tests.visible_text import visible_text

LIST_QUERIES = 2  # providers with their model count and last change; the catalog's last change
DETAIL_QUERIES = 2  # the provider with its last change; its routes with model and organization


def body_rows(response):
    document = lxml.html.fromstring(response.content)
    return [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in document.xpath("//main//tbody/tr")
    ]


# The list.


def test_the_list_holds_providers_serving_a_published_model(
    client, reference_catalog, make_provider, make_model, make_route
):
    make_provider("Idle Cloud", kind=Provider.Kind.CLOUD)
    draft = make_model("Draft Model", is_published=False)
    make_route(draft, make_provider("Draft Host", kind=Provider.Kind.INFERENCE_HOST), "1", "1")
    withdrawn = make_provider("Withdrawn Host", kind=Provider.Kind.INFERENCE_HOST)
    make_route(reference_catalog.ling, withdrawn, "1", "1", is_active=False)
    Provider.objects.filter(slug="openrouter").update(website="https://www.openrouter.ai/")

    response = client.get("/providers/")
    assert response.status_code == 200
    assert body_rows(response) == [
        ["Alibaba Cloud PAI-EAS", "Cloud platform", "-", "1 model"],
        ["Novita AI", "Inference platform", "-", "2 models"],
        ["OpenAI API", "The lab's own API", "-", "1 model"],
        ["OpenRouter", "Gateway or router", "openrouter.ai", "2 models"],
    ]
    document = lxml.html.fromstring(response.content)
    assert (
        document.xpath("//main//tbody/tr[1]/th/a")[0].get("href")
        == "/providers/alibaba-cloud-pai-eas/"
    )
    assert document.xpath("//main//tbody/tr[4]/td/a")[0].get("href") == "https://www.openrouter.ai/"
    assert "4 providers" in visible_text(response.content)


def test_tiers_of_one_model_count_once(client, reference_catalog, make_route):
    make_route(
        reference_catalog.ling,
        reference_catalog.providers["OpenRouter"],
        "0.03",
        "0.3",
        service_mode="batch",
    )
    rows = {row[0]: row[3] for row in body_rows(client.get("/providers/"))}
    assert rows["OpenRouter"] == "2 models"


def test_an_empty_catalog_lists_no_provider(client, db):
    response = client.get("/providers/")
    assert response.status_code == 200
    assert "No provider serves a published model yet." in visible_text(response.content)
    assert "Last-Modified" not in response


def test_list_metadata_and_last_modified(client, reference_catalog):
    response = client.get("/providers/")
    document = lxml.html.fromstring(response.content)
    assert document.findtext(".//title") == "Providers: where to run each model | LLM Reference"
    assert (
        document.xpath("//link[@rel='canonical']")[0].get("href") == "http://testserver/providers/"
    )
    latest = max(
        provider.last_modified
        for provider in Provider.objects.serving_published_models().with_last_modified()
    )
    assert response["Last-Modified"] == http_date(latest.timestamp())
    route = Route.objects.get(model=reference_catalog.spark)
    route.output_price = Decimal("10")
    route.save()
    assert client.get("/providers/")["Last-Modified"] == http_date(route.updated_at.timestamp())


# One provider.


def test_a_provider_page_lists_its_published_models_with_prices(
    client, reference_catalog, make_model, make_route
):
    openrouter = reference_catalog.providers["OpenRouter"]
    make_route(
        reference_catalog.qwen,
        openrouter,
        None,
        "1.04",
        service_mode="batch",
        cached_input_price=Decimal("0.05"),
    )
    make_route(reference_catalog.spark, openrouter, "1", "1", is_active=False)
    make_route(make_model("Draft Model", is_published=False), openrouter, "1", "1")
    Route.objects.filter(model=reference_catalog.ling, provider=openrouter).update(
        reviewed_at=datetime(2026, 5, 2, 12, tzinfo=UTC),
        provider_model_id="inclusionai/ling-2.6-1t",
    )

    response = client.get("/providers/openrouter/")
    assert response.status_code == 200
    assert body_rows(response) == [
        [
            "Ling-2.6-1T inclusionai/ling-2.6-1t",
            "inclusionAI (Ant Group)",
            "standard",
            "$0.07/1M tokens",
            "$0.63/1M tokens",
            "-",
            "-",
            "2026-05-02",
            "-",
        ],
        [
            "Qwen3.5-122B-A10B",
            "Alibaba (Qwen)",
            "standard",
            "$0.26/1M tokens",
            "$2.08/1M tokens",
            "-",
            "-",
            "never reviewed",
            "-",
        ],
        [
            "Qwen3.5-122B-A10B",
            "Alibaba (Qwen)",
            "batch",
            "-",
            "$1.04/1M tokens",
            "$0.05/1M tokens",
            "-",
            "never reviewed",
            "-",
        ],
    ]
    text = visible_text(response.content)
    assert "OpenRouter is a gateway or router serving 2 models we track." in text
    assert "Provider facts: never reviewed by an editor." in text
    assert "$0/" not in text
    document = lxml.html.fromstring(response.content)
    # Each row leads to the model's page at this provider.
    link = document.xpath("//main//tbody/tr[1]/th/a")[0]
    assert link.get("href") == "/models/ling-2-6-1t/openrouter/"


def test_a_provider_without_published_models_answers_with_an_empty_state(
    client, make_provider, make_model, make_route
):
    idle = make_provider("Idle Cloud", kind=Provider.Kind.CLOUD, website="https://idle.example/")
    make_route(make_model("Draft Model", is_published=False), idle, "1", "1")
    response = client.get("/providers/idle-cloud/")
    assert response.status_code == 200
    text = visible_text(response.content)
    assert "Idle Cloud is a cloud platform. Website: idle.example." in text
    assert "Idle Cloud serves no published model we track yet." in text
    assert body_rows(response) == []
    document = lxml.html.fromstring(response.content)
    assert document.xpath("//meta[@name='robots']")[0].get("content") == "noindex"


def test_an_unknown_provider_is_404(client, db):
    assert client.get("/providers/nowhere/").status_code == 404


def test_detail_metadata_and_last_modified(client, reference_catalog, editor):
    response = client.get("/providers/novita-ai/")
    document = lxml.html.fromstring(response.content)
    assert document.findtext(".//title") == "Novita AI: models and prices | LLM Reference"
    assert (
        document.xpath("//link[@rel='canonical']")[0].get("href")
        == "http://testserver/providers/novita-ai/"
    )
    description = document.xpath("//meta[@name='description']")[0].get("content")
    assert description.startswith("Novita AI (Inference platform) serves 2 tracked models")
    assert not document.xpath("//meta[@name='robots']")

    # A review of a model it serves changes the page's date.
    reviewed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    LanguageModel.objects.filter(pk=reference_catalog.ling.pk).mark_reviewed(editor, now=reviewed)
    assert client.get("/providers/novita-ai/")["Last-Modified"] == http_date(reviewed.timestamp())
    assert "Last-Modified" in client.get("/providers/openai-api/")


def test_provider_review_date_shows(client, reference_catalog, editor):
    Provider.objects.filter(slug="novita-ai").mark_reviewed(
        editor, now=datetime(2026, 4, 1, 12, tzinfo=UTC)
    )
    text = visible_text(client.get("/providers/novita-ai/").content)
    assert "Provider facts last reviewed: 2026-04-01." in text


@pytest.mark.parametrize("url", ["/providers/", "/providers/openrouter/", "/providers/idle/"])
def test_no_cookie_and_no_csrf_token(client, reference_catalog, make_provider, url):
    make_provider("Idle")
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_query_counts_are_fixed(client, reference_catalog, grow_catalog, django_assert_num_queries):
    with django_assert_num_queries(LIST_QUERIES):
        client.get("/providers/")
    with django_assert_num_queries(DETAIL_QUERIES):
        small = client.get("/providers/openrouter/")
    assert len(body_rows(small)) == 2
    grow_catalog(60)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/providers/")
    assert len(body_rows(response)) == 6
    with django_assert_num_queries(DETAIL_QUERIES):
        large = client.get("/providers/scale-cloud-1/")
    assert len(body_rows(large)) == 60
