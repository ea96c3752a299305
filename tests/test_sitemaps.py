"""The sitemap: the index of sections, their pages, lastmod, who is left out, the schemas.

The catalog is built at a frozen instant (with microseconds, which HTTP dates drop), so
every lastmod is known exactly; later changes happen at later frozen instants.
"""

import itertools
import math
from datetime import UTC, datetime
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import time_machine
from django.utils.http import http_date

from catalog.models import LanguageModel, Provider, Route
from catalog.sitemaps import ModelSitemap, ProviderSitemap, path_around_slug
from catalog.slugs import pair_slug, pair_url
from comparisons.models import TrafficDefaults
from comparisons.sitemaps import PairSitemap

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "spec" / "sitemaps"
NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ORIGIN = "http://testserver"

CREATED = datetime(2026, 3, 1, 9, 30, 15, 654321, tzinfo=UTC)
CREATED_LASTMOD = "2026-03-01T09:30:15+00:00"
CHANGED = datetime(2026, 4, 2, 16, 5, 42, 987654, tzinfo=UTC)
CHANGED_LASTMOD = "2026-04-02T16:05:42+00:00"


@pytest.fixture
def catalog(make_organization, make_provider, make_model, make_route):
    """Three published, reviewed models; one published but never reviewed; one
    unpublished. OpenRouter serves published models; Idle Cloud only through an inactive
    route, Lonely Host only an unpublished model: neither is listed."""
    with time_machine.travel(CREATED, tick=False):
        TrafficDefaults.load().save()  # pair pages speak of it: its last change counts too
        make_organization("OpenAI", reviewed_at=CREATED)
        reviewed = {"reviewed_at": CREATED}
        models = {
            name: make_model(name, **fields)
            for name, fields in [
                ("Alpha", reviewed),
                ("Beta", reviewed),
                ("Gamma", reviewed),
                ("Delta", {}),
                ("Hidden", {**reviewed, "is_published": False}),
            ]
        }
        openrouter = make_provider("OpenRouter")
        routes = {
            "alpha": make_route(models["Alpha"], openrouter, 0.26, 2.08),
            "delta": make_route(models["Delta"], openrouter, 1, 2),
        }
        make_route(models["Beta"], make_provider("Idle Cloud"), 1, 2, is_active=False)
        make_route(models["Hidden"], make_provider("Lonely Host"), 1, 2)
    return {"models": models, "routes": routes}


def xml_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/xml"
    return lxml.etree.fromstring(response.getvalue())


def entries(response):
    """(loc, lastmod) of each <url> of a sitemap page, or <sitemap> of the index."""
    root = xml_of(response)
    tag = "s:url" if root.tag.endswith("urlset") else "s:sitemap"
    return [
        (
            element.findtext("s:loc", namespaces=NAMESPACE),
            element.findtext("s:lastmod", namespaces=NAMESPACE),
        )
        for element in root.findall(tag, NAMESPACE)
    ]


def locs(response):
    return [loc for loc, _ in entries(response)]


def pair_loc(slug_a, slug_b):
    return ORIGIN + pair_url(slug_a, slug_b)


def robots_meta(response):
    return lxml.html.fromstring(response.content).xpath('//meta[@name="robots"]/@content')


# The index.


def test_index_lists_each_section_and_each_of_its_pages(client, catalog, monkeypatch):
    monkeypatch.setattr(ModelSitemap, "limit", 3)  # four published models: two pages
    monkeypatch.setattr(PairSitemap, "limit", 2)  # three indexable models, three pairs

    response = client.get("/sitemap.xml")

    assert entries(response) == [
        (f"{ORIGIN}/sitemap-models.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-models.xml?p=2", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-providers.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-pairs.xml", CREATED_LASTMOD),
        (f"{ORIGIN}/sitemap-pairs.xml?p=2", CREATED_LASTMOD),
    ]
    assert response["Last-Modified"] == http_date(CREATED.timestamp())
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_index_leaves_out_a_section_without_urls(client, make_model):
    """One model makes no pair, and serves nowhere: an empty section would not validate."""
    with time_machine.travel(CREATED, tick=False):
        make_model("Alpha", reviewed_at=CREATED)

    assert locs(client.get("/sitemap.xml")) == [f"{ORIGIN}/sitemap-models.xml"]
    assert client.get("/sitemap-pairs.xml").status_code == 404
    assert client.get("/sitemap-providers.xml").status_code == 404


def test_no_sitemap_before_anything_is_published(client, make_model):
    make_model("Draft", is_published=False)

    assert client.get("/sitemap.xml").status_code == 404


# The sections.


def test_models_section_lists_published_models_with_their_last_change(client, catalog):
    assert entries(client.get("/sitemap-models.xml")) == [
        (f"{ORIGIN}/models/{slug}/", CREATED_LASTMOD)
        for slug in ["alpha", "beta", "delta", "gamma"]
    ]


def test_providers_section_lists_providers_serving_a_published_model(client, catalog):
    assert entries(client.get("/sitemap-providers.xml")) == [
        (f"{ORIGIN}/providers/openrouter/", CREATED_LASTMOD)
    ]


def test_pairs_section_lists_pairs_of_reviewed_models_at_canonical_urls(client, catalog):
    assert entries(client.get("/sitemap-pairs.xml")) == [
        (pair_loc("alpha", "beta"), CREATED_LASTMOD),
        (pair_loc("alpha", "gamma"), CREATED_LASTMOD),
        (pair_loc("beta", "gamma"), CREATED_LASTMOD),
    ]


def test_pair_urls_follow_python_string_order_of_slugs(client, make_model):
    """In Python (and so in pair_slug) "a-c" < "ab", although a collation that ignores
    hyphens sorts them the other way round."""
    for name in ["AB", "A-C", "A"]:
        make_model(name, reviewed_at=CREATED)

    assert locs(client.get("/sitemap-pairs.xml")) == [
        f"{ORIGIN}/compare/a-vs-a-c/",
        f"{ORIGIN}/compare/a-vs-ab/",
        f"{ORIGIN}/compare/a-c-vs-ab/",
    ]
    assert pair_slug("ab", "a-c") == "a-c-vs-ab"


def test_pair_pages_together_hold_every_pair_once(client, make_model, monkeypatch):
    monkeypatch.setattr(PairSitemap, "limit", 4)
    slugs = [f"model-{number}" for number in range(7)]  # 21 pairs: pages of 4, 4, …, 1
    for slug in slugs:
        make_model(slug.capitalize(), reviewed_at=CREATED)

    pages = [locs(client.get(f"/sitemap-pairs.xml?p={page}")) for page in range(1, 7)]

    assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 1]
    assert list(itertools.chain(*pages)) == [
        pair_loc(a, b) for a, b in itertools.combinations(slugs, 2)
    ]
    assert client.get("/sitemap-pairs.xml?p=7").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-pairs.xml?p=0",
        "/sitemap-pairs.xml?p=2",
        "/sitemap-pairs.xml?p=two",
        "/sitemap-pairs.xml?p=-1",
        "/sitemap-routes.xml",
        "/sitemap-.xml",
    ],
)
def test_a_page_that_does_not_exist_is_not_found(client, catalog, url):
    assert client.get(url).status_code == 404


def test_section_page_answers_with_its_latest_lastmod(client, catalog):
    with time_machine.travel(CHANGED, tick=False):
        catalog["models"]["Gamma"].save()

    response = client.get("/sitemap-pairs.xml")

    assert response["Last-Modified"] == http_date(CHANGED.timestamp())
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert dict(entries(response))[pair_loc("alpha", "beta")] == CREATED_LASTMOD


def test_path_around_slug_matches_reverse():
    prefix, suffix = path_around_slug("comparisons:pair_detail")
    assert f"{prefix}a-vs-b{suffix}" == pair_url("a", "b")


# Noindex: who is left out.


def test_unreviewed_model_pairs_are_left_out_and_carry_noindex(client, catalog):
    listed = locs(client.get("/sitemap-pairs.xml"))
    unreviewed = client.get("/compare/alpha-vs-delta/")
    reviewed = client.get("/compare/alpha-vs-beta/")

    assert not [loc for loc in listed if "delta" in loc]
    assert robots_meta(unreviewed) == ["noindex"]
    assert pair_loc("alpha", "beta") in listed
    assert robots_meta(reviewed) == []


def test_reviewing_a_model_puts_its_pairs_in_the_sitemap(client, catalog, editor):
    with time_machine.travel(CHANGED, tick=False):
        LanguageModel.objects.filter(slug="delta").mark_reviewed(editor)

    listed = dict(entries(client.get("/sitemap-pairs.xml")))

    assert listed[pair_loc("alpha", "delta")] == CHANGED_LASTMOD
    assert listed[pair_loc("beta", "delta")] == CHANGED_LASTMOD
    assert listed[pair_loc("alpha", "beta")] == CREATED_LASTMOD
    assert robots_meta(client.get("/compare/alpha-vs-delta/")) == []


def test_unpublished_model_is_nowhere(client, catalog):
    everything = [
        loc
        for section in ("models", "providers", "pairs")
        for loc in locs(client.get(f"/sitemap-{section}.xml"))
    ]
    assert not [loc for loc in everything if "hidden" in loc or "lonely" in loc or "idle" in loc]


# lastmod: the pages' own Last-Modified, moved by editors' changes.


def test_lastmod_is_the_last_modified_of_the_page(client, catalog):
    with time_machine.travel(CHANGED, tick=False):
        catalog["routes"]["alpha"].save()

    for section in ("models", "providers", "pairs"):
        for loc, lastmod in entries(client.get(f"/sitemap-{section}.xml")):
            page = client.get(loc.removeprefix(ORIGIN))
            assert page.status_code == 200, loc
            assert page["Last-Modified"] == http_date(datetime.fromisoformat(lastmod).timestamp())


def test_lastmod_follows_a_price_change_in_the_admin(editor_client, form_data, catalog):
    route = catalog["routes"]["alpha"]
    url = f"/admin/catalog/route/{route.pk}/change/"
    data = form_data(editor_client.get(url), "route_form")
    data["output_price"] = ["2.50"]

    with time_machine.travel(CHANGED, tick=False):
        assert editor_client.post(url, data).status_code == 302

    models = dict(entries(editor_client.get("/sitemap-models.xml")))
    pairs = dict(entries(editor_client.get("/sitemap-pairs.xml")))
    providers = dict(entries(editor_client.get("/sitemap-providers.xml")))
    assert Route.objects.get(pk=route.pk).output_price == 2.5
    assert models[f"{ORIGIN}/models/alpha/"] == CHANGED_LASTMOD
    assert models[f"{ORIGIN}/models/beta/"] == CREATED_LASTMOD
    assert pairs[pair_loc("alpha", "gamma")] == CHANGED_LASTMOD
    assert pairs[pair_loc("beta", "gamma")] == CREATED_LASTMOD
    assert providers[f"{ORIGIN}/providers/openrouter/"] == CHANGED_LASTMOD
    index = editor_client.get("/sitemap.xml")
    assert index["Last-Modified"] == http_date(CHANGED.timestamp())


def test_provider_lastmod_counts_an_inactive_route(client, catalog, make_route):
    """Deactivating a route changes the provider's page: its change counts."""
    with time_machine.travel(CREATED, tick=False):
        route = make_route(catalog["models"]["Beta"], Provider.objects.get(slug="openrouter"))
    with time_machine.travel(CHANGED, tick=False):
        route.is_active = False
        route.save()

    assert entries(client.get("/sitemap-providers.xml")) == [
        (f"{ORIGIN}/providers/openrouter/", CHANGED_LASTMOD)
    ]


# Queries: a fixed number a section, whatever the catalog's size.


@pytest.mark.parametrize("extra_models", [0, 40])
def test_sitemap_query_counts(client, catalog, make_model, django_assert_num_queries, extra_models):
    for number in range(extra_models):
        make_model(f"Extra {number}", reviewed_at=CREATED)

    # The pairs section also reads the traffic defaults (their change changes every pair page);
    # every answer also reads the catalog's latest change (a URL dropped changes it too).
    with django_assert_num_queries(5):
        assert client.get("/sitemap.xml").status_code == 200
    # Published models; OpenRouter; the pairs of the reviewed ones.
    urls = {"models": 4 + extra_models, "providers": 1, "pairs": math.comb(3 + extra_models, 2)}
    for section, queries in (("models", 2), ("providers", 2), ("pairs", 3)):
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


def test_every_sitemap_file_validates_against_the_schemas(client, catalog, schemas, monkeypatch):
    monkeypatch.setattr(PairSitemap, "limit", 2)
    index = xml_of(client.get("/sitemap.xml"))
    schemas["siteindex"].assertValid(index)

    files = locs(client.get("/sitemap.xml"))
    assert len(files) == 4
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


def test_section_objects_read_as_django_sitemaps(catalog):
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
