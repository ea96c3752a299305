"""/models/: the filter form, the query it builds, the page and its htmx fragment."""

from decimal import Decimal

import lxml.html
import pytest
from django.utils.http import http_date

from catalog.forms import ModelFilterForm, filter_models
from catalog.models import LanguageModel, ModelCapability, catalog_changed_at
from tests.visible_text import visible_text

URL = "/models/"
HTMX = {"HX-Request": "true"}
# capability and provider choices, models, their supported capabilities, and the catalog's
# latest change (the Last-Modified of a list that may have lost a row)
LIST_QUERIES = 5


def listed(response):
    """Model names in the results table, in order."""
    document = lxml.html.fromstring(response.content)
    return [
        cell.text_content().strip() for cell in document.xpath("//*[@id='results']//tbody/tr/th")
    ]


def query(**filters):
    """Names of the models `filter_models` keeps for these (valid) form values."""
    form = ModelFilterForm(filters)
    assert form.is_valid(), form.errors
    return [
        model.name
        for model in filter_models(LanguageModel.objects.for_listing(), form.cleaned_data)
    ]


@pytest.fixture
def catalog(reference_catalog, make_model, make_route, make_provider):
    """The reference three, a model with nothing known, and one unpublished model."""
    blank = make_model("Blank Model", context_window=None)
    hidden = make_model("Hidden Model", is_published=False, capabilities=["vision"])
    make_route(hidden, reference_catalog.providers["OpenRouter"], "0.01", "0.01")
    reference_catalog.blank = blank
    return reference_catalog


# The form alone.


@pytest.mark.django_db
def test_an_empty_query_is_valid_and_not_filtered():
    form = ModelFilterForm({})
    assert form.is_valid()
    assert not form.is_filtered
    assert form.sort_label == "Name"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "tokens"),
    [("131072", 131_072), ("131,072", 131_072), ("128k", 128_000), ("1.5M", 1_500_000), ("0", 0)],
)
def test_the_context_field_reads_tokens_as_the_site_writes_them(typed, tokens):
    form = ModelFilterForm({"min_context": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["min_context"] == tokens


@pytest.mark.django_db
def test_the_price_field_allows_a_dollar_sign():
    form = ModelFilterForm({"max_price": "$2.08"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["max_price"] == Decimal("2.08")


# Each filter alone, then combined.


def test_every_published_model_is_listed_by_name_without_filters(catalog):
    assert query() == ["Blank Model", "GPT-5.3-Codex-Spark", "Ling-2.6-1T", "Qwen3.5-122B-A10B"]


def test_capabilities_must_all_be_supported(catalog):
    assert query(capability=["reasoning"]) == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert query(capability=["reasoning", "vision"]) == ["Qwen3.5-122B-A10B"]
    assert query(capability=["vision", "code-execution"]) == []


def test_an_unknown_capability_does_not_count_as_supported(catalog):
    ModelCapability.objects.filter(model=catalog.ling, capability__slug="reasoning").update(
        support=ModelCapability.Support.UNKNOWN
    )
    assert query(capability=["reasoning"]) == ["Qwen3.5-122B-A10B"]


def test_openness(catalog):
    assert query(openness="open_source") == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert query(openness="proprietary") == ["Blank Model", "GPT-5.3-Codex-Spark"]


def test_provider_needs_an_active_route_there(catalog):
    assert query(provider="novita-ai") == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    catalog.ling.routes.filter(provider__slug="novita-ai").update(is_active=False)
    assert query(provider="novita-ai") == ["Qwen3.5-122B-A10B"]


def test_minimum_context_leaves_out_unknown_windows(catalog):
    assert query(min_context="200k") == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert query(min_context="131072") == [
        "GPT-5.3-Codex-Spark",
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
    ]


def test_maximum_price_needs_one_active_route_at_or_under_it(catalog):
    assert query(max_price="2.08") == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert query(max_price="1") == ["Ling-2.6-1T"]
    # An unsourced price is not a price under the limit, not even under $1,000.
    assert "GPT-5.3-Codex-Spark" not in query(max_price="1000")
    catalog.ling.routes.update(is_active=False)
    assert query(max_price="1") == []


def test_filters_combine(catalog):
    assert query(capability=["reasoning"], provider="openrouter", max_price="1") == ["Ling-2.6-1T"]
    assert query(capability=["tool-use"], openness="open_source", min_context="262144") == [
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
    ]
    assert query(capability=["vision"], openness="proprietary") == []


# Sorting: unknown values last, ties by name.


def test_sort_by_name_ignores_case(make_model):
    for name in ("GPT-5", "gpt-oss-20b", "Grok 4", "Claude"):
        make_model(name)
    assert query(sort="name") == ["Claude", "GPT-5", "gpt-oss-20b", "Grok 4"]


def test_sort_by_release_newest_first_unknown_last(catalog):
    assert query(sort="released") == [
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
        "GPT-5.3-Codex-Spark",
        "Blank Model",
    ]


def test_sort_by_context_largest_first_unknown_last(catalog):
    assert query(sort="context") == [
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
        "GPT-5.3-Codex-Spark",
        "Blank Model",
    ]


def test_sort_by_cheapest_output_unknown_last(catalog, make_route):
    # An inactive cheaper route does not count.
    make_route(catalog.qwen, catalog.providers["OpenAI API"], "0.01", "0.01", is_active=False)
    assert query(sort="price") == [
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
        "Blank Model",
        "GPT-5.3-Codex-Spark",
    ]


# The page.


def test_the_page_lists_models_with_their_facts(client, catalog):
    response = client.get(URL)
    assert response.status_code == 200
    text = visible_text(response.content)
    assert "4 models" in text
    assert listed(response) == [
        "Blank Model",
        "GPT-5.3-Codex-Spark",
        "Ling-2.6-1T",
        "Qwen3.5-122B-A10B",
    ]
    document = lxml.html.fromstring(response.content)
    rows = {
        row.xpath("th")[0].text_content().strip(): [
            cell.text_content().strip() for cell in row.xpath("td")
        ]
        for row in document.xpath("//*[@id='results']//tbody/tr")
    }
    assert rows["Qwen3.5-122B-A10B"] == [
        "Alibaba (Qwen)",
        "2026-02-24",
        "262k",
        "$2.08/1M tokens",
        "Open source",
        "Vision, Multimodal, Reasoning, Function calling, Tool use, Structured outputs",
    ]
    assert rows["GPT-5.3-Codex-Spark"][1:4] == ["2026-02-12", "131k", "-"]
    assert rows["Blank Model"][1:4] == ["-", "-", "-"]
    assert rows["Blank Model"][5] == "-"
    assert "$0/" not in text  # an unsourced price never reads as free
    link = document.xpath("//*[@id='results']//tbody/tr/th/a")[1]
    assert link.get("href") == "/models/gpt-5-3-codex-spark/"


def test_the_form_keeps_its_values(client, catalog):
    response = client.get(URL, {"capability": ["vision"], "max_price": "3", "sort": "price"})
    document = lxml.html.fromstring(response.content)
    assert document.get_element_by_id("id_capability_0").checked
    assert not document.get_element_by_id("id_capability_1").checked
    assert document.get_element_by_id("id_max_price").value == "3"
    assert document.get_element_by_id("id_sort").value == "price"
    assert "1 model matches the filters" in visible_text(response.content)


def test_no_match_says_so(client, catalog):
    response = client.get(URL, {"capability": ["computer-use"]})
    assert response.status_code == 200
    assert "No model matches the filters" in visible_text(response.content)
    assert listed(response) == []


def test_the_form_submits_with_get_and_htmx_swaps_the_results(client, catalog):
    document = lxml.html.fromstring(client.get(URL).content)
    form = document.get_element_by_id("model-filters")
    assert form.get("method") == "get"
    assert form.get("action") == URL
    assert form.get("data-hx-get") == URL
    assert form.get("data-hx-target") == "#results"
    assert form.get("data-hx-push-url") == "true"
    assert "change" in form.get("data-hx-trigger")
    assert "submit" in form.get("data-hx-trigger")


def test_htmx_gets_the_results_fragment_only(client, catalog):
    response = client.get(URL, {"openness": "open_source"}, headers=HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content
    assert "model-filters" not in content
    assert content.lstrip().startswith('<section id="results"')
    assert listed(response) == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert "HX-Request" in response["Vary"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_history_restore_gets_the_whole_page(client, catalog):
    response = client.get(
        URL, {"openness": "open_source"}, headers={**HTMX, "HX-History-Restore-Request": "true"}
    )
    content = response.content.decode()
    assert "<html" in content
    assert 'id="model-filters"' in content
    assert "HX-History-Restore-Request" in response["Vary"]
    assert listed(response) == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]


def test_the_plain_page_varies_on_htmx_too(client, catalog):
    response = client.get(URL)
    assert "HX-Request" in response["Vary"]


# Bad input: a message beside the field, status 400, never a server error.

BAD_VALUES = [
    ("capability", "telepathy", "Unknown capability “telepathy”: tick one from the list."),
    ("openness", "free", "Unknown openness “free”: choose one from the list."),
    ("provider", "nowhere", "No provider “nowhere” serves a published model"),
    ("min_context", "lots", "Enter a number of tokens, such as 128000 or 128k."),
    ("min_context", "-5", "Enter 0 or more tokens."),
    ("min_context", "-5k", "Enter 0 or more tokens."),
    ("min_context", "1e999999999k", "Enter at most 1,000,000,000 tokens."),
    ("min_context", "9" * 5000, "Enter a number of tokens"),
    ("max_price", "cheap", "Enter a price in USD per 1M output tokens, such as 2.50."),
    ("max_price", "-1", "Enter a price of 0 or more."),
    ("max_price", "NaN", "Enter a price in USD per 1M output tokens"),
    ("max_price", "1e999", "Enter at most $1,000,000 per 1M tokens."),
    ("max_price", "0.0000001", "Enter a price with at most 6 digits after the point."),
    ("sort", "random", "Unknown sort “random”: choose one from the list."),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES)
def test_a_bad_value_is_a_400_with_the_message_beside_its_field(
    client, catalog, field, value, message
):
    response = client.get(URL, {field: value})
    assert response.status_code == 400
    document = lxml.html.fromstring(response.content)
    beside = document.get_element_by_id(f"id_{field}_error").text_content()
    assert message in beside
    assert listed(response) == []
    assert "Check the filters" in visible_text(response.content)
    assert "Last-Modified" not in response


def test_a_provider_serving_no_published_model_is_not_a_choice(client, catalog, make_provider):
    make_provider("Idle Cloud")
    response = client.get(URL, {"provider": "idle-cloud"})
    assert response.status_code == 400
    beside = lxml.html.fromstring(response.content).get_element_by_id("id_provider_error")
    assert "No provider “idle-cloud” serves a published model" in beside.text_content()


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES[:4])
def test_htmx_gets_the_errors_out_of_band_beside_the_fields(client, catalog, field, value, message):
    response = client.get(URL, {field: value}, headers=HTMX)
    assert response.status_code == 400
    document = lxml.html.fromstring(f"<div>{response.content.decode()}</div>")
    swapped = document.get_element_by_id(f"id_{field}_error")
    assert swapped.get("data-hx-swap-oob") == "true"
    assert message in swapped.text_content()
    # Every field's error slot comes along, so the fixed ones are cleared.
    assert document.get_element_by_id("id_sort_error").text_content() == ""


def test_several_bad_values_each_get_their_message(client, catalog):
    response = client.get(URL, {"min_context": "abc", "max_price": "-1", "sort": "x"})
    assert response.status_code == 400
    document = lxml.html.fromstring(response.content)
    for field, message in (
        ("min_context", "Enter a number of tokens, such as 128000 or 128k."),
        ("max_price", "Enter a price of 0 or more."),
        ("sort", "Unknown sort “x”: choose one from the list."),
    ):
        assert message in document.get_element_by_id(f"id_{field}_error").text_content()
        assert "field-invalid" in document.get_element_by_id(f"id_{field}").getparent().get("class")


# Page metadata, caching headers, no session.


def test_title_description_and_canonical(client, catalog):
    document = lxml.html.fromstring(client.get(URL, {"openness": "open_source"}).content)
    assert document.findtext(".//title") == "Models: 2 matches for your filters | LLM Reference"
    assert document.xpath("//link[@rel='canonical']")[0].get("href") == "http://testserver/models/"
    description = document.xpath("//meta[@name='description']")[0].get("content")
    assert description.startswith("2 large language models side by side")
    plain = lxml.html.fromstring(client.get(URL).content)
    assert plain.findtext(".//title") == "Models: specs, prices, and capabilities | LLM Reference"


def test_last_modified_is_the_latest_change_among_the_models_shown(client, catalog):
    """The models shown, and the catalog's latest change (a row dropped from the list
    changes it too): on a slow machine the fixture's records span more than one second,
    so the latter may be the later."""
    latest = max(
        model.last_modified
        for model in LanguageModel.objects.published()
        .with_last_modified()
        .filter(openness="open_source")
    )
    response = client.get(URL, {"openness": "open_source"})
    assert response["Last-Modified"] == http_date(max(latest, catalog_changed_at()).timestamp())


def test_the_last_modified_follows_a_price_change(client, catalog):
    route = catalog.qwen.routes.get(provider__slug="openrouter")
    route.output_price = Decimal("1.99")
    route.save()
    assert client.get(URL)["Last-Modified"] == http_date(route.updated_at.timestamp())


def test_no_cookie_and_no_csrf_token(client, catalog):
    for response in (
        client.get(URL),
        client.get(URL, headers=HTMX),
        client.get(URL, {"sort": "x"}),
    ):
        assert not response.cookies
        assert b"csrfmiddlewaretoken" not in response.content


# Query counts do not grow with the catalog.


def test_query_count_is_fixed(client, catalog, grow_catalog, django_assert_num_queries):
    with django_assert_num_queries(LIST_QUERIES):
        small = client.get(URL, {"sort": "price"})
    assert len(listed(small)) == 4
    grow_catalog(60)
    with django_assert_num_queries(LIST_QUERIES):
        large = client.get(URL, {"sort": "price"})
    assert len(listed(large)) == 64
    with django_assert_num_queries(LIST_QUERIES):
        client.get(
            URL, {"capability": ["vision", "reasoning"], "provider": "scale-cloud-1"}, headers=HTMX
        )
