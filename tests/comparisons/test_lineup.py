"""Two to four models side by side (/compare/?models=…): what a request asks for and what
it is answered (pure), the page's tables, adding and removing a model with and without
htmx, every bad input, and a query count that does not grow with the catalog."""

import json

import lxml.html
import pytest
from django.http import QueryDict

from catalog.facts import ModelFacts
from catalog.formatting import token_labels
from catalog.models import LanguageModel
from comparisons import tables
from comparisons.lineup import (
    Lineup,
    Step,
    canonical_path,
    lineup_path,
    next_step,
    read_lineup,
)
from tests.comparisons.factories import score
from tests.visible_text import visible_text

SPARK, QWEN, LING = "gpt-5-3-codex-spark", "qwen3-5-122b-a10b", "ling-2-6-1t"
THREE = f"/compare/?models={QWEN},{SPARK},{LING}"
HTMX = {"HX-Request": "true"}

pytestmark = pytest.mark.django_db  # the pure tests first, then the pages


def lineup(client, slugs=(QWEN, SPARK, LING), headers=None, **params):
    """The lineup of `slugs` asked with `params` (the test client drops a path's own
    query string when it is given data)."""
    return client.get("/compare/", {"models": ",".join(slugs), **params}, headers=headers)


# What a request asks (pure).


def test_a_lineup_reads_its_slugs_in_order_once_each_and_as_written():
    asked = read_lineup({"models": " qwen , spark,,qwen, Ling "})

    assert asked == Lineup(slugs=("qwen", "spark", "Ling"), repeated=True)
    assert read_lineup({"models": "a,b", "add": "  GPT 5 ", "remove": "B"}) == Lineup(
        slugs=("a", "b"), add="GPT 5", remove="B"
    )
    assert read_lineup({"models": "a,b", "add": ""}).add == ""  # asked, and empty: an error


def test_what_is_no_address_or_too_much_is_flagged_before_any_query():
    assert read_lineup({"models": "a,b\x00c,<d>"}) == Lineup(slugs=("a",), malformed=True)
    assert read_lineup({"models": ",".join("abcdefghi")}).too_many  # nine names
    assert read_lineup({"models": "a" * 1001}).too_many
    many = QueryDict(mutable=True)
    many.setlist("models", ["a" * 600, "b" * 600])  # each short, together too long
    assert read_lineup(many).too_many
    ticked = QueryDict("models=a,b&models=c&models=a")
    assert read_lineup(ticked) == Lineup(slugs=("a", "b", "c"), repeated=True)


def test_the_canonical_address_names_the_models_in_slug_order():
    assert lineup_path(["c", "a", "b"]) == "/compare/?models=c,a,b"
    assert canonical_path(["c", "a", "b"]) == "/compare/?models=a,b,c"


@pytest.mark.parametrize(
    ("asked", "published", "step"),
    [
        (Lineup(("a", "b", "c")), {"a", "b", "c"}, {"slugs": ("a", "b", "c")}),
        (Lineup(("a", "b")), {"a", "b"}, {"redirect": "/compare/a-vs-b/", "permanent": True}),
        (Lineup(("b", "a")), {"a", "b"}, {"redirect": "/compare/a-vs-b/", "permanent": True}),
        (
            Lineup(("a", "x"), malformed=True),
            {"a"},
            {
                "slugs": ("a",),
                "errors": (
                    "No published model has the address “x”.",
                    "A model's address holds only letters, digits, hyphens and underscores.",
                ),
            },
        ),
        (
            Lineup((), too_many=True),
            set(),
            {"errors": ("Name at most 4 models, commas between them.",)},
        ),
        (
            Lineup(("a", "b"), repeated=True),
            {"a", "b"},
            {"redirect": "/compare/a-vs-b/", "permanent": True},
        ),
        (
            Lineup(("a", "b", "c"), repeated=True),
            {"a", "b", "c"},
            {"redirect": "/compare/?models=a,b,c"},
        ),
        (
            Lineup(("a", "x", "b", "y")),
            {"a", "b"},
            {"slugs": ("a", "b"), "errors": ("No published model has the address “x” and “y”.",)},
        ),
        (
            Lineup(("a", "b", "c", "d", "e")),
            set("abcde"),
            {
                "slugs": tuple("abcde"),
                "errors": ("Compare at most 4 models at once: remove 1.",),
            },
        ),
        (
            Lineup(("a",)),
            {"a"},
            {"slugs": ("a",), "errors": ("Add one more model: a comparison needs at least two.",)},
        ),
        (Lineup(()), set(), {"errors": ("Add two models: a comparison needs at least two.",)}),
        (
            Lineup(("a", "b", "c"), remove="b"),
            set("abc"),
            {"redirect": "/compare/a-vs-c/", "permanent": False},
        ),
        (
            Lineup(("a", "b", "c", "d"), remove="b"),
            set("abcd"),
            {"redirect": "/compare/?models=a,c,d"},
        ),
    ],
    ids=[
        "three",
        "two: their pair",
        "two in any order",
        "unknown and malformed",
        "too many names",
        "two, one repeated",
        "three, one repeated",
        "unknown slugs",
        "five",
        "one",
        "none",
        "removed to two",
        "removed to three",
    ],
)
def test_what_a_lineup_request_is_answered(asked, published, step):
    answer = next_step(asked, published)

    assert {name: getattr(answer, name) for name in step} == step
    if "redirect" not in step:
        assert answer.redirect == ""
    if "errors" not in step:
        assert answer.errors == ()


def test_an_added_model_joins_the_end_once_and_an_unresolved_one_says_why():
    three = Lineup(("a", "b", "c"), add="D")
    assert next_step(three, set("abc"), added="d").redirect == "/compare/?models=a,b,c,d"
    assert next_step(three, set("abc"), added="b").redirect == "/compare/?models=a,b,c"
    missing = next_step(three, set("abc"), add_failed=True)
    assert (missing.slugs, missing.add_failed, missing.errors) == (("a", "b", "c"), True, ())
    full = next_step(Lineup(tuple("abcd"), add="E"), set("abcd"), added="e")
    assert full.errors == ("Remove a model first: a lineup holds at most 4.",)
    to_pair = next_step(Lineup(("a",), add="B"), {"a"}, added="b")
    assert (to_pair.redirect, to_pair.permanent) == ("/compare/a-vs-b/", False)


def test_a_redirect_carries_the_readers_traffic_on():
    assert Step(redirect="/compare/?models=a,b,c").location({"requests": "5"}) == (
        "/compare/?models=a,b,c&requests=5"
    )
    assert Step(redirect="/compare/a-vs-b/").location({"requests": "5", "mode": ""}) == (
        "/compare/a-vs-b/?requests=5&mode="
    )
    assert Step(redirect="/compare/a-vs-b/").location({}) == "/compare/a-vs-b/"


# The tables (pure).


def test_token_counts_read_alike_are_written_in_full_for_any_number_of_models():
    assert token_labels(131_072, 200_000, None) == ("131k", "200k", "-")
    assert token_labels(131_072, 131_500, 400_000) == ("131,072", "131,500", "400,000")
    assert token_labels(131_072, None, 131_072) == ("131k", "-", "131k")


def test_the_benchmarks_most_models_share_come_first_with_a_dash_where_one_has_none():
    a = ModelFacts("A", "a", scores=(score("Zeta", "10"), score("Alpha", "50")))
    b = ModelFacts("B", "b", scores=(score("Zeta", "20"),))
    c = ModelFacts("C", "c", scores=(score("Zeta", "30"), score("Beta", "70")))

    rows = tables.lineup_benchmarks([a, b, c])

    assert [(row.label, [cell.text for cell in row.cells]) for row in rows] == [
        ("Zeta", ["10%", "20%", "30%"]),
        ("Alpha", ["50%", "-", "-"]),
        ("Beta", ["-", "-", "70%"]),
    ]


# The page.


def header_names(response, section):
    document = lxml.html.fromstring(response.content)
    return [th.text_content() for th in document.xpath(f"//section[@id='{section}']//thead//th")]


def test_three_models_side_by_side_in_the_readers_order(client, reference_catalog):
    response = client.get(THREE)

    assert response.status_code == 200
    page = response.content.decode()
    document = lxml.html.fromstring(response.content)
    assert document.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert document.xpath("//link[@rel='canonical']/@href") == [
        f"http://testserver/compare/?models={SPARK},{LING},{QWEN}"
    ]
    names = ["Qwen3.5-122B-A10B", "GPT-5.3-Codex-Spark", "Ling-2.6-1T"]
    assert document.xpath("//h1")[0].text_content() == " vs ".join(names)
    for section in ("specs", "pricing", "cost", "capabilities"):
        assert header_names(response, section)[1:] == names, section
    text = visible_text(page)
    assert "At the maker's list price" in text
    assert "At the cheapest tracked route" in text
    assert "Maker's list price" in text


def test_the_monthly_cost_follows_the_readers_traffic_and_says_what_is_wrong(
    client, reference_catalog
):
    small = lineup(client, requests="1", input_tokens="0", output_tokens="0")
    assert small.status_code == 200
    costs = lxml.html.fromstring(small.content).xpath("//section[@id='cost']//tbody//td")
    assert costs
    assert all(cell.text_content().startswith(("$0", "-")) for cell in costs)

    bad = lineup(client, requests="lots")
    assert bad.status_code == 400
    assert "Enter a whole number, such as 1000000." in visible_text(bad.content.decode())
    assert "Fix the traffic above to see the monthly cost." in visible_text(bad.content.decode())


def test_two_models_go_to_their_pair_page_for_good(client, reference_catalog):
    response = client.get(f"/compare/?models={QWEN},{SPARK}")

    assert response.status_code == 301
    assert response["Location"] == f"/compare/{SPARK}-vs-{QWEN}/"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (f"{SPARK},nope,{QWEN}", "No published model has the address “nope”."),
        (SPARK, "Add one more model: a comparison needs at least two."),
        ("", "Add two models: a comparison needs at least two."),
    ],
    ids=["unknown", "one", "none"],
)
def test_a_lineup_that_cannot_be_shown_is_a_400_that_says_why(
    client, reference_catalog, query, message
):
    response = client.get("/compare/", {"models": query})

    assert response.status_code == 400
    assert message in visible_text(response.content.decode())
    assert 'id="id_add"' in response.content.decode()  # the way on: add a model


def test_more_than_four_models_is_a_400(client, reference_catalog, make_model):
    extra = [make_model(f"Extra {n}").slug for n in range(2)]
    response = client.get("/compare/", {"models": ",".join([SPARK, QWEN, LING, *extra])})

    assert response.status_code == 400
    assert "Compare at most 4 models at once: remove 1." in visible_text(response.content.decode())


def test_an_unpublished_model_is_unknown_and_a_long_list_is_refused(
    client, reference_catalog, django_assert_max_num_queries
):
    LanguageModel.objects.filter(slug=LING).update(is_published=False)
    assert client.get(THREE).status_code == 400

    with django_assert_max_num_queries(2):  # the traffic defaults; no model is read
        response = client.get(f"/compare/?models={'a,' * 600}&models={SPARK}")
    assert response.status_code == 400
    assert "Name at most 4 models, commas between them." in visible_text(response.content.decode())


def test_an_address_with_characters_no_slug_has_is_a_400_on_either_database(
    client, reference_catalog
):
    response = client.get("/compare/", {"models": f"{SPARK},{QWEN}\x00x,{LING}"})

    assert response.status_code == 400
    assert "holds only letters, digits, hyphens and underscores" in visible_text(
        response.content.decode()
    )


def test_an_address_is_exact_as_a_pair_pages_is(client, reference_catalog, make_model):
    mixed = make_model("Mixed Case")
    LanguageModel.objects.filter(pk=mixed.pk).update(slug="Mixed-Case")

    assert client.get("/compare/", {"models": f"{SPARK},{QWEN},Mixed-Case"}).status_code == 200
    assert client.get("/compare/", {"models": f"{SPARK},{QWEN},mixed-case"}).status_code == 400


def test_one_model_left_is_named_with_its_remove_button(client, reference_catalog):
    response = client.get("/compare/", {"models": SPARK})

    document = lxml.html.fromstring(response.content)
    assert response.status_code == 400
    assert document.xpath("//button[@name='remove']/@value") == [SPARK]


def test_an_unknown_address_is_said_even_when_the_model_to_add_names_none(
    client, reference_catalog
):
    response = lineup(client, (SPARK, QWEN, LING, "nope"), add="zzz")

    text = visible_text(response.content.decode())
    assert response.status_code == 400
    assert "No published model has the address “nope”." in text


def test_a_repeated_model_redirects_to_the_lineup_without_it(client, reference_catalog):
    response = client.get("/compare/", {"models": f"{SPARK},{QWEN},{SPARK},{LING}"})

    assert response.status_code == 302
    assert response["Location"] == f"/compare/?models={SPARK},{QWEN},{LING}"


# Adding and removing, without and with htmx.


def test_a_model_added_by_name_joins_the_lineup_its_traffic_carried_on(
    client, reference_catalog, make_model
):
    added = make_model("Mistral Large 3")
    response = lineup(client, add="mistral large 3", requests="2000000")

    assert response.status_code == 302
    assert response["Location"] == (
        f"/compare/?models={QWEN},{SPARK},{LING},{added.slug}&requests=2000000"
    )


def test_a_name_that_names_no_model_or_several_says_so_beside_the_field(client, reference_catalog):
    response = lineup(client, add="zzz")

    assert response.status_code == 400
    document = lxml.html.fromstring(response.content)
    errors = document.xpath("//*[@id='id_add_error']//li")
    assert [error.text_content() for error in errors] == ["No published model matches “zzz”."]
    assert len(header_names(response, "specs")) == 4  # the lineup stays shown


def test_removing_a_model_leaves_the_others_or_their_pair(client, reference_catalog, make_model):
    fourth = make_model("Model Four")

    to_three = lineup(client, (QWEN, SPARK, LING, fourth.slug), remove=SPARK)
    to_pair = lineup(client, remove=SPARK)

    assert (to_three.status_code, to_three["Location"]) == (
        302,
        f"/compare/?models={QWEN},{LING},{fourth.slug}",
    )
    # The pair it leaves depends on the catalog's names: a temporary redirect.
    assert (to_pair.status_code, to_pair["Location"]) == (302, f"/compare/{LING}-vs-{QWEN}/")


def test_with_htmx_an_add_loads_the_new_lineup_into_the_page(client, reference_catalog):
    fourth = LanguageModel.objects.exclude(slug__in=[SPARK, QWEN, LING])
    assert not fourth.exists()

    response = lineup(client, (QWEN, SPARK), headers=HTMX, add="Ling")

    assert response.status_code == 200
    location = json.loads(response["HX-Location"])
    assert location == {
        "path": f"/compare/?models={QWEN},{SPARK},{LING}",
        "target": "#lineup",
        "swap": "outerHTML",
    }


def test_with_htmx_a_remove_down_to_two_goes_to_their_pair_page(client, reference_catalog):
    response = lineup(client, headers=HTMX, remove=LING)

    assert response["HX-Redirect"] == f"/compare/{SPARK}-vs-{QWEN}/"


def test_a_history_restore_of_an_add_gets_a_whole_page_not_a_header(client, reference_catalog):
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = lineup(client, (QWEN, SPARK), headers=restore, add="Ling")

    assert response.status_code == 302
    assert "HX-Location" not in response


def test_the_autocomplete_answers_an_empty_add_field_with_no_suggestions(client):
    response = client.get("/compare/autocomplete/", {"add": ""})

    assert response.status_code == 200
    assert "<option" not in response.content.decode()


def test_with_htmx_the_lineup_answers_its_section_and_its_title(client, reference_catalog):
    response = client.get(THREE, headers=HTMX)

    page = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "<html" not in page
    assert page.lstrip().startswith("<title>Qwen3.5-122B-A10B vs GPT-5.3-Codex-Spark vs")
    assert 'id="lineup"' in page


def test_the_autocomplete_suggests_for_the_add_field(client, reference_catalog):
    response = client.get("/compare/autocomplete/", {"add": "ling"})

    assert response.status_code == 200
    assert "Ling-2.6-1T" in response.content.decode()


# The ways in: the models list's ticked rows, a pair page's third model.


def test_the_models_lists_ticked_rows_are_compared(client, reference_catalog):
    document = lxml.html.fromstring(client.get("/models/").content)
    ticks = document.xpath("//input[@type='checkbox'][@name='models'][@form='compare-ticked']")
    form = document.get_element_by_id("compare-ticked")
    assert sorted(tick.get("value") for tick in ticks) == sorted([SPARK, QWEN, LING])
    assert form.get("action") == "/compare/"

    # What the browser sends for three ticked rows: `models` once per row.
    response = client.get(f"/compare/?models={QWEN}&models={SPARK}&models={LING}")
    assert response.status_code == 200
    assert header_names(response, "specs")[1:] == [
        "Qwen3.5-122B-A10B",
        "GPT-5.3-Codex-Spark",
        "Ling-2.6-1T",
    ]
    two = client.get(f"/compare/?models={QWEN}&models={SPARK}")
    assert (two.status_code, two["Location"]) == (301, f"/compare/{SPARK}-vs-{QWEN}/")


def test_a_pair_page_adds_a_third_model(client, reference_catalog):
    document = lxml.html.fromstring(client.get(f"/compare/{SPARK}-vs-{QWEN}/").content)
    form = document.xpath("//form[@aria-label='Add a model to this comparison']")[0]
    fields = {field.get("name"): field.get("value") for field in form.xpath(".//input")}
    assert form.get("action") == "/compare/"
    assert fields == {"models": f"{SPARK},{QWEN}", "add": None}

    response = client.get("/compare/", {"models": fields["models"], "add": "Ling-2.6-1T"})
    assert response["Location"] == f"/compare/?models={SPARK},{QWEN},{LING}"


def test_the_home_page_and_the_picker_say_where_more_than_two_are_compared(client):
    for url in ("/", "/compare/"):
        document = lxml.html.fromstring(client.get(url).content)
        note = document.xpath("//form[@class='picker-form']/following-sibling::p[1]")[0]
        assert note.text_content().startswith("More than two: tick up to four"), url
        assert note.xpath(".//a/@href") == ["/models/"], url
