"""The reads whose cost must not grow with the catalog are served by an index, as
PostgreSQL's EXPLAIN shows. (A test catalog is too small for the planner to prefer an
index over a scan and a sort, so those are switched off for the EXPLAIN: what is checked
is that an index fits the query, which the planner then picks on a large catalog, as
EXPLAIN ANALYZE shows on 10,000 models.)"""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from catalog.forms import filter_models
from catalog.models import LanguageModel, SimilarModel, search_document
from comparisons.home_page import RECENT_MODELS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL"),
]


def plan_of(queryset, bitmap=False):
    """EXPLAIN without sequential scans or sorts; `bitmap`: the way a GIN index is read."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not bitmap:
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")  # an order read from an index
        return queryset.explain()


def test_a_models_similar_list_is_read_from_its_index(reference_catalog):
    rows = SimilarModel.objects.filter(model=reference_catalog.spark).order_by("rank")[:13]
    assert "similarmodel_one_per_rank" in plan_of(rows)


def test_the_models_list_reads_a_page_in_name_order_from_its_index(reference_catalog):
    page = filter_models(LanguageModel.objects.published(), {}).values("pk")[100:200]
    assert "languagemodel_name_order" in plan_of(page)


def test_the_recently_reviewed_models_come_from_their_index(reference_catalog):
    recent = (
        LanguageModel.objects.published()
        .filter(reviewed_at__isnull=False)
        .order_by("-reviewed_at", "name")[:RECENT_MODELS]
    )
    assert "languagemodel_review_order" in plan_of(recent)


def test_the_admins_model_search_reads_its_gin_index(reference_catalog):
    query = SearchQuery("qwen3:*", search_type="raw", config="simple")
    matches = (
        LanguageModel.objects.alias(document=search_document("name", "slug"))
        .filter(document=query)
        .order_by()
    )
    assert "languagemodel_search" in plan_of(matches, bitmap=True)
