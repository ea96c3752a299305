"""Conditional GETs: a page or sitemap that has not changed since the crawler's copy
answers 304 Not Modified, and answers 200 again once an editor changes what it shows.

ConditionalGetMiddleware compares If-Modified-Since with the Last-Modified header each
view sets (and If-None-Match with the ETag it computes for whole, non-streamed bodies).
"""

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils.http import http_date

from catalog.models import LanguageModel, ModelFamily
from comparisons.models import TrafficDefaults

pytestmark = pytest.mark.django_db

CREATED = datetime(2026, 3, 1, 9, 30, 15, 654321, tzinfo=UTC)
CHANGED = datetime(2026, 4, 2, 16, 5, 42, tzinfo=UTC)

URLS = [
    "/sitemap.xml",
    "/sitemap-models.xml",
    "/sitemap-providers.xml",
    "/sitemap-pairs.xml",
    "/models/alpha/",
    "/providers/openrouter/",
    "/compare/alpha-vs-beta/",
]


@pytest.fixture
def catalog(make_model, make_provider, make_route):
    with time_machine.travel(CREATED, tick=False):
        TrafficDefaults.load().save()  # pair pages speak of it: its last change counts too
        family = ModelFamily.objects.create(name="Letters", slug="letters")  # a related pair
        alpha = make_model("Alpha", reviewed_at=CREATED, family=family)
        make_model("Beta", reviewed_at=CREATED, family=family)
        route = make_route(alpha, make_provider("OpenRouter"), 0.26, 2.08)
    return route


@pytest.mark.parametrize("url", URLS)
def test_unchanged_since_the_last_visit_answers_304(client, catalog, url):
    first = client.get(url)
    last_modified = first["Last-Modified"]

    again = client.get(url, headers={"If-Modified-Since": last_modified})

    assert first.status_code == 200
    assert last_modified == http_date(CREATED.timestamp())
    assert again.status_code == 304
    assert again.getvalue() == b""


@pytest.mark.parametrize("url", URLS)
def test_an_older_copy_gets_the_page(client, catalog, url):
    response = client.get(url, headers={"If-Modified-Since": http_date(CREATED.timestamp() - 1)})

    assert response.status_code == 200
    assert response.getvalue() == client.get(url).getvalue()


@pytest.mark.parametrize("url", URLS)
def test_a_change_to_a_route_price_makes_the_copy_stale(client, catalog, url):
    """The route is shown on the model, provider and pair pages, and so in every sitemap."""
    stale = client.get(url)["Last-Modified"]
    with time_machine.travel(CHANGED, tick=False):
        catalog.output_price = 2.5
        catalog.save()

    response = client.get(url, headers={"If-Modified-Since": stale})

    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(CHANGED.timestamp())


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap.xml",
        "/robots.txt",
        "/models/alpha/",
        "/providers/openrouter/",
        "/compare/alpha-vs-beta/",
    ],
)
def test_an_unchanged_etag_answers_304(client, catalog, url):
    """What a browser sends back: both validators (a streamed sitemap page has no ETag)."""
    first = client.get(url)
    validators = {"If-None-Match": first["ETag"]}
    if "Last-Modified" in first:
        validators["If-Modified-Since"] = first["Last-Modified"]

    assert client.get(url, headers=validators).status_code == 304


def test_sitemaps_answer_head_requests(client, catalog):
    for url in URLS[:4]:
        response = client.head(url)
        assert response.status_code == 200
        assert response["Last-Modified"] == http_date(CREATED.timestamp())


@pytest.mark.parametrize("url", ["/models/", "/providers/", "/sitemap.xml", "/sitemap-models.xml"])
def test_a_row_dropped_from_a_list_makes_the_copy_stale(client, catalog, url):
    """Unpublishing a model changes no row the list still shows, yet the list changed."""
    copy = client.get(url)
    with time_machine.travel(CHANGED, tick=False):
        beta = LanguageModel.objects.get(slug="beta")
        beta.is_published = False
        beta.save()

    response = client.get(url, headers={"If-Modified-Since": copy["Last-Modified"]})

    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(CHANGED.timestamp())
