"""The memo (config/memo.py) of a model's facts, the capabilities and the traffic
defaults: kept between requests, used while nothing it read has changed, its
keys recorded by the page that uses it, never kept when nothing was found, and never
across a day."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.dependencies import record_key, recording
from catalog.facts import load_models
from catalog.models import LanguageModel, Route
from catalog.slugs import pair_url

pytestmark = pytest.mark.django_db


def loaded(slugs):
    with CaptureQueriesContext(connection) as queries, recording() as shown:
        facts = load_models(slugs)
    return facts, len(queries), shown.keys


def test_a_models_facts_are_kept_until_what_they_read_changes(page_cache, reference_catalog):
    spark, qwen = reference_catalog.spark, reference_catalog.qwen
    first, built, _ = loaded([spark.slug, qwen.slug])
    again, checked, keys = loaded([spark.slug, qwen.slug])

    assert again == first
    assert checked == 2 < built  # one look at each model's key versions, nothing rebuilt
    assert {record_key(LanguageModel, spark.pk), f"route.model={qwen.pk}"} <= keys

    route = Route.objects.filter(model=spark).first()
    route.input_price, route.output_price = Decimal("1.25"), Decimal("9.75")
    route.save()
    fresh, queries, _ = loaded([spark.slug, qwen.slug])
    assert Decimal("9.75") in {r.output_price for r in fresh[spark.slug].routes}
    assert fresh[qwen.slug] is again[qwen.slug]  # kept: nothing it read changed
    assert queries > 2


def test_nothing_is_kept_of_a_model_not_found_nor_across_a_day(page_cache, reference_catalog):
    assert loaded(["no-such-model"])[0] == {}
    assert loaded(["no-such-model"])[1] > 1  # looked up again: nothing was kept

    spark = reference_catalog.spark.slug
    today = loaded([spark])[0][spark]
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        tomorrow, queries, _ = loaded([spark])
    assert queries > 2  # a route may retire at a date: rebuilt
    assert tomorrow[spark].name == today.name


def test_without_the_page_cache_nothing_is_kept(settings, reference_catalog):
    settings.PAGE_CACHE = False
    slugs = [reference_catalog.spark.slug, reference_catalog.qwen.slug]
    assert loaded(slugs)[1] == loaded(slugs)[1] > 2  # read together, every time


def test_a_pair_page_whose_facts_are_kept_reads_only_its_links_and_key_versions(
    page_cache, reference_catalog, client
):
    """Both models' facts, the capabilities and the traffic defaults kept by an earlier
    answer: another page of the pair (another traffic, not a stored page) reads only the
    key versions of what it would read, and its own "continue comparing" links (never
    kept: catalog/similar.py says why)."""
    spark, qwen = reference_catalog.spark, reference_catalog.qwen
    url = pair_url(spark.slug, qwen.slug)
    assert client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"requests": "123456"})

    assert response.status_code == 200
    assert response["X-Cache"] == "miss"
    tables = {re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries}
    assert tables == {"catalog_keyversion", "catalog_catalogstate", "catalog_similarmodel"}
