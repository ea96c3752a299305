"""The sitemap as the site serves it: the index of sections (config/urls.py) over the
catalog's and the comparisons' sections, what none of them lists, lastmod as each page's
Last-Modified, the queries a section costs, and the sitemaps.org schemas."""

import math
from datetime import datetime
from pathlib import Path

import lxml.etree
import pytest
import time_machine
from django.utils.http import http_date

from catalog.models import Route
from catalog.sitemaps import ModelSitemap
from comparisons.sitemaps import PairSitemap
from tests.sitemaps import (
    CHANGED,
    CHANGED_LASTMOD,
    CREATED,
    CREATED_LASTMOD,
    NAMESPACE,
    ORIGIN,
    entries,
    locs,
    pair_loc,
    xml_of,
)

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "spec" / "sitemaps"


# The index.


def test_index_lists_each_section_and_each_of_its_pages(client, sitemap_catalog, monkeypatch):
    monkeypatch.setattr(ModelSitemap, "limit", 2)  # three reviewed models: two pages
    monkeypatch.setattr(PairSitemap, "limit", 2)  # three indexable models, three pairs

    response = client.get("/sitemap.xml")

    assert entries(response) == [
        (f"{ORIGIN}/sitemap-models.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-models.xml?p=2", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-providers.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-routes.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-pairs.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-pairs.xml?p=2", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-pages.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-cost.xml", CREATED_LASTMOD),  # /cost/: every model by its cost
    ]
    assert response["Last-Modified"] == http_date(CREATED.timestamp())
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_index_leaves_out_a_section_without_urls(client, make_model):
    """One model makes no pair, and serves nowhere: an empty section would not validate."""
    with time_machine.travel(CREATED, tick=False):
        make_model("Alpha", reviewed_at=CREATED)

    assert locs(client.get("/sitemap.xml")) == [
        f"{ORIGIN}/sitemap-models.xml",
        f"{ORIGIN}/sitemap-pages.xml",  # the Open data page: a model is served
        f"{ORIGIN}/sitemap-cost.xml",  # and ranked by a workload's cost
    ]
    assert client.get("/sitemap-pairs.xml").status_code == 404
    assert client.get("/sitemap-providers.xml").status_code == 404


def test_no_sitemap_before_anything_is_published(client, make_model):
    make_model("Draft", is_published=False)

    assert client.get("/sitemap.xml").status_code == 404


# Every section.


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-pairs.xml?p=0",
        "/sitemap-pairs.xml?p=2",
        "/sitemap-pairs.xml?p=two",
        "/sitemap-pairs.xml?p=-1",
        "/sitemap-nothing.xml",
        "/sitemap-.xml",
    ],
)
def test_a_page_that_does_not_exist_is_not_found(client, sitemap_catalog, url):
    assert client.get(url).status_code == 404


def test_unpublished_model_is_nowhere(client, sitemap_catalog):
    everything = [
        loc
        for section in ("models", "providers", "routes", "pairs")
        for loc in locs(client.get(f"/sitemap-{section}.xml"))
    ]
    assert not [loc for loc in everything if "hidden" in loc or "lonely" in loc or "idle" in loc]


# lastmod: the pages' own Last-Modified, moved by editors' changes.


def test_lastmod_is_the_last_modified_of_the_page(client, sitemap_catalog):
    with time_machine.travel(CHANGED, tick=False):
        sitemap_catalog["routes"]["alpha"].save()

    for section in ("models", "providers", "routes", "pairs"):
        for loc, lastmod in entries(client.get(f"/sitemap-{section}.xml")):
            page = client.get(loc.removeprefix(ORIGIN))
            assert page.status_code == 200, loc
            assert page["Last-Modified"] == http_date(datetime.fromisoformat(lastmod).timestamp())


def test_lastmod_follows_a_price_change_in_the_admin(editor_client, form_data, sitemap_catalog):
    route = sitemap_catalog["routes"]["alpha"]
    url = f"/admin/catalog/route/{route.pk}/change/"
    data = form_data(editor_client.get(url), "route_form")
    data["output_price"] = ["2.50"]

    with time_machine.travel(CHANGED, tick=False):
        assert editor_client.post(url, data).status_code == 302

    models = dict(entries(editor_client.get("/sitemap-models.xml")))
    pairs = dict(entries(editor_client.get("/sitemap-pairs.xml")))
    providers = dict(entries(editor_client.get("/sitemap-providers.xml")))
    routes = dict(entries(editor_client.get("/sitemap-routes.xml")))
    assert Route.objects.get(pk=route.pk).output_price == 2.5
    assert models[f"{ORIGIN}/models/alpha/"] == CHANGED_LASTMOD
    assert models[f"{ORIGIN}/models/beta/"] == CREATED_LASTMOD
    assert pairs[pair_loc("alpha", "gamma")] == CHANGED_LASTMOD
    assert pairs[pair_loc("beta", "gamma")] == CREATED_LASTMOD
    assert providers[f"{ORIGIN}/providers/openrouter/"] == CHANGED_LASTMOD
    assert routes == {f"{ORIGIN}/models/alpha/openrouter/": CHANGED_LASTMOD}
    index = editor_client.get("/sitemap.xml")
    assert index["Last-Modified"] == http_date(CHANGED.timestamp())


# Queries: a fixed number a section, whatever the catalog's size.


@pytest.mark.parametrize("extra_models", [0, 40])
def test_sitemap_query_counts(
    client, sitemap_catalog, make_model, django_assert_num_queries, extra_models
):
    family = sitemap_catalog["models"]["Alpha"].family  # their pairs are related
    for number in range(extra_models):
        make_model(f"Extra {number}", reviewed_at=CREATED, family=family)

    # A fixed number a section (the pairs also read the traffic defaults: their change
    # changes every pair page; and the similar models and featured pairs that relate two
    # models; the pages read the open data's stamp and what retires; /cost/ whether a model
    # is published, the catalog's last change and the traffic defaults'), and
    # the catalog's latest change (a URL dropped changes it too): the same for any size.
    with django_assert_num_queries(20):
        assert client.get("/sitemap.xml").status_code == 200
    # Reviewed published models; OpenRouter; Alpha on OpenRouter; the pairs of the reviewed
    # ones (all of one family: related).
    urls = {
        "models": 3 + extra_models,
        "providers": 1,
        "routes": 1,
        "pairs": math.comb(3 + extra_models, 2),
    }
    for section, queries in (("models", 2), ("providers", 2), ("routes", 2), ("pairs", 5)):
        with django_assert_num_queries(queries):
            body = client.get(f"/sitemap-{section}.xml").getvalue()
        assert len(lxml.etree.fromstring(body).findall("s:url", NAMESPACE)) == urls[section]


# The sitemaps.org schemas.


@pytest.fixture
def schemas():
    if not SCHEMAS.is_dir():
        pytest.skip(f"the sitemaps.org schemas are not at {SCHEMAS} (../shared is absent)")
    return {
        name: lxml.etree.XMLSchema(lxml.etree.parse(SCHEMAS / f"{name}.xsd"))
        for name in ("siteindex", "sitemap")
    }


def test_every_sitemap_file_validates_against_the_schemas(
    client, sitemap_catalog, schemas, monkeypatch
):
    monkeypatch.setattr(PairSitemap, "limit", 2)
    index = xml_of(client.get("/sitemap.xml"))
    schemas["siteindex"].assertValid(index)

    files = locs(client.get("/sitemap.xml"))
    assert len(files) == 7
    for loc in files:
        schemas["sitemap"].assertValid(xml_of(client.get(loc.removeprefix(ORIGIN))))


def test_schemas_reject_what_the_sitemap_must_not_do(schemas):
    """The validation can fail: an empty urlset, or a lastmod that is no date."""
    empty = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
    bad_date = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>http://testserver/models/a/</loc><lastmod>1 March 2026</lastmod></url></urlset>"
    )
    assert not schemas["sitemap"].validate(lxml.etree.fromstring(empty))
    assert not schemas["sitemap"].validate(lxml.etree.fromstring(bad_date))
