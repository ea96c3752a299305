"""The catalog's sitemap sections (catalog/sitemaps.py): published models, and providers
serving one, each with its page's last change."""

import pytest
import time_machine

from catalog.models import Provider
from catalog.sitemaps import path_around_slug
from catalog.slugs import pair_url
from tests.sitemaps import CHANGED, CHANGED_LASTMOD, CREATED, CREATED_LASTMOD, ORIGIN, entries

pytestmark = pytest.mark.django_db


def test_models_section_lists_reviewed_published_models_with_their_last_change(
    client, sitemap_catalog
):
    # Delta is published but never reviewed: its page is noindex until an editor checks it.
    assert entries(client.get("/sitemap-models.xml")) == [
        (f"{ORIGIN}/models/{slug}/", CREATED_LASTMOD) for slug in ["alpha", "beta", "gamma"]
    ]


def test_providers_section_lists_providers_serving_a_published_model(client, sitemap_catalog):
    assert entries(client.get("/sitemap-providers.xml")) == [
        (f"{ORIGIN}/providers/openrouter/", CREATED_LASTMOD)
    ]


def test_provider_lastmod_counts_an_inactive_route(client, sitemap_catalog, make_route):
    """Deactivating a route changes the provider's page: its change counts."""
    with time_machine.travel(CREATED, tick=False):
        route = make_route(
            sitemap_catalog["models"]["Beta"], Provider.objects.get(slug="openrouter")
        )
    with time_machine.travel(CHANGED, tick=False):
        route.is_active = False
        route.save()

    assert entries(client.get("/sitemap-providers.xml")) == [
        (f"{ORIGIN}/providers/openrouter/", CHANGED_LASTMOD)
    ]


def test_path_around_slug_matches_reverse():
    prefix, suffix = path_around_slug("comparisons:pair_detail")
    assert f"{prefix}a-vs-b{suffix}" == pair_url("a", "b")
