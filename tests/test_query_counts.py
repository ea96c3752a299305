"""Every public page costs the same number of queries whatever the catalog's size: each
page of the site, asked for with 3 models and again with 303, rendered (no page cache)."""

import pytest
from django.urls import reverse

from catalog.models import LanguageModel, ModelFamily
from catalog.slugs import pair_url

pytestmark = pytest.mark.django_db


def public_urls(catalog):
    spark, qwen = catalog.spark, catalog.qwen
    pair = pair_url(spark.slug, qwen.slug)
    return {
        "home": (reverse("comparisons:home"), {}),
        "models list": (reverse("catalog:model_list"), {}),
        "models list, filtered and sorted": (
            reverse("catalog:model_list") + "?capability=reasoning&sort=price",
            {},
        ),
        "models list, htmx": (
            reverse("catalog:model_list") + "?sort=context",
            {"HX-Request": "true"},
        ),
        "model page": (spark.get_absolute_url(), {}),
        "providers": (reverse("catalog:provider_list"), {}),
        "provider page": (reverse("catalog:provider_detail", args=["openrouter"]), {}),
        "pair page": (pair, {}),
        "pair page, custom traffic": (pair + "?requests=2000000", {}),
        "cost fragment": (pair + "?requests=2000000", {"HX-Request": "true"}),
        "picker": (reverse("comparisons:compare"), {}),
        "picker, a pick": (reverse("comparisons:compare") + f"?a={spark.name}&b={qwen.name}", {}),
        "autocomplete": (reverse("comparisons:compare_autocomplete") + "?q=gpt", {}),
        "sitemap index": ("/sitemap.xml", {}),
        "models sitemap": ("/sitemap-models.xml", {}),
        "providers sitemap": ("/sitemap-providers.xml", {}),
        "pairs sitemap": ("/sitemap-pairs.xml", {}),
        "families": (reverse("catalog:family_list"), {}),
        "family page": (reverse("catalog:family_detail", args=["reference"]), {}),
        "families sitemap": ("/sitemap-families.xml", {}),
    }


def query_counts(client, django_assert_max_num_queries, urls):
    counts = {}
    for name, (url, headers) in urls.items():
        with django_assert_max_num_queries(100) as queries:
            response = client.get(url, headers=headers)
        assert response.status_code in (200, 302), (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_no_public_page_costs_more_queries_in_a_larger_catalog(
    client, reference_catalog, grow_catalog, django_assert_max_num_queries
):
    LanguageModel.objects.mark_reviewed(None)  # listed in the sitemaps
    # One family holds every model, so that it grows with the catalog.
    family = ModelFamily.objects.create(name="Reference", slug="reference")
    ModelFamily.objects.mark_reviewed(None)
    LanguageModel.objects.update(family=family)
    urls = public_urls(reference_catalog)
    small = query_counts(client, django_assert_max_num_queries, urls)

    grow_catalog(300)
    LanguageModel.objects.filter(family=None).update(family=family)
    larger = query_counts(client, django_assert_max_num_queries, urls)

    assert larger == small
    assert small == {
        "home": 2,
        "models list": 6,
        "models list, filtered and sorted": 6,
        "models list, htmx": 6,
        "model page": 8,
        "providers": 2,
        "provider page": 2,
        "pair page": 9,
        "pair page, custom traffic": 9,
        "cost fragment": 7,
        "picker": 0,
        "picker, a pick": 2,
        "autocomplete": 1,
        "sitemap index": 5,
        "models sitemap": 2,
        "providers sitemap": 2,
        "pairs sitemap": 3,
    }
