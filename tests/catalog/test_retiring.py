"""/retiring/ (catalog/pages/retiring.py): what retires in the next 90 days and what retired
in the last 90, as of the site's today; the pure rules and the page as served."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import lxml.html
import pytest
from django.utils.http import http_date

from catalog.pages.retiring import (
    days_text,
    listing_changed_on,
    read_retiring_page,
    retiring_lastmod,
    split_rows,
)

TODAY = date(2026, 5, 1)
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


# Pure.


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (TODAY + timedelta(days=12), "in 12 days"),
        (TODAY + timedelta(days=1), "tomorrow"),
        (TODAY, "today"),
        (TODAY - timedelta(days=1), "1 day ago"),
        (TODAY - timedelta(days=40), "40 days ago"),
    ],
)
def test_days_text(day, text):
    assert days_text(day, TODAY) == text


def a_model(name, retires_on, deprecated=False):
    return SimpleNamespace(
        name=name,
        retires_on=retires_on,
        is_deprecated=deprecated,
        get_absolute_url=lambda: f"/models/{name.lower()}/",
    )


def test_rows_split_at_today_coming_soonest_first_retired_latest_first():
    records = [
        a_model("Later", TODAY + timedelta(days=30)),
        a_model("Soon", TODAY + timedelta(days=2), deprecated=True),
        a_model("Today", TODAY),
        a_model("Long ago", TODAY - timedelta(days=60)),
        a_model("Yesterday", TODAY - timedelta(days=1)),
    ]

    coming, retired = split_rows(records, TODAY)

    assert [(row.name, row.days, row.deprecated) for row in coming] == [
        ("Soon", "in 2 days", "Yes"),
        ("Later", "in 30 days", "Not stated"),
    ]
    assert [(row.name, row.days) for row in retired] == [
        ("Today", "today"),
        ("Yesterday", "1 day ago"),
        ("Long ago", "60 days ago"),
    ]
    assert coming[0].provider == ""
    assert coming[0].url == "/models/soon/"


def test_listing_changes_when_a_record_enters_retires_or_leaves():
    # Retires in 100 days: enters the page in 10 days, nothing has happened yet.
    assert listing_changed_on([TODAY + timedelta(days=100)], TODAY) is None
    # Retires in 30 days: entered 60 days ago.
    assert listing_changed_on([TODAY + timedelta(days=30)], TODAY) == TODAY - timedelta(days=60)
    # Retired 10 days ago: moved to "retired" then.
    assert listing_changed_on([TODAY - timedelta(days=10)], TODAY) == TODAY - timedelta(days=10)
    # Retired 100 days ago: left the page 9 days ago.
    assert listing_changed_on([TODAY - timedelta(days=100)], TODAY) == TODAY - timedelta(days=9)


# The page.


@pytest.fixture
def retiring(make_model, make_provider, make_route, time_machine):
    time_machine.move_to(NOW, tick=False)
    openai = make_provider("OpenAI API")
    make_model("GPT-4o", retires_on=TODAY + timedelta(days=30), is_deprecated=True)
    make_model("Far Off", retires_on=TODAY + timedelta(days=91))
    make_model("Gone", retires_on=TODAY - timedelta(days=5))
    make_model("Long Gone", retires_on=TODAY - timedelta(days=91))
    make_model("Hidden", retires_on=TODAY + timedelta(days=3), is_published=False)
    current = make_model("GPT-5")
    make_route(current, openai, 1, 2, service_mode="batch", retires_on=TODAY + timedelta(days=7))
    make_route(current, make_provider("Idle Cloud"), 1, 2, retires_on=TODAY, is_active=False)
    hidden = make_model("Hidden Two", is_published=False)
    make_route(hidden, openai, 1, 2, retires_on=TODAY + timedelta(days=3))


def table_rows(html, section):
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("th|td")]
        for row in html.xpath(f'//section[@id="{section}"]//tbody/tr')
    ]


def test_the_page(client, retiring):
    response = client.get("/retiring/")

    assert response.status_code == 200
    html = lxml.html.fromstring(response.content)
    assert table_rows(html, "coming") == [
        ["GPT-5", "OpenAI API (batch)", "2026-05-08", "in 7 days", "Not stated"],
        ["GPT-4o", "the model itself", "2026-05-31", "in 30 days", "Yes"],
    ]
    assert table_rows(html, "retired") == [
        ["Gone", "the model itself", "2026-04-26", "5 days ago", "Not stated"],
    ]
    assert html.xpath('//section[@id="coming"]//tbody/tr[2]/th/a/@href') == ["/models/gpt-4o/"]
    assert html.findtext(".//title") == (
        "Retiring soon: models and routes near their end | LLM Reference"
    )
    assert html.xpath('//link[@rel="canonical"]/@href') == ["http://testserver/retiring/"]
    assert html.xpath('//meta[@property="og:url"]/@content') == ["http://testserver/retiring/"]
    assert html.xpath('//meta[@name="description"]/@content')[0].startswith("Models and")
    assert "/feeds/retirements/" in html.xpath("//main//a/@href")
    # The page counts days: it is new at each midnight.
    assert response["Last-Modified"] == http_date(datetime(2026, 5, 1, 12, tzinfo=UTC).timestamp())


def test_the_main_navigation_links_the_page(client, retiring):
    html = lxml.html.fromstring(client.get("/").content)

    assert "/retiring/" in html.xpath('//nav[@aria-label="Main"]//a/@href')


def test_an_empty_page_says_so(client, make_model, time_machine):
    time_machine.move_to(NOW, tick=False)
    make_model("GPT-5")

    html = lxml.html.fromstring(client.get("/retiring/").content)

    assert not html.xpath("//table")
    texts = [" ".join(p.text_content().split()) for p in html.xpath("//section/p")]
    assert texts == [
        "Nothing we track retires in the next 90 days.",
        "Nothing we track retired in the last 90 days.",
    ]


def test_the_page_moves_with_the_day(retiring, time_machine):
    time_machine.move_to(NOW + timedelta(days=8), tick=False)

    page = read_retiring_page(TODAY + timedelta(days=8))

    assert [row.name for row in page.coming] == ["GPT-4o", "Far Off"]
    assert [(row.name, row.days) for row in page.retired] == [
        ("GPT-5", "1 day ago"),
        ("Gone", "13 days ago"),
    ]


def test_sitemap_lastmod_is_the_latest_change_of_what_it_lists(retiring, time_machine):
    # Everything was written at NOW; GPT-4o entered the page 60 days before (earlier).
    assert retiring_lastmod(TODAY) == NOW
    # Two months later: GPT-4o retired on 2026-05-31, the latest change since.
    assert retiring_lastmod(TODAY + timedelta(days=61)) == datetime(2026, 5, 31, tzinfo=UTC)


def test_retiring_is_in_the_sitemap(client, retiring):
    response = client.get("/sitemap-pages.xml")

    assert response.status_code == 200
    assert b"<loc>http://testserver/retiring/</loc>" in response.getvalue()


def test_queries_do_not_grow_with_what_retires(
    client, make_model, make_provider, make_route, django_assert_num_queries, time_machine
):
    time_machine.move_to(NOW, tick=False)
    provider = make_provider("OpenAI API")

    def add(count, start):
        for number in range(start, start + count):
            model = make_model(f"Model {number}", retires_on=TODAY + timedelta(days=number % 80))
            make_route(model, provider, 1, 2, retires_on=TODAY - timedelta(days=number % 80))

    add(2, 0)
    with django_assert_num_queries(3):
        client.get("/retiring/")
    add(20, 2)
    with django_assert_num_queries(3):
        response = client.get("/retiring/")
    assert len(lxml.html.fromstring(response.content).xpath("//tbody/tr")) == 44
