"""/models/: the filter form, the query it builds, the pages of the list and its htmx fragment."""

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from django.http import Http404
from django.utils.http import http_date

from catalog.forms import ModelFilterForm, filter_models
from catalog.models import LanguageModel, ModelCapability, catalog_changed_at
from catalog.pages.model_list import PAGE_SIZE
from catalog.views import model_list
from tests.visible_text import visible_text

URL = "/models/"
HTMX = {"HX-Request": "true"}
# capability and provider choices, the count of matches, the page's models, their
# supported capabilities, and the catalog's latest change (the Last-Modified of a list
# that may have lost a row)
LIST_QUERIES = 6
# A full page of the list, in bytes of HTML: 1.3 MB was the whole list of 3,000 models.
MAX_PAGE_BYTES = 150_000


def listed(response):
    """Model names in the results table, in order."""
    document = lxml.html.fromstring(response.content)
    return [
        cell.text_content().strip() for cell in document.xpath("//*[@id='results']//tbody/tr/th")
    ]


def document_of(response):
    """The page, or an htmx fragment (wrapped: its out-of-band slots come after it)."""
    content = response.content.decode()
    return lxml.html.fromstring(content if "<html" in content else f"<div>{content}</div>")


def page_links(response):
    """The page links below the results: (text, href, rel) for each link."""
    return [
        (link.text_content().strip(), link.get("href"), link.get("rel"))
        for link in document_of(response).xpath("//nav[@aria-label='Pages of results']//a")
    ]


def params(url):
    """A URL's query parameters, each a list of its values."""
    return parse_qs(urlsplit(url).query)


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
        "-",  # no list price: its maker sells it through no API here
        "$2.08/1M tokens",
        "Open source",
        "Vision, Multimodal, Reasoning, Function calling, Tool use, Structured outputs",
    ]
    assert rows["GPT-5.3-Codex-Spark"][1:5] == ["2026-02-12", "131k", "-", "-"]
    assert rows["Blank Model"][1:5] == ["-", "-", "-", "-"]
    assert rows["Blank Model"][6] == "-"
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
    ("page", "two", "The page must be a whole number, such as 2."),
    ("page", "1.5", "The page must be a whole number, such as 2."),
    ("page", "9" * 5000, "The page must be a whole number"),
    ("page", "0", "Pages are numbered from 1."),
    ("page", "-3", "Pages are numbered from 1."),
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


# Pages: a page of rows at a time, each page a plain link that keeps the query.


@pytest.fixture
def page_size(monkeypatch):
    """`page_size(2)`: pages of that many rows, so that the small catalog spans pages."""

    def set_size(size):
        monkeypatch.setattr("catalog.pages.model_list.PAGE_SIZE", size)

    return set_size


def test_the_pages_split_the_list_in_order(client, catalog, page_size):
    page_size(2)
    first = client.get(URL)
    second = client.get(URL, {"page": "2"})
    assert listed(first) == ["Blank Model", "GPT-5.3-Codex-Spark"]
    assert listed(second) == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert listed(client.get(URL, {"page": "1"})) == listed(first)
    assert "4 models, showing 1–2" in visible_text(first.content)
    assert "4 models, showing 3–4" in visible_text(second.content)


def test_filters_and_sort_hold_across_the_pages(client, catalog, page_size):
    page_size(1)
    reasoning = {"capability": ["reasoning"], "sort": "price"}
    pages = [client.get(URL, {**reasoning, "page": number}) for number in (1, 2)]
    assert [listed(page) for page in pages] == [["Ling-2.6-1T"], ["Qwen3.5-122B-A10B"]]
    assert "2 models match the filters, showing 2" in visible_text(pages[1].content)
    page_size(2)
    by_release = [listed(client.get(URL, {"sort": "released", "page": n})) for n in (1, 2)]
    assert by_release == [
        ["Ling-2.6-1T", "Qwen3.5-122B-A10B"],
        ["GPT-5.3-Codex-Spark", "Blank Model"],
    ]


def test_one_page_has_no_page_links(client, catalog):
    response = client.get(URL)
    assert page_links(response) == []
    assert "showing" not in visible_text(response.content)
    assert lxml.html.fromstring(response.content).xpath("//link[@rel='next']") == []


def test_page_links_keep_the_query_and_change_only_the_page(client, catalog, page_size):
    page_size(1)
    # Tool use: Ling, Qwen and GPT-5.3-Codex-Spark, newest first; an empty field stays.
    shown = {"capability": ["tool-use"], "min_context": "", "sort": "released"}
    response = client.get(URL, {**shown, "page": "2"})
    assert listed(response) == ["Qwen3.5-122B-A10B"]
    links = page_links(response)
    assert [(text, rel) for text, _, rel in links] == [
        ("Previous", "prev"),
        ("1", None),
        ("3", None),
        ("Next", "next"),
    ]
    kept = {"capability": ["tool-use"], "min_context": [""], "sort": ["released"]}
    for text, href, _ in links:
        assert href.startswith(f"{URL}?")
        query = parse_qs(urlsplit(href).query, keep_blank_values=True)
        page = query.pop("page", ["1"])
        assert query == kept
        assert page == [{"Previous": "1", "Next": "3"}.get(text, text)]
    # The first page is the list's own address: no page parameter at all.
    assert "page" not in params(links[0][1])
    current = document_of(response).xpath("//nav[@aria-label='Pages of results']//*[@aria-current]")
    assert [element.text_content() for element in current] == ["2"]


def test_page_links_work_without_javascript_and_swap_the_results_with_htmx(
    client, catalog, page_size
):
    """Plain links, and with htmx what the filter form does: get the fragment into
    #results and push the page's address."""
    page_size(1)
    document = lxml.html.fromstring(client.get(URL, {"sort": "price", "page": "2"}).content)
    form = document.get_element_by_id("model-filters")
    links = document.xpath("//nav[@aria-label='Pages of results']//a")
    assert len(links) == 5  # previous, pages 1, 3 and 4, next
    for link in links:
        assert link.get("href").startswith(URL)
        assert link.get("data-hx-get") == link.get("href")
        assert link.get("data-hx-target") == form.get("data-hx-target") == "#results"
        assert link.get("data-hx-swap").split()[0] == form.get("data-hx-swap") == "outerHTML"
        assert link.get("data-hx-push-url") == form.get("data-hx-push-url") == "true"


def test_the_head_links_the_previous_and_next_pages(client, catalog, page_size):
    page_size(1)

    def head_links(number):
        document = lxml.html.fromstring(client.get(URL, {"sort": "price", "page": number}).content)
        return [
            (link.get("rel"), link.get("href"))
            for link in document.xpath("//head/link[@rel='prev' or @rel='next']")
        ]

    assert head_links(1) == [("next", "http://testserver/models/?sort=price&page=2")]
    assert head_links(2) == [
        ("prev", "http://testserver/models/?sort=price"),
        ("next", "http://testserver/models/?sort=price&page=3"),
    ]
    assert head_links(4) == [("prev", "http://testserver/models/?sort=price&page=3")]


def test_the_form_carries_no_page_so_a_changed_filter_starts_at_page_one(
    client, catalog, page_size, form_data
):
    page_size(1)
    response = client.get(URL, {"sort": "released", "page": "3"})
    assert listed(response) == ["GPT-5.3-Codex-Spark"]
    form = lxml.html.fromstring(response.content).get_element_by_id("model-filters")
    assert form.xpath(".//*[@name='page']") == []
    submitted = form_data(response, "model-filters")
    assert "page" not in submitted
    assert submitted["sort"] == ["released"]

    submitted["openness"] = ["proprietary"]
    response = client.get(URL, submitted)
    assert listed(response) == ["GPT-5.3-Codex-Spark"]
    assert "2 models match the filters, showing 1" in visible_text(response.content)


def test_htmx_gets_the_page_asked_for_as_the_results_fragment(client, catalog, page_size):
    page_size(2)
    response = client.get(URL, {"openness": "", "page": "2"}, headers=HTMX)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="results"')
    assert "<html" not in content
    assert 'rel="next"' not in content
    assert listed(response) == ["Ling-2.6-1T", "Qwen3.5-122B-A10B"]
    assert page_links(response) == [
        ("Previous", "/models/?openness=", "prev"),
        ("1", "/models/?openness=", None),
    ]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_page_past_the_last_is_not_found(client, catalog, page_size, rf):
    page_size(2)
    assert client.get(URL, {"page": "3"}).status_code == 404
    assert client.get(URL, {"page": "3"}, headers=HTMX).status_code == 404
    assert client.get(URL, {"openness": "open_source", "page": "2"}).status_code == 404
    with pytest.raises(Http404, match="The models list has no page 3 for this query"):
        model_list(rf.get(URL, {"page": "3"}))
    # The one page of no match is the list saying so, not a missing page.
    response = client.get(URL, {"capability": ["computer-use"], "page": "1"})
    assert response.status_code == 200
    assert "No model matches the filters" in visible_text(response.content)


def test_a_bad_page_is_listed_among_the_errors(client, catalog):
    response = client.get(URL, {"page": "0", "sort": "x"})
    assert response.status_code == 400
    document = lxml.html.fromstring(response.content)
    errors = document.xpath("//*[@id='results']//li")
    assert [error.text_content() for error in errors] == [
        "Sort by: Unknown sort “x”: choose one from the list.",
        "Page: Pages are numbered from 1.",
    ]
    # Each links to its field; the page has no input, only the slot for its message.
    assert document.get_element_by_id("id_page").xpath(".//input") == []
    assert errors[1].xpath("a")[0].get("href") == "#id_page"


def test_a_later_page_of_the_whole_list_is_a_page_of_its_own(client, catalog, page_size):
    """Filtered and sorted views keep the list as their canonical page; a later page of the
    plain list lists other models, so it is canonical itself, with a title of its own."""
    page_size(1)

    def head(**query):
        document = lxml.html.fromstring(client.get(URL, query).content)
        return (
            document.findtext(".//title"),
            document.xpath("//link[@rel='canonical']")[0].get("href"),
        )

    assert head(page="2") == (
        "Models: specs, prices, and capabilities, page 2 of 4 | LLM Reference",
        "http://testserver/models/?page=2",
    )
    assert head(page="2", sort="name")[1] == "http://testserver/models/?page=2"
    assert head(page="1")[1] == "http://testserver/models/"
    assert head(page="2", sort="price")[1] == "http://testserver/models/"
    assert head(page="2", openness="proprietary") == (
        "Models: 2 matches for your filters, page 2 of 2 | LLM Reference",
        "http://testserver/models/",
    )


def test_last_modified_of_a_page_is_the_latest_change_among_its_rows(client, catalog, page_size):
    page_size(2)
    shown = (
        LanguageModel.objects.published()
        .with_last_modified()
        .filter(name__in=["Ling-2.6-1T", "Qwen3.5-122B-A10B"])
    )
    latest = max(model.last_modified for model in shown)
    response = client.get(URL, {"page": "2"})
    assert response["Last-Modified"] == http_date(max(latest, catalog_changed_at()).timestamp())


# Query counts and page size do not grow with the catalog.


def test_query_count_is_fixed(client, catalog, grow_catalog, django_assert_num_queries):
    grow_catalog(3)
    with django_assert_num_queries(LIST_QUERIES):
        small = client.get(URL, {"sort": "price"})
    assert len(listed(small)) == 7
    grow_catalog(297, name="More")  # 300 more than the catalog fixture's: three pages
    with django_assert_num_queries(LIST_QUERIES) as captured:
        large = client.get(URL, {"sort": "price"})
    assert len(listed(large)) == PAGE_SIZE
    # The capabilities of the page's models only.
    (prefetch,) = [
        query["sql"]
        for query in captured.captured_queries
        if '"catalog_modelcapability"."model_id" IN (' in query["sql"]
    ]
    assert prefetch.split(" IN (")[1].split(")")[0].count(",") + 1 == PAGE_SIZE
    with django_assert_num_queries(LIST_QUERIES):
        last = client.get(URL, {"sort": "price", "page": "4"})
    assert len(listed(last)) == 4
    with django_assert_num_queries(LIST_QUERIES):
        client.get(
            URL,
            {"capability": ["vision"], "provider": "scale-cloud-1", "page": "1"},
            headers=HTMX,
        )


def test_a_full_page_stays_small(client, catalog, grow_catalog):
    grow_catalog(300)
    response = client.get(URL)
    assert len(listed(response)) == PAGE_SIZE
    assert "304 models, showing 1–100" in visible_text(response.content)
    assert len(response.content) < MAX_PAGE_BYTES
