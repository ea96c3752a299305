"""The pair page's query count does not grow with the catalog: the same for the three
reference models as for three hundred, each with routes, capabilities, tags and scores."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    Organization,
    Route,
)

pytestmark = pytest.mark.django_db

URL = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
HTMX = {"HX-Request": "true"}

# TrafficDefaults, the two models and their four prefetches (tags, capabilities, routes with
# providers, scores with benchmarks), the capability list, and one "most similar" query per
# model for Continue comparing.
PAIR_PAGE_QUERIES = 9
# The cost fragment shows no "Continue comparing" links: it skips the two similar-model reads.
FRAGMENT_QUERIES = 7


def add_models(count, reference_catalog):
    """`count` more published models, in bulk, each like a real entry: 10 capability rows,
    2-3 routes (some unpriced, some tiered), 2 tags, 3 benchmark scores."""
    rng = random.Random(count)
    organization = Organization.objects.first()
    providers = list(reference_catalog.providers.values())
    models = LanguageModel.objects.bulk_create(
        LanguageModel(
            name=f"Bulk Model {index:03d}",
            slug=f"bulk-model-{index:03d}",
            organization=organization,
            product_type=rng.choice(LanguageModel.ProductType.values),
            openness=rng.choice(LanguageModel.Openness.values),
            context_window=rng.choice([None, 8_192, 131_072, 262_144, 1_000_000]),
            released_on=rng.choice([None, date(2025, 1, 1) + timedelta(days=rng.randrange(500))]),
            is_published=index % 10 != 0,
        )
        for index in range(count)
    )
    capabilities = list(Capability.objects.all())
    ModelCapability.objects.bulk_create(
        ModelCapability(
            model=model, capability=capability, support=rng.choice(["yes", "no", "unknown"])
        )
        for model in models
        for capability in capabilities
    )

    def price():
        return rng.choice([None, Decimal(rng.randrange(1, 2_000)) / 100])

    Route.objects.bulk_create(
        Route(model=model, provider=provider, tier=tier, input_price=price(), output_price=price())
        for model in models
        for provider in rng.sample(providers, 2)
        for tier in ("", "batch")[: rng.randrange(1, 3)]
    )
    tags = list(DecisionTag.objects.all())
    Through = LanguageModel.decision_tags.through
    Through.objects.bulk_create(
        Through(languagemodel=model, decisiontag=tag)
        for model in models
        for tag in rng.sample(tags, 2)
    )
    benchmarks = Benchmark.objects.bulk_create(
        Benchmark(name=f"Benchmark {index}", slug=f"benchmark-{index}") for index in range(5)
    )
    BenchmarkScore.objects.bulk_create(
        BenchmarkScore(model=model, benchmark=benchmark, value=Decimal(rng.randrange(10_000)) / 100)
        for model in [*models, reference_catalog.spark, reference_catalog.qwen]
        for benchmark in rng.sample(benchmarks, 3)
    )


@pytest.mark.parametrize("extra_models", [0, 297], ids=["3 models", "300 models"])
@pytest.mark.parametrize(
    ("headers", "queries"),
    [({}, PAIR_PAGE_QUERIES), (HTMX, FRAGMENT_QUERIES)],
    ids=["page", "htmx"],
)
def test_the_query_count_does_not_grow_with_the_catalog(
    client, reference_catalog, django_assert_num_queries, extra_models, headers, queries
):
    if extra_models:
        add_models(extra_models, reference_catalog)
        assert LanguageModel.objects.count() == 300
    with django_assert_num_queries(queries):
        response = client.get(URL, headers=headers)
    assert response.status_code == 200


@pytest.mark.parametrize("extra_models", [0, 297], ids=["3 models", "300 models"])
def test_the_query_count_with_a_bad_traffic_input(
    client, reference_catalog, django_assert_num_queries, extra_models
):
    if extra_models:
        add_models(extra_models, reference_catalog)
    with django_assert_num_queries(PAIR_PAGE_QUERIES):
        response = client.get(URL, {"requests": "-1", "input_tokens": "1", "output_tokens": "1"})
    assert response.status_code == 400


def test_the_redirect_to_the_canonical_order_costs_one_query(
    client, reference_catalog, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get("/compare/qwen3-5-122b-a10b-vs-gpt-5-3-codex-spark/")
    assert response.status_code == 301
