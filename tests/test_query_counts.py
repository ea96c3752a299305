"""Every public page costs the same number of queries whatever the catalog's size: each
page of the site, asked for with 3 models and again with 303, rendered (no page cache)."""

import pytest
from django.urls import reverse

from catalog.models import Benchmark, BenchmarkScore, LanguageModel, ModelFamily
from catalog.slugs import pair_url

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def public_urls(catalog):
    spark, qwen = catalog.spark, catalog.qwen
    pair = pair_url(spark.slug, qwen.slug)
    lineup = f"{qwen.slug},{spark.slug},{catalog.ling.slug}"
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
        "lineup": (reverse("comparisons:compare") + f"?models={lineup}", {}),
        "lineup, htmx": (reverse("comparisons:compare") + f"?models={lineup}", HTMX),
        "compare API": (f"/api/v1/compare?models={lineup}", {}),
        "picker, a pick": (reverse("comparisons:compare") + f"?a={spark.name}&b={qwen.name}", {}),
        "autocomplete": (reverse("comparisons:compare_autocomplete") + "?q=gpt", {}),
        "sitemap index": ("/sitemap.xml", {}),
        "models sitemap": ("/sitemap-models.xml", {}),
        "providers sitemap": ("/sitemap-providers.xml", {}),
        "pairs sitemap": ("/sitemap-pairs.xml", {}),
        "route page": (reverse("catalog:route_detail", args=[qwen.slug, "openrouter"]), {}),
        "routes sitemap": ("/sitemap-routes.xml", {}),
        "retiring": (reverse("catalog:retiring"), {}),
        "price changes feed": (reverse("catalog:feed_prices"), {}),
        "new models feed": (reverse("catalog:feed_new_models"), {}),
        "retirements feed": (reverse("catalog:feed_retirements"), {}),
        "model feed": (reverse("catalog:model_feed", args=[spark.slug]), {}),
        "families": (reverse("catalog:family_list"), {}),
        "family page": (reverse("catalog:family_detail", args=["reference"]), {}),
        "families sitemap": ("/sitemap-families.xml", {}),
        "benchmarks": (reverse("catalog:benchmark_list"), {}),
        "benchmark page": (reverse("catalog:benchmark_detail", args=["reference-bench"]), {}),
        "benchmarks sitemap": ("/sitemap-benchmarks.xml", {}),
        "open data": (reverse("catalog:open_data"), {}),
        "pages sitemap": ("/sitemap-pages.xml", {}),
        "cost sitemap": ("/sitemap-cost.xml", {}),
        "cost": (reverse("comparisons:cost"), {}),
        "cost, filtered, by score": (
            reverse("comparisons:cost")
            + "?capability=reasoning&max_cost=100000&benchmark=reference-bench&order=score",
            {},
        ),
        "cost, htmx": (reverse("comparisons:cost") + "?requests=2000000", HTMX),
        "cost API": ("/api/v1/cost?order=list", {}),
    }


def score_every_model(benchmark):
    """A score on `benchmark` for every model without one: its page grows with the catalog."""
    unscored = LanguageModel.objects.exclude(scores__benchmark=benchmark)
    BenchmarkScore.objects.bulk_create(
        BenchmarkScore(model=model, benchmark=benchmark, value=50 + index % 40)
        for index, model in enumerate(unscored)
    )


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
    benchmark = Benchmark.objects.create(name="Reference Bench", slug="reference-bench")
    score_every_model(benchmark)
    urls = public_urls(reference_catalog)
    small = query_counts(client, django_assert_max_num_queries, urls)

    grow_catalog(300)
    LanguageModel.objects.filter(family=None).update(family=family)
    score_every_model(benchmark)
    larger = query_counts(client, django_assert_max_num_queries, urls)

    assert larger == small
    assert small == {
        "home": 8,  # comparisons/home_page.py's sections, one or two queries each
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
        # Traffic defaults; the three models' facts, read together (the model, its tags,
        # capabilities, routes, scores); the capability list.
        "lineup": 7,
        "lineup, htmx": 7,
        "compare API": 9,  # the same, with the API's model records and their capabilities
        "picker, a pick": 2,
        "autocomplete": 1,
        # Each section's rows (the pages section: 8; the pairs: 5; cost: 3), and the catalog
        # version.
        "sitemap index": 22,
        "models sitemap": 2,
        "providers sitemap": 2,
        "pairs sitemap": 5,  # traffic defaults, models, similar models, featured pairs
        "families": 3,
        "family page": 9,
        "families sitemap": 3,
        "retiring": 3,
        "price changes feed": 2,
        "new models feed": 2,
        "retirements feed": 3,
        "model feed": 4,
        "route page": 3,
        "routes sitemap": 2,
        "benchmarks": 2,  # the benchmarks with their counts and stamps; the catalog version
        "benchmark page": 3,  # the benchmark (and its stamps), its scores, their models' routes
        "benchmarks sitemap": 2,
        "open data": 4,  # when the served data last changed; three example slugs
        "pages sitemap": 9,  # open data 1, retiring 3, families 2, benchmarks 2, version 1
        "cost sitemap": 4,  # a model published? the catalog's and the traffic's changes
        # The traffic defaults, the makers, the benchmarks, the capabilities; the ranking;
        # the shown models' routes; the catalog's last change.
        "cost": 7,
        # With a benchmark: the setting its scores compare in; no last change to tell.
        "cost, filtered, by score": 7,
        "cost, htmx": 7,
        "cost API": 6,  # the page's, but for the last change
    }
