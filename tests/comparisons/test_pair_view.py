"""The pair page over HTTP: its URL rules, the htmx fragment, and what a public page must not
carry (cookies, CSRF tokens), on the three reference models."""

import json
from datetime import UTC, datetime

import pytest
from django.utils.http import http_date
from lxml import html

from catalog.models import LanguageModel, Provider, Route
from comparisons.models import TrafficDefaults
from tests.visible_text import visible_text

pytestmark = pytest.mark.django_db

SPARK = "gpt-5-3-codex-spark"
QWEN = "qwen3-5-122b-a10b"
LING = "ling-2-6-1t"
CANONICAL = f"/compare/{SPARK}-vs-{QWEN}/"
HTMX = {"HX-Request": "true"}


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def faq_shown(content):
    """(question, answer) pairs of the visible FAQ section."""
    section = html.fromstring(content).get_element_by_id("faq")
    return [
        (heading.text_content().strip(), heading.getnext().text_content().strip())
        for heading in section.iter("h3")
    ]


def faq_json_ld(content):
    document = html.fromstring(content)
    scripts = document.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    return [(item["name"], item["acceptedAnswer"]["text"]) for item in data["mainEntity"]]


# URL rules


def test_the_canonical_order_answers_200(client, reference_catalog):
    response = client.get(CANONICAL)
    assert response.status_code == 200
    text = visible_text(response.content)
    assert "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B" in text
    assert "$728" in text
    assert "Cheapest tracked route/tier: OpenRouter" in text


def test_the_swapped_order_redirects_permanently_to_the_canonical_url(client, reference_catalog):
    response = client.get(f"/compare/{QWEN}-vs-{SPARK}/")
    assert response.status_code == 301
    assert response["Location"] == CANONICAL


def test_the_redirect_keeps_the_query_string(client, reference_catalog):
    query = "requests=2%2C000%2C000&input_tokens=400&output_tokens=300"
    response = client.get(f"/compare/{QWEN}-vs-{SPARK}/?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"{CANONICAL}?{query}"
    assert "$1,456" in visible_text(client.get(response["Location"]).content)


@pytest.mark.parametrize(
    "pair",
    [
        f"{SPARK}-vs-zzz-unknown",
        f"zzz-unknown-vs-{SPARK}",
        f"aaa-unknown-vs-{QWEN}",
        f"{QWEN}-vs-aaa-unknown",
        "aaa-vs-zzz",
    ],
)
def test_an_unknown_slug_answers_404(client, reference_catalog, pair):
    assert client.get(f"/compare/{pair}/").status_code == 404


@pytest.mark.parametrize("pair", [f"{SPARK}-vs-{QWEN}", f"{QWEN}-vs-{SPARK}"])
def test_an_unpublished_model_answers_404_in_either_order(client, reference_catalog, pair):
    LanguageModel.objects.filter(slug=QWEN).update(is_published=False)
    assert client.get(f"/compare/{pair}/").status_code == 404


def test_a_model_with_itself_redirects_to_its_model_page(client, reference_catalog):
    response = client.get(f"/compare/{QWEN}-vs-{QWEN}/")
    assert response.status_code == 301
    assert response["Location"] == f"/models/{QWEN}/"


def test_an_unpublished_or_unknown_model_with_itself_answers_404(client, reference_catalog):
    LanguageModel.objects.filter(slug=QWEN).update(is_published=False)
    assert client.get(f"/compare/{QWEN}-vs-{QWEN}/").status_code == 404
    assert client.get("/compare/nothing-vs-nothing/").status_code == 404


@pytest.mark.parametrize(
    "pair",
    [
        "a-vs-",
        "-vs-b",
        "a-vs-b-vs-c",
        f"{SPARK}-vs-{QWEN}-vs-{LING}",
        "nothing",
        SPARK,
        "-vs-",
    ],
)
def test_malformed_pair_slugs_answer_404(client, reference_catalog, pair):
    assert client.get(f"/compare/{pair}/").status_code == 404


def test_only_get_is_allowed(client, reference_catalog):
    assert client.post(CANONICAL).status_code == 405


# Whole page and fragment


def test_a_plain_request_gets_the_whole_page(client, reference_catalog):
    response = client.get(CANONICAL)
    assert b"<html" in response.content
    assert b'id="faq"' in response.content
    assert b'<section id="cost"' in response.content
    assert {"hx-request", "hx-history-restore-request"} <= vary(response)
    assert "X-Robots-Tag" not in response
    # The latest change of either model (or what its pages show) or of the traffic defaults.
    changes = LanguageModel.objects.with_last_modified().filter(slug__in=[SPARK, QWEN])
    latest = max(*(model.last_modified for model in changes), TrafficDefaults.load().updated_at)
    assert response["Last-Modified"] == http_date(latest.timestamp())


def test_an_htmx_request_gets_only_the_cost_fragment(client, reference_catalog):
    response = client.get(CANONICAL, headers=HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content
    assert "<body" not in content
    assert content.lstrip().startswith('<section id="cost"')
    assert 'id="faq"' not in content
    assert "$728" in content
    assert "hx-request" in vary(response)
    assert response["X-Robots-Tag"] == "noindex"


def test_an_htmx_fragment_follows_the_traffic(client, reference_catalog):
    response = client.get(
        CANONICAL,
        {"requests": "2000000", "input_tokens": "400", "output_tokens": "300"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "$1,456" in visible_text(response.content)


def test_a_history_restore_request_gets_the_whole_page(client, reference_catalog):
    response = client.get(CANONICAL, headers={**HTMX, "HX-History-Restore-Request": "true"})
    assert response.status_code == 200
    assert b"<html" in response.content
    assert b'id="faq"' in response.content
    assert "X-Robots-Tag" not in response
    assert {"hx-request", "hx-history-restore-request"} <= vary(response)


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({}, {}),
        (HTMX, {}),
        ({}, {"requests": "-1", "input_tokens": "400", "output_tokens": "300"}),
        (HTMX, {"requests": "-1", "input_tokens": "400", "output_tokens": "300"}),
    ],
)
def test_the_page_sets_no_cookie_and_carries_no_csrf_token(
    client, reference_catalog, headers, query
):
    response = client.get(CANONICAL, query, headers=headers)
    assert response.status_code in (200, 400)
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert b"csrfmiddlewaretoken" not in response.content
    assert b"csrftoken" not in response.content


def test_the_faq_json_ld_equals_the_visible_faq(client, reference_catalog):
    content = client.get(CANONICAL).content
    shown = faq_shown(content)
    assert len(shown) == 6
    assert faq_json_ld(content) == shown
    assert shown[2][0] == "Which is better for vision, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?"


def test_the_json_ld_cannot_close_its_script_element(client, reference_catalog):
    """A name with "</script>" stays inside the JSON and still equals the visible FAQ."""
    LanguageModel.objects.filter(slug=QWEN).update(license_name="</script><b>MIT & co</b>")
    content = client.get(CANONICAL).content
    assert b"</script><b>" not in content
    assert faq_json_ld(content) == faq_shown(content)


def test_the_head_names_the_pair_and_its_canonical_url(client, reference_catalog):
    document = html.fromstring(client.get(CANONICAL).content)
    assert document.findtext(".//title") == (
        "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B: context, price, capabilities | LLM Reference"
    )
    canonical = document.xpath('//link[@rel="canonical"]/@href')
    assert canonical == [f"http://testserver{CANONICAL}"]
    description = document.xpath('//meta[@name="description"]/@content')[0]
    assert description.startswith("GPT-5.3-Codex-Spark (2026) and Qwen3.5-122B-A10B (2026)")


def test_a_pair_is_indexable_once_both_models_are_reviewed(client, reference_catalog, editor):
    def robots():
        document = html.fromstring(client.get(CANONICAL).content)
        return document.xpath('//meta[@name="robots"]/@content')

    assert robots() == ["noindex"]
    LanguageModel.objects.filter(slug__in=[SPARK, QWEN]).mark_reviewed(editor)
    assert robots() == []


def test_continue_comparing_links_to_canonical_pair_pages(client, reference_catalog):
    document = html.fromstring(client.get(CANONICAL).content)
    links = document.get_element_by_id("continue").xpath(".//a/@href")
    assert sorted(links) == sorted([f"/compare/{SPARK}-vs-{LING}/", f"/compare/{LING}-vs-{QWEN}/"])
    for link in links:
        assert client.get(link).status_code == 200


# Last reviewed


def at(day):
    return datetime(2026, 6, day, 12, tzinfo=UTC)


def test_last_reviewed_is_the_oldest_review_on_the_page(client, reference_catalog, editor):
    LanguageModel.objects.all().mark_reviewed(editor, now=at(20))
    Provider.objects.all().mark_reviewed(editor, now=at(18))
    Route.objects.all().mark_reviewed(editor, now=at(15))
    Route.objects.filter(model__slug=QWEN, provider__name="Novita AI").mark_reviewed(
        editor, now=at(4)
    )
    # Ling is not on this page: its older review does not count.
    Route.objects.filter(model__slug=LING).mark_reviewed(editor, now=at(1))
    text = visible_text(client.get(CANONICAL).content)
    assert "Last reviewed: 2026-06-04." in text
    assert "Not yet reviewed" not in text


def test_never_reviewed_facts_are_named(client, reference_catalog, editor):
    LanguageModel.objects.all().mark_reviewed(editor, now=at(20))
    Provider.objects.exclude(name="OpenAI API").mark_reviewed(editor, now=at(18))
    Route.objects.all().mark_reviewed(editor, now=at(15))
    text = visible_text(client.get(CANONICAL).content)
    # The date holds for everything shown only when everything was reviewed.
    assert "Last reviewed: 2026-06-15." not in text
    assert (
        "Last reviewed: not every fact on this page yet; the reviewed ones were checked on "
        "or after 2026-06-15." in text
    )
    assert "Not yet reviewed by an editor: OpenAI API (provider)." in text

    Provider.objects.filter(name="OpenAI API").mark_reviewed(editor, now=at(16))
    text = visible_text(client.get(CANONICAL).content)
    assert "Last reviewed: 2026-06-15." in text
    assert "Not yet reviewed by an editor" not in text


def test_nothing_reviewed_says_so(client, reference_catalog):
    text = visible_text(client.get(CANONICAL).content)
    assert "Last reviewed: not every fact on this page yet." in text
    assert "GPT-5.3-Codex-Spark (model)" in text
