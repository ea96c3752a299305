"""The compare picker: name resolution, the autocomplete fragment, the redirect and its errors."""

import lxml.html
import pytest
from django.urls import resolve as resolve_url

from comparisons.picker import Candidate, resolve
from comparisons.views import autocomplete
from tests.visible_text import visible_text

PICKER = "/compare/"
AUTOCOMPLETE = "/compare/autocomplete/"
PAIR = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"

GPT5 = Candidate("GPT-5", "gpt-5", "OpenAI")
GPT5_MINI = Candidate("GPT-5 mini", "gpt-5-mini", "OpenAI")
LING = Candidate("Ling-2.6-1T", "ling-2-6-1t", "inclusionAI (Ant Group)")
QWEN = Candidate("Qwen3.5-122B-A10B", "qwen3-5-122b-a10b", "Alibaba (Qwen)")


# resolve(): pure, no database.


def test_exact_name_wins_over_partial_matches():
    assert resolve("gpt-5", [GPT5, GPT5_MINI]).model == GPT5


def test_exact_slug_wins_and_a_name_typed_with_spaces_reads_as_its_slug():
    assert resolve("gpt-5-mini", [GPT5_MINI, GPT5]).model == GPT5_MINI
    assert resolve("GPT 5 mini", [GPT5_MINI, GPT5]).model == GPT5_MINI


def test_single_partial_match_resolves():
    assert resolve("qwen3.5", [QWEN]).model == QWEN


def test_organization_with_one_model_resolves():
    assert resolve("inclusionai (ant group)", [LING]).model == LING


def test_organization_with_several_models_is_ambiguous():
    resolution = resolve("OpenAI", [GPT5, GPT5_MINI])

    assert resolution.model is None
    assert resolution.error == "“OpenAI” matches several models: pick one: GPT-5, GPT-5 mini"
    assert resolution.choices == (GPT5, GPT5_MINI)


def test_organization_listed_in_full_is_not_said_to_be_cut():
    resolution = resolve("inclusionAI (Ant Group)", [LING, QWEN], more=True)

    assert resolution.model == LING


def test_unknown_name():
    resolution = resolve("  xyz ", [])

    assert resolution.model is None
    assert resolution.error == "No published model matches “xyz”."
    assert resolution.choices == ()


def test_a_cut_list_is_ambiguous_even_with_one_candidate_and_says_so():
    resolution = resolve("mini", [GPT5_MINI], more=True)

    assert resolution.model is None
    assert resolution.error == (
        "“mini” matches several models: pick one: GPT-5 mini, … (type more of the name to "
        "narrow it down)"
    )


def test_punctuation_alone_has_no_slug_and_matches_nothing():
    assert resolve("???", []).error == "No published model matches “???”."


# The autocomplete fragment.


@pytest.fixture
def catalog(make_model, make_organization):
    openai = make_organization("OpenAI")
    qwen_org = make_organization("Alibaba (Qwen)")
    return {
        "spark": make_model("GPT-5.3-Codex-Spark", organization=openai),
        "gpt5": make_model("GPT-5", organization=openai),
        "gpt5mini": make_model("GPT-5 mini", organization=openai),
        "qwen": make_model("Qwen3.5-122B-A10B", organization=qwen_org),
        "qwen_max": make_model("Qwen2.5-Max", organization=qwen_org),
        "hidden": make_model("Qwen4-Preview", organization=qwen_org, is_published=False),
    }


def options(response):
    document = lxml.html.fragment_fromstring(response.content.decode(), create_parent="datalist")
    return [(option.get("value"), option.text_content()) for option in document.iter("option")]


@pytest.mark.django_db
def test_autocomplete_url_is_matched_before_the_pair_pattern():
    assert resolve_url(AUTOCOMPLETE).func == autocomplete


@pytest.mark.django_db
def test_autocomplete_by_model_name(client, catalog, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(AUTOCOMPLETE, {"q": "qwen"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert options(response) == [
        ("Qwen2.5-Max", "Qwen2.5-Max — Alibaba (Qwen)"),
        ("Qwen3.5-122B-A10B", "Qwen3.5-122B-A10B — Alibaba (Qwen)"),
    ]


@pytest.mark.django_db
def test_autocomplete_by_organization(client, catalog):
    response = client.get(AUTOCOMPLETE, {"q": "alibaba"})

    assert [value for value, _ in options(response)] == ["Qwen2.5-Max", "Qwen3.5-122B-A10B"]


@pytest.mark.django_db
def test_autocomplete_puts_names_starting_with_the_text_first(client, catalog, make_model):
    make_model("Spark Lite")

    response = client.get(AUTOCOMPLETE, {"q": "spark"})

    assert [value for value, _ in options(response)] == ["Spark Lite", "GPT-5.3-Codex-Spark"]


@pytest.mark.django_db
def test_autocomplete_reads_the_picker_field_htmx_sends(client, catalog):
    """htmx sends the input under its own name: a=… from model A, b=… from model B."""
    for name in ("a", "b"):
        response = client.get(AUTOCOMPLETE, {name: "max"}, headers={"HX-Request": "true"})
        assert options(response) == [("Qwen2.5-Max", "Qwen2.5-Max — Alibaba (Qwen)")]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["a", "b"])
def test_autocomplete_clears_the_suggestions_of_an_emptied_field(client, catalog, name):
    """Focusing an empty field, or deleting what was typed, is no error: no suggestions."""
    response = client.get(AUTOCOMPLETE, {name: ""}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert response.content.decode().strip() == ""


@pytest.mark.django_db
def test_autocomplete_answers_at_most_ten(client, make_model, make_organization):
    organization = make_organization("Mistral AI")
    for number in range(12):
        make_model(f"Mistral Test {number:02}", organization=organization)

    response = client.get(AUTOCOMPLETE, {"q": "mistral"})

    assert len(options(response)) == 10


@pytest.mark.django_db
def test_autocomplete_leaves_out_unpublished_models(client, catalog):
    response = client.get(AUTOCOMPLETE, {"q": "qwen4"})

    assert response.status_code == 200
    assert options(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "Type part of a model or organization name in q."),
        ({"q": ""}, "Type part of a model or organization name in q."),
        ({"q": "   "}, "Type part of a model or organization name in q."),
        ({"q": "x" * 101}, "Type at most 100 characters in q."),
        ({"a": "x" * 101}, "Type at most 100 characters in q."),
        ({"q": "gpt\x00"}, "Type letters, digits or punctuation in q: no null characters."),
    ],
    ids=["missing", "empty", "blank", "too-long", "field-too-long", "null-character"],
)
def test_autocomplete_refuses_bad_text(client, query, message):
    response = client.get(AUTOCOMPLETE, query)

    assert response.status_code == 400
    assert response["X-Robots-Tag"] == "noindex"
    assert message in response.content.decode()


@pytest.mark.django_db
def test_autocomplete_accepts_exactly_a_hundred_characters(client, catalog):
    response = client.get(AUTOCOMPLETE, {"q": "x" * 100})

    assert response.status_code == 200
    assert options(response) == []
    assert "Type at most 100 characters" not in response.content.decode()


# The picker page and its redirect.


@pytest.fixture
def pair(make_model, make_organization):
    spark = make_model("GPT-5.3-Codex-Spark", organization=make_organization("OpenAI"))
    qwen = make_model("Qwen3.5-122B-A10B", organization=make_organization("Alibaba (Qwen)"))
    return spark, qwen


def errors(response, field):
    document = lxml.html.fromstring(response.content)
    found = document.xpath(f'//ul[@id="id_{field}_error"]/li')
    return [item.text_content() for item in found]


@pytest.mark.django_db
def test_picker_page_without_a_pick(client, pair):
    response = client.get(PICKER)

    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    for name in ("a", "b"):
        field = document.get_element_by_id(f"id_{name}")
        assert field.get("name") == name
        assert field.get("list") == f"{name}-suggestions"
        assert field.get("data-hx-get") == AUTOCOMPLETE
        assert field.get("data-hx-target") == f"#{name}-suggestions"
        assert field.get("data-hx-trigger") == "input changed delay:250ms, focus"
        assert document.get_element_by_id(f"{name}-suggestions").tag == "datalist"
    form = document.xpath("//form[@action='/compare/']")[0]
    assert form.get("method") == "get"
    assert "Compare two models" in visible_text(response.content)
    assert '<link rel="canonical" href="http://testserver/compare/">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GPT-5.3-Codex-Spark", "Qwen3.5-122B-A10B"),
        ("Qwen3.5-122B-A10B", "GPT-5.3-Codex-Spark"),
        ("qwen3-5-122b-a10b", "gpt-5-3-codex-spark"),
        ("openai", "ALIBABA (QWEN)"),
        ("codex", "qwen"),
    ],
    ids=["names", "swapped", "slugs", "organizations", "partial"],
)
def test_picker_redirects_to_the_canonical_pair_url(client, pair, a, b, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get(PICKER, {"a": a, "b": b})

    assert response.status_code == 302
    assert response["Location"] == PAIR


@pytest.mark.django_db
def test_exact_name_wins_over_a_partial_match_in_the_picker(client, pair, make_model):
    make_model("Qwen3.5-122B-A10B-Instruct")

    response = client.get(PICKER, {"a": "qwen3.5-122b-a10b", "b": "GPT-5.3-Codex-Spark"})

    assert response["Location"] == PAIR


@pytest.mark.django_db
def test_exact_name_is_found_among_more_partial_matches_than_are_listed(client, pair, make_model):
    for number in range(12):
        make_model(f"Alpha Zed {number:02}")
    make_model("Zed")

    response = client.get(PICKER, {"a": "zed", "b": "Qwen3.5-122B-A10B"})

    assert response["Location"] == "/compare/qwen3-5-122b-a10b-vs-zed/"


@pytest.mark.django_db
def test_organization_is_found_among_more_partial_matches_than_are_listed(
    client, pair, make_model, make_organization
):
    for number in range(12):
        make_model(f"Alpha Zed Labs {number:02}")
    make_model("Quux", organization=make_organization("Zed Labs"))

    response = client.get(PICKER, {"a": "zed labs", "b": "Qwen3.5-122B-A10B"})

    assert response["Location"] == "/compare/quux-vs-qwen3-5-122b-a10b/"


@pytest.mark.django_db
def test_picker_ignores_an_unpublished_model(client, pair, make_model):
    make_model("Qwen3.5-Preview", is_published=False)

    response = client.get(PICKER, {"a": "qwen3.5", "b": "spark"})

    assert response["Location"] == PAIR


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"a": "", "b": "qwen"}, "a", "Enter a model name, slug or organization."),
        ({"a": "spark", "b": "   "}, "b", "Enter a model name, slug or organization."),
        ({"a": "spark"}, "b", "Enter a model name, slug or organization."),
        ({"a": "xyz", "b": "qwen"}, "a", "No published model matches “xyz”."),
        (
            {"a": "x" * 101, "b": "qwen"},
            "a",
            "Enter at most 100 characters: a model name is shorter than that.",
        ),
        ({"a": "spark", "b": "GPT-5.3-Codex-Spark"}, "b", "Pick two different models."),
        ({"a": "qwen", "b": "qwen3-5-122b-a10b"}, "b", "Pick two different models."),
        ({"a": "spark\x00", "b": "qwen"}, "a", "Null characters are not allowed."),
    ],
    ids=[
        "empty-a",
        "blank-b",
        "missing-b",
        "unknown",
        "too-long",
        "same",
        "same-by-slug",
        "null-character",
    ],
)
def test_picker_errors_beside_the_field(client, pair, query, field, message):
    response = client.get(PICKER, query)

    assert response.status_code == 400
    assert errors(response, field) == [message]
    document = lxml.html.fromstring(response.content)
    widget = document.get_element_by_id(f"id_{field}")
    assert widget.get("aria-invalid") == "true"
    assert f"id_{field}_error" in widget.get("aria-describedby").split()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


@pytest.mark.django_db
def test_ambiguous_name_lists_the_models_and_fills_the_suggestions(
    client, pair, make_model, make_organization
):
    openai = pair[0].organization
    make_model("GPT-4.1", organization=openai)
    make_model("GPT-Image 1", organization=openai)

    response = client.get(PICKER, {"a": "gpt", "b": "qwen"})

    assert response.status_code == 400
    assert errors(response, "a") == [
        "“gpt” matches several models: pick one: GPT-4.1, GPT-5.3-Codex-Spark, GPT-Image 1"
    ]
    assert errors(response, "b") == []
    document = lxml.html.fromstring(response.content)
    suggestions = document.get_element_by_id("a-suggestions")
    assert [option.get("value") for option in suggestions.iter("option")] == [
        "GPT-4.1",
        "GPT-5.3-Codex-Spark",
        "GPT-Image 1",
    ]
    # The typed text stays in the field, so the reader only has to finish it.
    assert document.get_element_by_id("id_a").get("value") == "gpt"


@pytest.mark.django_db
def test_too_many_matches_say_there_are_more(client, make_model):
    for number in range(12):
        make_model(f"Test Model {number:02}")

    response = client.get(PICKER, {"a": "test", "b": "Test Model 00"})

    assert errors(response, "a")[0].endswith(
        "Test Model 09, … (type more of the name to narrow it down)"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [{}, {"a": "xyz", "b": "qwen"}],
    ids=["empty", "with-errors"],
)
def test_picker_sets_no_cookie_and_no_csrf_token(client, pair, query):
    response = client.get(PICKER, query)

    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_picker_refuses_post(client, pair):
    assert client.post(PICKER, {"a": "spark", "b": "qwen"}).status_code == 405
