"""The pair page's query count does not grow with the catalog: the same for the three
reference models as for three hundred, each with routes, capabilities, tags and scores."""

import pytest

from catalog.models import LanguageModel
from tests import builders

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
    """`count` more models, 10% unpublished, with routes at the reference providers (some
    unpriced, some tiered, some re-priced); the reference pair is scored too."""
    builders.add_models(
        count,
        seed=count,
        providers=list(reference_catalog.providers.values()),
        tiers=True,
        unpriced=True,
        price_history=True,
        unpublished_every=10,
        scored_too=[reference_catalog.spark, reference_catalog.qwen],
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
