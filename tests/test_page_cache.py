"""The whole-page cache (catalog/page_cache.py) and the public pages' caching headers: a
page served from the cache costs one query (the catalog version), any write shows on
the next request, 304s come before any rendering, answers are compressed as the client
accepts, and a cache that is down costs speed, never a page."""

import gzip
import logging
from decimal import Decimal

import brotli
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.changes import catalog_version, slot_of
from catalog.dependencies import record_key
from catalog.merge import merge_models
from catalog.models import LanguageModel, Route
from catalog.slugs import pair_url
from catalog.sync.runs import execute, start_run
from comparisons.models import FeaturedComparison, TrafficDefaults
from config.key_versions import FileVersions
from config.version_feed import LocalPages
from tests.catalog.sync.test_modelsdev_parser import write_kimi
from tests.catalog.test_admin import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(reference_catalog):
    catalog = reference_catalog
    for model in (catalog.spark, catalog.qwen, catalog.ling):
        model.reviewed_at = model.updated_at
        model.save()
    return catalog


def queries_of(reader, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(url, headers=headers)
    return response, len(queries)


def public_urls(catalog):
    return [
        reverse("comparisons:home"),
        reverse("catalog:model_list"),
        catalog.spark.get_absolute_url(),
        pair_url(catalog.spark.slug, catalog.qwen.slug),
        reverse("sitemap_section", args=["pairs"]),
    ]


def test_a_page_is_rendered_once_then_served_for_one_query(page_cache, pages, reader):
    for url in public_urls(pages):
        first, rendering = queries_of(reader, url)
        second, served = queries_of(reader, url)

        assert first.status_code == second.status_code == 200, url
        assert rendering > 1
        assert served == 1, url  # the catalog version, nothing else
        assert second.content == first.content
        assert second["ETag"] == first["ETag"]


def test_every_answer_says_whether_it_came_from_the_cache(
    page_cache, pages, reader, editor_client, settings
):
    for url in public_urls(pages):
        first = reader.get(url)
        second = reader.get(url)
        revalidated = reader.get(url, headers={"If-None-Match": second["ETag"]})

        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit"), url
        assert (revalidated.status_code, revalidated["X-Cache"]) == (304, "hit"), url
    # Not a stored answer: an editor's page, a page that does not exist, the cache off.
    assert editor_client.get(public_urls(pages)[0])["X-Cache"] == "miss"
    assert reader.get("/models/no-such-model/")["X-Cache"] == "miss"
    settings.PAGE_CACHE = False
    assert reader.get(public_urls(pages)[0])["X-Cache"] == "miss"


def test_an_htmx_fragment_and_its_page_are_cached_apart(page_cache, pages, reader):
    url = pair_url(pages.spark.slug, pages.qwen.slug) + "?requests=2000000"
    page = reader.get(url)
    fragment = reader.get(url, headers={"HX-Request": "true"})
    fragment_again, served = queries_of(reader, url, HX_Request="true")

    assert b"<html" in page.content
    assert b"<html" not in fragment.content
    assert fragment_again.content == fragment.content
    assert served == 1
    assert "HX-Request" in page["Vary"]


def test_public_pages_tell_shared_caches_how_long_to_keep_them(page_cache, pages, reader):
    for url in public_urls(pages):
        response = reader.get(url)
        assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=240"
    missing = reader.get("/models/no-such-model/")
    assert missing.status_code == 404
    assert "public" in missing["Cache-Control"]


def test_what_sets_a_cookie_or_belongs_to_the_admin_is_private(page_cache, pages, reader):
    login = reader.get(reverse("admin:login"))

    assert login.cookies  # the CSRF cookie
    assert "private" in login["Cache-Control"]
    assert "no-store" in login["Cache-Control"]
    again, queries = queries_of(reader, reverse("admin:login"))
    assert queries == 0 or "csrftoken" in again.cookies  # rendered again, never stored


def test_an_editor_gets_fresh_pages_not_the_cached_copies(page_cache, pages, reader, editor_client):
    url = pages.spark.get_absolute_url()
    reader.get(url)

    response, queries = queries_of(editor_client, url)

    assert response.status_code == 200
    assert queries > 1


def test_an_unchanged_page_is_answered_304_before_any_rendering(page_cache, pages, reader):
    url = pair_url(pages.spark.slug, pages.qwen.slug)
    tag = reader.get(url)["ETag"]

    response, queries = queries_of(reader, url, If_None_Match=tag)

    assert response.status_code == 304
    assert queries == 1
    assert response["ETag"] == tag
    assert "public" in response["Cache-Control"]


def test_if_modified_since_is_answered_from_the_cached_copy(page_cache, pages, reader):
    url = pages.spark.get_absolute_url()
    last_modified = reader.get(url)["Last-Modified"]

    response, queries = queries_of(reader, url, If_Modified_Since=last_modified)

    assert response.status_code == 304
    assert queries == 1


def test_answers_are_compressed_as_the_client_accepts(page_cache, pages, reader):
    url = pages.spark.get_absolute_url()
    plain = reader.get(url).content
    zipped = reader.get(url, headers={"Accept-Encoding": "gzip"})
    squeezed = reader.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    squeezed_again, served = queries_of(reader, url, Accept_Encoding="gzip, deflate, br")

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain
    assert squeezed["Content-Encoding"] == "br"
    assert brotli.decompress(squeezed.content) == plain
    assert squeezed_again.content == squeezed.content
    assert served == 1
    assert "accept-encoding" in zipped["Vary"].lower()
    assert len(zipped.content) < len(plain) / 3


def test_a_sitemap_page_is_stored_whole_and_compressed(page_cache, pages, reader):
    url = reverse("sitemap_section", args=["models"])
    first = reader.get(url, headers={"Accept-Encoding": "gzip"})
    body = gzip.decompress(first.content)  # read whole to be stored
    second, served = queries_of(reader, url, Accept_Encoding="gzip")

    assert gzip.decompress(second.content) == body
    assert b"<urlset" in body
    assert served == 1


def test_a_cache_that_is_down_costs_speed_never_the_page(page_cache, pages, reader, caplog):
    page_cache.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
    }
    with caplog.at_level(logging.WARNING, logger="catalog.page_cache"):
        for url in public_urls(pages):
            assert reader.get(url).status_code == 200, url

    assert "could not be read" in caplog.text


# A change is visible on the next request, whatever made it.


def seen_twice(reader, url):
    """The page before the change, now cached (the second request served it)."""
    reader.get(url)
    response, queries = queries_of(reader, url)
    assert queries == 1
    return response.content.decode()


def test_an_admin_save_shows_on_the_next_request(
    page_cache, pages, reader, editor_client, form_data
):
    route = Route.objects.filter(model=pages.spark).first()
    url = pages.spark.get_absolute_url()
    assert "$9.75" not in seen_twice(reader, url)
    change = admin_url(Route, "change", route)
    data = form_data(editor_client.get(change), "route_form")
    data["output_price"] = ["9.75"]

    assert editor_client.post(change, data).status_code == 302
    assert "$9.75" in reader.get(url).content.decode()


def test_a_review_shows_on_the_next_request(page_cache, reference_catalog, reader, editor_client):
    model = reference_catalog.spark
    url = model.get_absolute_url()
    before = seen_twice(reader, url)

    editor_client.post(
        admin_url(LanguageModel, "changelist"),
        {"action": "mark_reviewed", "_selected_action": [model.pk]},
    )

    assert reader.get(url).content.decode() != before


def test_a_sync_shows_on_the_next_request(page_cache, reader, tmp_path):
    write_kimi(tmp_path)
    url = reverse("catalog:model_list")
    assert "Kimi K2.5" not in seen_twice(reader, url)
    version = catalog_version()

    run = execute(start_run("modelsdev", tmp_path))

    assert run.status == "succeeded", run.error
    assert catalog_version() == version + 1  # one move for the whole run
    assert "Kimi K2.5" in reader.get(url).content.decode()


def test_a_merge_shows_on_the_next_request(page_cache, pages, reader):
    url = reverse("catalog:model_list")
    assert pages.ling.name in seen_twice(reader, url)

    merge_models(pages.qwen, pages.ling)

    assert pages.ling.name not in reader.get(url).content.decode()


def test_new_traffic_defaults_and_featured_pairs_show_on_the_next_request(
    page_cache, pages, reader
):
    pair = pair_url(pages.spark.slug, pages.qwen.slug)
    before = seen_twice(reader, pair)
    defaults = TrafficDefaults.load()
    defaults.requests_per_month = 123_456_789
    defaults.save()
    assert reader.get(pair).content.decode() != before

    home = reverse("comparisons:home")
    before = seen_twice(reader, home)
    FeaturedComparison.objects.create(model_a=pages.spark, model_b=pages.qwen)
    assert reader.get(home).content.decode() != before


def test_with_the_file_of_key_versions_a_cached_page_costs_no_query(
    page_cache, pages, reader, django_capture_on_commit_callbacks, monkeypatch, tmp_path
):
    page_cache.PAGE_CACHE_KEY_VERSIONS = "file"
    monkeypatch.setattr("config.key_versions.FILE", FileVersions(tmp_path / "versions", 60))
    route = Route.objects.filter(model=pages.spark).first()
    url = pages.spark.get_absolute_url()
    reader.get(url)
    served, queries = queries_of(reader, url)
    assert (queries, served["X-Cache"]) == (0, "hit")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        route.output_price = Decimal("9.75")
        route.save()

    assert callbacks  # published once committed
    fresh = reader.get(url)
    assert (fresh["X-Cache"], "$9.75" in fresh.content.decode()) == ("miss", True)


class StubFeed:
    """The key versions as a feed would have heard them (config/version_feed.py)."""

    def __init__(self, number):
        self.number = number
        self.slots = {}

    def current(self):
        return self.number

    def clock(self):
        return self.number

    def newest(self, slots):
        return max((self.slots.get(slot, 0) for slot in slots), default=0)


def test_with_a_version_feed_a_cached_page_costs_no_round_trip(
    page_cache, pages, reader, monkeypatch
):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    page_cache.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    page_cache.CATALOG_VERSION_CACHE_SECONDS = 10
    cache.clear()  # no page of an earlier run's database
    feed = StubFeed(41)
    monkeypatch.setattr("config.page_cache.FEED", feed)
    monkeypatch.setattr("config.page_cache.LOCAL", LocalPages(max_bytes=2**20))
    url = pages.spark.get_absolute_url()
    first = reader.get(url)

    monkeypatch.setattr("django_redis.cache.RedisCache.get", lambda *args, **kwargs: 1 / 0)
    again, queries = queries_of(reader, url)
    assert queries == 0  # nor any cache read: the page was in this process's memory
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]

    feed.number = 42  # a change to a model the page does not show: still the stored page
    feed.slots[slot_of(record_key(LanguageModel, 10**6))] = 42
    assert queries_of(reader, url)[1] == 0
    feed.number = 43  # a change to this one was
    feed.slots[slot_of(record_key(LanguageModel, pages.spark.pk))] = 43
    monkeypatch.undo()
    monkeypatch.setattr("config.page_cache.FEED", feed)
    fresh, queries = queries_of(reader, url)
    assert (queries > 1, fresh["X-Cache"]) == (True, "miss")  # rendered anew
