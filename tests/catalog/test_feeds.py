"""The Atom feeds (catalog/feeds.py): what an entry says (pure functions), and each feed as
the site serves it, parsed as Atom: entries, unique ids, dates, order, what stays hidden."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import lxml.etree
import lxml.html
import pytest
import time_machine
from django.urls import reverse
from django.utils.http import http_date

from catalog import feeds
from catalog.feeds import (
    FEED_LIMIT,
    by_retirement_day,
    new_model_entry,
    price_change_entry,
    retirement_text,
    tag_uri,
)
from catalog.history import PriceChange
from catalog.models import Route

ATOM = {"a": "http://www.w3.org/2005/Atom"}
MOMENT = datetime(2026, 4, 2, 16, 5, 42, tzinfo=UTC)


# Pure: what an entry says.


def change(label, old, new):
    return PriceChange(MOMENT, "", label.replace(" ", "_"), label, old, new)


def a_route(model="GPT-5", provider="OpenAI API", tier=""):
    return SimpleNamespace(
        model=SimpleNamespace(name=model, slug="gpt-5"),
        provider=SimpleNamespace(name=provider, slug="openai-api"),
        tier=tier,
    )


def test_a_price_change_says_the_route_the_price_and_both_amounts():
    record = SimpleNamespace(history_id=412, history_date=MOMENT, effective_on=None)

    entry = price_change_entry(
        a_route(), record, [change("output price", Decimal("10"), Decimal("8.5"))]
    )

    assert entry.title == "GPT-5 on OpenAI API: output price $10 → $8.50 per 1M tokens"
    assert entry.key == "price-change/412"
    assert entry.updated == MOMENT
    assert entry.summary.endswith("Recorded on 2026-04-02.")


def test_a_dated_price_change_is_dated_the_day_it_took_effect():
    record = SimpleNamespace(history_id=7, history_date=MOMENT, effective_on=date(2026, 3, 1))

    entry = price_change_entry(
        a_route(tier="batch"),
        record,
        [change("input price", None, Decimal("1.25")), change("output price", Decimal(10), None)],
    )

    assert entry.updated == datetime(2026, 3, 1, tzinfo=UTC)  # the site's zone is UTC
    assert entry.title == (
        "GPT-5 on OpenAI API (batch): input price not listed → $1.25, "
        "output price $10 → not listed per 1M tokens"
    )
    assert "took effect on 2026-03-01" in entry.summary


def test_a_new_model_is_dated_when_it_was_added_and_says_its_release_day():
    model = SimpleNamespace(
        pk=3,
        name="GPT-5",
        slug="gpt-5",
        organization=SimpleNamespace(name="OpenAI"),
        created_at=MOMENT,
        released_on=date(2025, 8, 7),
        released_precision="day",
    )

    entry = new_model_entry(model)

    assert entry.title == "New model: GPT-5 by OpenAI"
    assert entry.summary == (
        "GPT-5 by OpenAI was added to the catalog on 2026-04-02. Released 2025-08-07."
    )
    assert entry.updated == MOMENT
    assert entry.link == reverse("catalog:model_detail", args=["gpt-5"])

    unknown = new_model_entry(SimpleNamespace(**{**vars(model), "released_on": None}))
    assert unknown.summary.endswith("Its release date is not listed.")


@pytest.mark.parametrize(
    ("retires_on", "deprecated", "text"),
    [
        (date(2026, 5, 1), False, "GPT-4o retires on 2026-05-01"),
        (date(2026, 4, 2), True, "GPT-4o retired on 2026-04-02 (deprecated)"),
        (date(2026, 3, 1), False, "GPT-4o retired on 2026-03-01"),
    ],
)
def test_retirement_text(retires_on, deprecated, text):
    assert retirement_text("GPT-4o", retires_on, deprecated, date(2026, 4, 2)) == text


def test_retirements_latest_day_first_and_at_most_the_limit():
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(FEED_LIMIT + 5)]
    records = [SimpleNamespace(retires_on=day, name=f"M{n}") for n, day in enumerate(days)]

    kept = by_retirement_day(records)

    assert len(kept) == FEED_LIMIT
    assert [record.retires_on for record in kept] == sorted(days, reverse=True)[:FEED_LIMIT]


def test_tag_uri_leaves_out_the_port():
    assert tag_uri("example.org:8000", "model/1/added") == "tag:example.org,2026:model/1/added"


# The feeds as served.


def atom(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = lxml.etree.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def entries(root):
    return [
        {
            "id": entry.findtext("a:id", namespaces=ATOM),
            "title": entry.findtext("a:title", namespaces=ATOM),
            "updated": datetime.fromisoformat(entry.findtext("a:updated", namespaces=ATOM)),
            "link": entry.find("a:link", ATOM).get("href"),
            "summary": entry.findtext("a:summary", namespaces=ATOM),
        }
        for entry in root.findall("a:entry", ATOM)
    ]


def feed_updated(root):
    return datetime.fromisoformat(root.findtext("a:updated", namespaces=ATOM))


def reprice(route, **prices):
    for field, value in prices.items():
        setattr(route, field, Decimal(value))
    route.save()


@pytest.fixture
def priced(make_model, make_provider, make_route):
    """GPT-5 at OpenAI API re-priced twice (a day apart), a hidden model re-priced once."""
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        provider = make_provider("OpenAI API")
        gpt = make_model("GPT-5")
        hidden = make_model("Hidden", is_published=False)
        route = make_route(gpt, provider, 1.25, 10)
        hidden_route = make_route(hidden, provider, 1, 2)
    with time_machine.travel(datetime(2026, 3, 5, 10, tzinfo=UTC), tick=False):
        reprice(route, output_price="8")
        reprice(hidden_route, output_price="3")
        route.provider_model_id = "gpt-5"  # not a price: no entry
        route.save()
    with time_machine.travel(datetime(2026, 3, 6, 10, tzinfo=UTC), tick=False):
        reprice(route, input_price="1", output_price="9")
    return SimpleNamespace(gpt=gpt, hidden=hidden, route=route, provider=provider)


def test_price_changes_feed(client, priced):
    root = atom(client.get("/feeds/prices/"))
    found = entries(root)

    assert [entry["title"] for entry in found] == [
        "GPT-5 on OpenAI API: input price $1.25 → $1, output price $8 → $9 per 1M tokens",
        "GPT-5 on OpenAI API: output price $10 → $8 per 1M tokens",
    ]
    assert [entry["updated"] for entry in found] == [
        datetime(2026, 3, 6, 10, tzinfo=UTC),
        datetime(2026, 3, 5, 10, tzinfo=UTC),
    ]
    assert feed_updated(root) == datetime(2026, 3, 6, 10, tzinfo=UTC)
    assert all(entry["id"].startswith("tag:testserver,2026:price-change/") for entry in found)
    assert len({entry["id"] for entry in found}) == 2
    assert found[0]["link"] == "http://testserver" + feeds.route_link("gpt-5", "openai-api")
    assert root.findtext("a:author/a:name", namespaces=ATOM) == "LLM Reference"
    assert "ada" not in client.get("/feeds/prices/").content.decode()


def test_ids_stay_the_same_when_another_change_comes(client, priced):
    before = {entry["title"]: entry["id"] for entry in entries(atom(client.get("/feeds/prices/")))}
    with time_machine.travel(datetime(2026, 3, 9, tzinfo=UTC), tick=False):
        reprice(priced.route, output_price="7")

    after = {entry["title"]: entry["id"] for entry in entries(atom(client.get("/feeds/prices/")))}

    assert len(after) == 3
    assert all(after[title] == uid for title, uid in before.items())


def test_a_sync_dated_change_appears_at_the_day_it_took_effect(client, priced):
    """As the genai-prices sync writes it (catalog/sync/apply.py): the prices before, a
    second earlier, and the new ones at noon UTC of the day, with `effective_on`."""
    route = Route.objects.get(pk=priced.route.pk)
    history = Route.history.model.objects
    effective = date(2026, 3, 3)
    noon = datetime.combine(effective, time(12), tzinfo=UTC)
    base = {
        field.attname: getattr(route, field.attname)
        for field in Route._meta.concrete_fields
        if field.attname in {f.attname for f in history.model._meta.concrete_fields}
        and field.attname != "sync_run_id"
    }
    with time_machine.travel(datetime(2026, 3, 10, tzinfo=UTC), tick=False):
        history.create(
            **{**base, "output_price": Decimal(10)},
            history_date=noon - timedelta(seconds=1),
            history_type="~",
        )
        history.create(
            **{**base, "output_price": Decimal("9.5")},
            history_date=noon,
            history_type="~",
            effective_on=effective,
        )

    found = entries(atom(client.get("/feeds/prices/")))

    dated = [entry for entry in found if "$10 → $9.50" in entry["title"]]
    assert len(dated) == 1
    assert dated[0]["updated"] == datetime(2026, 3, 3, tzinfo=UTC)
    assert "took effect on 2026-03-03" in dated[0]["summary"]
    assert [entry["updated"] for entry in found] == sorted(
        (entry["updated"] for entry in found), reverse=True
    )


def test_new_models_feed_newest_first_published_only(client, make_model):
    for day, name in [(1, "Alpha"), (3, "Gamma"), (2, "Beta")]:
        with time_machine.travel(datetime(2026, 3, day, 9, tzinfo=UTC), tick=False):
            make_model(name, released_on=date(2025, 1, day))
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False):
        make_model("Draft", is_published=False)

    root = atom(client.get("/feeds/new-models/"))
    found = entries(root)

    assert [entry["title"] for entry in found] == [
        "New model: Gamma by OpenAI",
        "New model: Beta by OpenAI",
        "New model: Alpha by OpenAI",
    ]
    assert found[0]["summary"] == (
        "Gamma by OpenAI was added to the catalog on 2026-03-03. Released 2025-01-03."
    )
    assert feed_updated(root) == datetime(2026, 3, 3, 9, tzinfo=UTC)
    assert found[0]["link"] == "http://testserver/models/gamma/"


def test_new_models_feed_holds_the_latest_fifty(client, grow_catalog):
    grow_catalog(FEED_LIMIT + 3)

    assert len(entries(atom(client.get("/feeds/new-models/")))) == FEED_LIMIT


@pytest.fixture
def retiring(make_model, make_provider, make_route, time_machine):
    time_machine.move_to(datetime(2026, 5, 1, 12, tzinfo=UTC), tick=False)
    provider = make_provider("OpenAI API")
    old = make_model("GPT-4o", retires_on=date(2026, 6, 1), is_deprecated=True)
    make_model("Hidden", retires_on=date(2026, 9, 1), is_published=False)
    current = make_model("GPT-5")
    batch = make_route(current, provider, 1, 2, service_mode="batch", retires_on=date(2026, 7, 1))
    make_route(
        current, make_provider("Gone Cloud"), 1, 2, retires_on=date(2026, 8, 1), is_active=False
    )
    make_route(current, make_provider("Forever Cloud"), 1, 2)
    return SimpleNamespace(old=old, current=current, batch=batch)


def test_retirements_feed_latest_day_first(client, retiring):
    root = atom(client.get("/feeds/retirements/"))
    found = entries(root)

    assert [entry["title"] for entry in found] == [
        "GPT-5 on OpenAI API (batch) retires on 2026-07-01",
        "GPT-4o retires on 2026-06-01 (deprecated)",
    ]
    assert found[1]["id"] == f"tag:testserver,2026:model/{retiring.old.pk}/retires/2026-06-01"
    assert {entry["updated"] for entry in found} == {datetime(2026, 5, 1, 12, tzinfo=UTC)}
    assert root.find("a:link[@rel='alternate']", ATOM).get("href") == (
        "http://testserver/retiring/"
    )


def test_model_feed(client, priced, time_machine):
    time_machine.move_to(datetime(2026, 3, 7, tzinfo=UTC), tick=False)
    priced.gpt.retires_on = date(2026, 12, 31)
    priced.gpt.save()
    priced.route.retires_on = date(2026, 10, 1)
    priced.route.save()

    root = atom(client.get("/models/gpt-5/feed/"))
    found = entries(root)

    titles = [entry["title"] for entry in found]
    assert titles[-2:] == [
        "GPT-5 on OpenAI API: input price $1.25 → $1, output price $8 → $9 per 1M tokens",
        "GPT-5 on OpenAI API: output price $10 → $8 per 1M tokens",
    ]
    assert set(titles[:2]) == {
        "GPT-5 retires on 2026-12-31",
        "GPT-5 on OpenAI API retires on 2026-10-01",
    }
    assert [entry["updated"] for entry in found] == sorted(
        (entry["updated"] for entry in found), reverse=True
    )
    assert len({entry["id"] for entry in found}) == len(found)
    assert root.findtext("a:title", namespaces=ATOM) == "LLM Reference: GPT-5 changes"


@pytest.mark.parametrize("slug", ["hidden", "no-such-model"])
def test_model_feed_404_for_an_unknown_or_unpublished_model(client, priced, slug):
    assert client.get(f"/models/{slug}/feed/").status_code == 404


def test_hidden_model_never_in_a_feed(client, priced):
    priced.hidden.retires_on = date(2030, 1, 1)
    priced.hidden.save()
    for url in ("/feeds/prices/", "/feeds/new-models/", "/feeds/retirements/"):
        assert "Hidden" not in client.get(url).content.decode(), url


def test_an_empty_feed_is_valid_and_dated_by_the_catalog(client, make_model):
    with time_machine.travel(MOMENT, tick=False):
        make_model("Alpha")

    response = client.get("/feeds/prices/")

    root = atom(response)
    assert entries(root) == []
    assert feed_updated(root) == MOMENT.replace(microsecond=0)
    assert response["Last-Modified"] == http_date(MOMENT.timestamp())


def test_last_modified_is_the_latest_entry_or_change(client, priced):
    response = client.get("/feeds/prices/")

    assert response["Last-Modified"] == http_date(datetime(2026, 3, 6, 10, tzinfo=UTC).timestamp())


def test_a_post_is_refused(client, priced):
    assert client.post("/feeds/prices/").status_code == 405


# The pages point at the feeds.


def alternates(response):
    html = lxml.html.fromstring(response.content)
    return {
        link.get("href"): link.get("title")
        for link in html.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
    }


def test_every_page_links_the_site_feeds(client, reference_catalog):
    home = alternates(client.get("/"))

    assert home == {
        "/feeds/prices/": "LLM Reference: price changes",
        "/feeds/new-models/": "LLM Reference: new models",
        "/feeds/retirements/": "LLM Reference: retirements",
    }
    footer = lxml.html.fromstring(client.get("/").content).xpath("//footer//a/@href")
    assert {"/feeds/prices/", "/feeds/new-models/", "/feeds/retirements/"} <= set(footer)


def test_the_model_page_links_its_feed(client, reference_catalog):
    spark = reference_catalog.spark

    links = alternates(client.get(spark.get_absolute_url()))

    assert links[f"/models/{spark.slug}/feed/"] == f"{spark.name}: price changes and retirements"
    assert client.get(f"/models/{spark.slug}/feed/").status_code == 200


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/feeds/prices/", 2),
        ("/feeds/new-models/", 2),
        ("/feeds/retirements/", 3),
        ("/models/model-0/feed/", 4),
    ],
)
def test_queries_do_not_grow_with_the_entries(
    client, make_model, make_provider, make_route, django_assert_num_queries, url, queries
):
    provider = make_provider("OpenAI API")

    def add(count, start):
        for number in range(start, start + count):
            model = make_model(f"Model {number}", retires_on=date(2027, 1, 1 + number))
            route = make_route(model, provider, 1, 2, retires_on=date(2027, 2, 1 + number))
            reprice(route, output_price="3")

    add(2, 0)
    with django_assert_num_queries(queries):
        client.get(url)
    add(20, 2)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
