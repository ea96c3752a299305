"""The editors' review queue and review page on the real synced catalog: the models read
most come first, and a model's page shows where its sources differ."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import LanguageModel
from comparisons import review_queue
from tests.comparisons.test_review_queue import REVIEW_PAGE_QUERIES

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_models_served_by_the_most_providers_come_first(real_catalog):
    rows = list(review_queue.queue().values_list("name", "providers", "in_sitemap")[:10])
    providers = [count for _, count, _ in rows]

    assert providers == sorted(providers, reverse=True)
    assert providers[0] == max(review_queue.queue().values_list("providers", flat=True))
    # GLM-5.1: fifty providers, not corroborated: an editor's review puts it in the sitemap.
    assert ("GLM-5.1", providers[1], False) in rows


def test_the_counts_are_the_sitemaps(real_catalog):
    counts = review_queue.sitemap_counts()

    assert counts["reviewed"] == 0
    assert (
        counts["corroborated_only"]
        == LanguageModel.objects.filter(
            is_published=True, corroborated_by__gte=2, noindex=False
        ).count()
    )
    assert counts["total"] == LanguageModel.objects.filter(is_published=True).count()


def test_glm_5_1s_review_page_shows_its_name_as_each_source_states_it(real_catalog, editor_client):
    model = LanguageModel.objects.get(name="GLM-5.1")
    url = reverse("admin:comparisons_modeltoreview_change", args=[model.pk])
    editor_client.get(url)  # warm: the content types' cache

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(url)

    assert response.status_code == 200
    # No more than on a catalog of five models (there, its proposals' records add one).
    assert len(queries) <= REVIEW_PAGE_QUERIES
    name = next(row for row in response.context["model_rows"] if row.fact == "Name")
    page_value, *others = name.stated
    assert (page_value.value, page_value.agrees) == ("GLM-5.1", True)
    assert page_value.sources[0].label == "models.dev canonical file zhipuai/glm-5.1"
    assert "GLM 5.1" in [other.value for other in others]
    assert len(response.context["route_rows"]) >= 40
