"""The sitemap's pairs section (comparisons/sitemaps.py): every related pair of indexable
models once, at its canonical URL, paged; the pairs of unreviewed or unrelated models left
out (catalog/indexing.py)."""

import itertools

import pytest
import time_machine
from django.utils.http import http_date

from catalog.models import LanguageModel, ModelFamily
from catalog.sitemaps import ProviderSitemap
from catalog.slugs import pair_slug
from comparisons.sitemaps import PairSitemap
from tests.sitemaps import (
    CHANGED,
    CHANGED_LASTMOD,
    CREATED,
    CREATED_LASTMOD,
    ORIGIN,
    entries,
    locs,
    pair_loc,
    robots_meta,
)

pytestmark = pytest.mark.django_db


def test_pairs_section_lists_pairs_of_reviewed_models_at_canonical_urls(client, sitemap_catalog):
    assert entries(client.get("/sitemap-pairs.xml")) == [
        (pair_loc("alpha", "beta"), CREATED_LASTMOD),
        (pair_loc("alpha", "gamma"), CREATED_LASTMOD),
        (pair_loc("beta", "gamma"), CREATED_LASTMOD),
    ]


def test_pair_urls_follow_python_string_order_of_slugs(client, make_model):
    """In Python (and so in pair_slug) "a-c" < "ab", although a collation that ignores
    hyphens sorts them the other way round."""
    family = ModelFamily.objects.create(name="A", slug="a")
    for name in ["AB", "A-C", "A"]:
        make_model(name, reviewed_at=CREATED, family=family)

    assert locs(client.get("/sitemap-pairs.xml")) == [
        f"{ORIGIN}/compare/a-vs-a-c/",
        f"{ORIGIN}/compare/a-vs-ab/",
        f"{ORIGIN}/compare/a-c-vs-ab/",
    ]
    assert pair_slug("ab", "a-c") == "a-c-vs-ab"


def test_pair_pages_together_hold_every_pair_once(client, make_model, monkeypatch):
    monkeypatch.setattr(PairSitemap, "limit", 4)
    slugs = [f"model-{number}" for number in range(7)]  # 21 pairs: pages of 4, 4, …, 1
    family = ModelFamily.objects.create(name="Model", slug="model")
    for slug in slugs:
        make_model(slug.capitalize(), reviewed_at=CREATED, family=family)

    pages = [locs(client.get(f"/sitemap-pairs.xml?p={page}")) for page in range(1, 7)]

    assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 1]
    assert list(itertools.chain(*pages)) == [
        pair_loc(a, b) for a, b in itertools.combinations(slugs, 2)
    ]
    assert client.get("/sitemap-pairs.xml?p=7").status_code == 404


def test_section_page_answers_with_its_latest_lastmod(client, sitemap_catalog):
    with time_machine.travel(CHANGED, tick=False):
        sitemap_catalog["models"]["Gamma"].save()

    response = client.get("/sitemap-pairs.xml")

    assert response["Last-Modified"] == http_date(CHANGED.timestamp())
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert dict(entries(response))[pair_loc("alpha", "beta")] == CREATED_LASTMOD


# Noindex: who is left out.


def test_unreviewed_model_pairs_are_left_out_and_carry_noindex(client, sitemap_catalog):
    listed = locs(client.get("/sitemap-pairs.xml"))
    unreviewed = client.get("/compare/alpha-vs-delta/")
    reviewed = client.get("/compare/alpha-vs-beta/")

    assert not [loc for loc in listed if "delta" in loc]
    assert robots_meta(unreviewed) == ["noindex"]
    assert pair_loc("alpha", "beta") in listed
    assert robots_meta(reviewed) == []


def test_reviewing_a_model_puts_its_pairs_in_the_sitemap(client, sitemap_catalog, editor):
    family = sitemap_catalog["models"]["Alpha"].family
    LanguageModel.objects.filter(slug="delta").update(family=family)
    with time_machine.travel(CHANGED, tick=False):
        LanguageModel.objects.filter(slug="delta").mark_reviewed(editor)

    listed = dict(entries(client.get("/sitemap-pairs.xml")))

    assert listed[pair_loc("alpha", "delta")] == CHANGED_LASTMOD
    assert listed[pair_loc("beta", "delta")] == CHANGED_LASTMOD
    assert listed[pair_loc("alpha", "beta")] == CREATED_LASTMOD
    assert robots_meta(client.get("/compare/alpha-vs-delta/")) == []


# As Django reads a sitemap.


def test_section_objects_read_as_django_sitemaps(sitemap_catalog):
    """Django's own Sitemap.get_urls() over our sections gives what our pages write."""
    from django.contrib.sites.requests import RequestSite
    from django.test import RequestFactory

    site = RequestSite(RequestFactory().get("/"))
    urls = PairSitemap().get_urls(site=site, protocol="http")
    assert [(url["location"], url["lastmod"].isoformat()) for url in urls] == [
        (pair_loc("alpha", "beta"), CREATED_LASTMOD),
        (pair_loc("alpha", "gamma"), CREATED_LASTMOD),
        (pair_loc("beta", "gamma"), CREATED_LASTMOD),
    ]
    assert ProviderSitemap().get_latest_lastmod().isoformat() == CREATED_LASTMOD
