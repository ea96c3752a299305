"""The home page: picker, featured pairs, the most-served models and their comparisons, the
newest releases, dated price changes, benchmark leaders, recently reviewed models and pairs,
in a fixed number of queries."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import lxml.html
import pytest

from catalog.models import Benchmark, BenchmarkScore, LanguageModel, SimilarModel
from comparisons.home_page import FEATURED_LIMIT, recent_pairs
from comparisons.models import FeaturedComparison
from tests.builders import add_models
from tests.visible_text import visible_text

DAY = datetime(2026, 6, 1, 12, tzinfo=UTC)


def reviewed(name, days):
    slug = name.lower()
    return SimpleNamespace(name=name, slug=slug, reviewed_at=DAY + timedelta(days=days))


# recent_pairs(): pure, no database.


def test_pairs_come_latest_review_first_then_by_the_other_model():
    c, b, a = reviewed("C", 3), reviewed("B", 2), reviewed("A", 1)

    pairs = recent_pairs([c, b, a])

    assert [(p.title, p.reviewed_at.day) for p in pairs] == [
        ("C vs B", 4),
        ("C vs A", 4),
        ("B vs A", 3),
    ]
    assert pairs[1].url == "/compare/a-vs-c/"


def test_pairs_do_not_depend_on_the_order_models_come_in():
    models = [reviewed("A", 1), reviewed("C", 3), reviewed("B", 2), reviewed("D", 3)]

    pairs = recent_pairs(models)

    assert pairs == recent_pairs(list(reversed(models)))
    # C and D were reviewed the same day: the pair reads in slug order.
    assert [p.title for p in pairs][:2] == ["C vs D", "C vs B"]


def test_a_model_appears_in_at_most_two_pairs():
    models = [reviewed(f"M{number}", 10 - number) for number in range(8)]

    pairs = recent_pairs(models)

    assert [p.title for p in pairs] == [
        "M0 vs M1",
        "M0 vs M2",
        "M1 vs M2",
        "M3 vs M4",
        "M3 vs M5",
        "M4 vs M5",
        "M6 vs M7",
    ]


def test_pairs_are_limited():
    models = [reviewed(f"M{number}", number) for number in range(8)]

    assert len(recent_pairs(models, per_model=7)) == 8
    assert len(recent_pairs(models, limit=3)) == 3
    assert recent_pairs(models[:1]) == []


# The page.


def mark_reviewed(model, days):
    LanguageModel.objects.filter(pk=model.pk).update(reviewed_at=DAY + timedelta(days=days))


@pytest.fixture
def catalog(make_model, make_organization):
    openai = make_organization("OpenAI")
    qwen = make_organization("Alibaba (Qwen)")
    models = {
        "spark": make_model("GPT-5.3-Codex-Spark", organization=openai),
        "gpt5": make_model("GPT-5", organization=openai),
        "qwen": make_model("Qwen3.5-122B-A10B", organization=qwen),
        "max": make_model("Qwen3-Max", organization=qwen),
        "hidden": make_model("Kimi K2 Thinking", organization=qwen, is_published=False),
        "never": make_model("Never Reviewed", organization=qwen),
    }
    mark_reviewed(models["spark"], 5)
    mark_reviewed(models["qwen"], 9)
    mark_reviewed(models["gpt5"], 2)
    mark_reviewed(models["max"], 7)
    mark_reviewed(models["hidden"], 20)
    return models


def section(response, section_id):
    document = lxml.html.fromstring(response.content)
    return document.get_element_by_id(section_id)


def links(element):
    return [(a.get("href"), a.text_content()) for a in element.iter("a")]


@pytest.mark.django_db
def test_home_has_the_picker_form(client, catalog):
    response = client.get("/")

    assert response.status_code == 200
    form = section(response, "compare").xpath(".//form")[0]
    assert form.get("action") == "/compare/"
    assert form.get("method") == "get"
    assert {field.get("name") for field in form.inputs} == {"a", "b"}
    assert form.xpath(".//input[@data-hx-get='/compare/autocomplete/']")


@pytest.mark.django_db
def test_home_meta(client, catalog):
    content = client.get("/").content.decode()

    assert "<title>LLM Reference: compare large language models side by side</title>" in content
    assert '<link rel="canonical" href="http://testserver/">' in content
    assert 'name="robots"' not in content


@pytest.mark.django_db
def test_home_names_the_sources_the_sync_reads(client, catalog):
    text = visible_text(client.get("/").content)

    assert "the catalog takes from models.dev, OpenRouter, genai-prices, and Aider," in text
    # and every page's footer
    assert "LLM Reference: facts from models.dev, OpenRouter, genai-prices, and Aider," in text


@pytest.mark.django_db
def test_featured_pairs_in_editors_order_with_blurbs(client, catalog):
    FeaturedComparison.objects.create(
        model_a=catalog["qwen"], model_b=catalog["max"], position=2, blurb="Same family."
    )
    FeaturedComparison.objects.create(
        model_a=catalog["qwen"], model_b=catalog["spark"], position=1, blurb="The reference."
    )

    response = client.get("/")

    featured = section(response, "featured")
    assert links(featured) == [
        (
            "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/",
            "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B",
        ),
        ("/compare/qwen3-5-122b-a10b-vs-qwen3-max/", "Qwen3.5-122B-A10B vs Qwen3-Max"),
    ]
    text = visible_text(lxml.html.tostring(featured))
    assert text.index("The reference.") < text.index("Same family.")


@pytest.mark.django_db
def test_featured_pair_with_an_unpublished_model_is_not_shown(client, catalog, make_model):
    # One hidden model sorts before its partner (model A), the other after (model B).
    FeaturedComparison.objects.create(model_a=catalog["qwen"], model_b=catalog["hidden"])
    late = make_model("Zephyr Preview", is_published=False)
    FeaturedComparison.objects.create(model_a=catalog["qwen"], model_b=late)
    FeaturedComparison.objects.create(model_a=catalog["qwen"], model_b=catalog["spark"])

    response = client.get("/")

    assert [title for _, title in links(section(response, "featured"))] == [
        "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B"
    ]
    text = visible_text(response.content)
    assert "Kimi K2 Thinking" not in text
    assert "Zephyr Preview" not in text


@pytest.mark.django_db
def test_no_featured_section_without_featured_pairs(client, catalog):
    assert 'id="featured"' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_recently_reviewed_models_latest_first_with_dates(client, catalog):
    response = client.get("/")

    table = section(response, "recent-models")
    rows = [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in table.xpath(".//tbody/tr")
    ]
    assert rows == [
        ["Qwen3.5-122B-A10B", "Alibaba (Qwen)", "2026-06-10"],
        ["Qwen3-Max", "Alibaba (Qwen)", "2026-06-08"],
        ["GPT-5.3-Codex-Spark", "OpenAI", "2026-06-06"],
        ["GPT-5", "OpenAI", "2026-06-03"],
    ]
    assert links(table)[0] == ("/models/qwen3-5-122b-a10b/", "Qwen3.5-122B-A10B")


@pytest.mark.django_db
def test_recently_reviewed_models_are_the_eight_latest(client, make_model):
    for number in range(10):
        mark_reviewed(make_model(f"Model {number}"), number)

    table = section(client.get("/"), "recent-models")

    assert [title for _, title in links(table)] == [f"Model {n}" for n in range(9, 1, -1)]


@pytest.mark.django_db
def test_recently_reviewed_pairs_by_the_later_review(client, catalog):
    response = client.get("/")

    pairs = section(response, "recent-pairs")
    assert links(pairs) == [
        (
            "/compare/qwen3-5-122b-a10b-vs-qwen3-max/",
            "Qwen3.5-122B-A10B vs Qwen3-Max · reviewed 2026-06-10",
        ),
        (
            "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/",
            "Qwen3.5-122B-A10B vs GPT-5.3-Codex-Spark · reviewed 2026-06-10",
        ),
        (
            "/compare/gpt-5-3-codex-spark-vs-qwen3-max/",
            "Qwen3-Max vs GPT-5.3-Codex-Spark · reviewed 2026-06-08",
        ),
    ]


@pytest.fixture
def synced(make_model, make_organization, make_provider, make_route):
    """A catalog as a sync leaves it: nothing reviewed; Kimi K2.5 served by three
    providers, GLM-5 by two, Old 1 by one; release dates (one to the month, one still to
    come); a similar model; scores on Aider Polyglot run two ways; a dated price change."""
    moonshot = make_organization("Moonshot AI")
    kimi = make_model("Kimi K2.5", organization=moonshot, released_on=date(2026, 1, 27))
    glm = make_model(
        "GLM-5", organization=moonshot, released_on=date(2026, 2, 1), released_precision="month"
    )
    old = make_model("Old 1", organization=moonshot, released_on=date(2024, 5, 1))
    make_model("Future 1", organization=moonshot, released_on=date(2999, 1, 1))
    hosts = [make_provider(f"Host {number}") for number in range(3)]
    routes = [make_route(kimi, host, "0.6", "3") for host in hosts]
    for host in hosts[:2]:
        make_route(glm, host, "1", "3.2")
    make_route(old, hosts[0], "1", "2", is_active=False)
    make_route(old, hosts[1], "1", "2")
    SimilarModel.objects.create(model=kimi, similar=glm, rank=0)
    polyglot = Benchmark.objects.create(name="Aider Polyglot", slug="aider-polyglot", unit="%")
    for model, value, harness in ((kimi, "59.1", ""), (glm, "55", ""), (old, "90", "diff")):
        BenchmarkScore.objects.create(
            model=model, benchmark=polyglot, value=Decimal(value), harness=harness
        )
    routes[0].output_price = Decimal("2.5")
    routes[0].save()
    routes[0].history.filter(output_price=Decimal("2.5")).update(effective_on=date(2026, 3, 1))
    routes[1].output_price = Decimal("2.8")
    routes[1].save()  # recorded, not dated by a source: not on the home page
    return {"kimi": kimi, "glm": glm, "old": old}


@pytest.mark.django_db
def test_home_of_a_synced_catalog_leads_to_what_readers_look_for(client, synced):
    response = client.get("/")
    text = visible_text(response.content)

    served = section(response, "most-served")
    assert [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in served.xpath(".//tbody/tr")
    ] == [
        ["Kimi K2.5", "Moonshot AI", "3"],
        ["GLM-5", "Moonshot AI", "2"],
        ["Old 1", "Moonshot AI", "1"],  # its inactive route does not count
    ]
    assert links(section(response, "related-pairs")) == [
        ("/compare/glm-5-vs-kimi-k2-5/", "Kimi K2.5 vs GLM-5")
    ]
    newest = section(response, "newest")
    assert [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in newest.xpath(".//tbody/tr")
    ] == [
        ["GLM-5", "Moonshot AI", "2026-02"],  # to the month, as its source states it
        ["Kimi K2.5", "Moonshot AI", "2026-01-27"],
        ["Old 1", "Moonshot AI", "2024-05-01"],
    ]
    changes = section(response, "price-changes")
    assert [title for _, title in links(changes)] == [
        "Kimi K2.5 on Host 0: output price $3 → $2.50 per 1M tokens",
        "Every price change, as a feed",
    ]
    leaders = section(response, "leaders")
    assert [
        " ".join(cell.text_content().split()) for cell in leaders.xpath(".//tbody/tr[1]/*")
    ] == [
        "Aider Polyglot",
        "Kimi K2.5",
        "59.1%",
        "best of 2 models run this way",
    ]  # Old 1's 90% was run another way: not compared
    assert "Future 1" not in text
    assert "Recently reviewed" not in text  # no empty sections on a catalog nobody reviewed
    assert "has been reviewed yet" not in text
    assert 'id="recent-pairs"' not in response.content.decode()
    document = lxml.html.fromstring(response.content)
    model_links = {a.get("href") for a in document.iter("a")} & {
        f"/models/{slug}/" for slug in ("kimi-k2-5", "glm-5", "old-1")
    }
    assert len(model_links) == 3


def larger_catalog(make_model, make_organization):
    """Forty reviewed models from four organizations and a dozen featured pairs."""
    organizations = [make_organization(f"Org {number}") for number in range(4)]
    models = []
    for number in range(40):
        model = make_model(f"Model {number:02}", organization=organizations[number % 4])
        mark_reviewed(model, number)
        models.append(model)
    for number in range(12):
        FeaturedComparison.objects.create(model_a=models[number], model_b=models[number + 20])


@pytest.mark.django_db
@pytest.mark.parametrize("size", ["small", "larger"])
def test_home_query_count_does_not_grow_with_the_catalog(
    client, catalog, synced, make_model, make_organization, django_assert_num_queries, size
):
    FeaturedComparison.objects.create(model_a=catalog["qwen"], model_b=catalog["spark"])
    if size == "larger":
        larger_catalog(make_model, make_organization)
        add_models(60, price_history=True)

    # The featured pairs with their models, the most-served models and their similar
    # models, the newest releases, the dated price changes, the most scored benchmarks and
    # their scores, and the recently reviewed models.
    with django_assert_num_queries(8):
        response = client.get("/")

    assert response.status_code == 200
    featured = links(section(response, "featured"))
    assert featured[0] == (
        "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/",
        "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B",
    )
    assert len(featured) == {"small": 1, "larger": FEATURED_LIMIT}[size]
    assert len(links(section(response, "most-served"))) == {"small": 3, "larger": 12}[size]
    assert len(links(section(response, "leaders"))) == {"small": 2, "larger": 8}[size]


@pytest.mark.django_db
def test_home_sets_no_cookie_and_no_csrf_token(client, catalog):
    response = client.get("/")

    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_home_refuses_post(client):
    assert client.post("/").status_code == 405
