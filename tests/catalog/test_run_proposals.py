"""A sync run's page lists its open proposals grouped by model, the largest price change
first, a page of models at a time; an editor approves or rejects a model's at once."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Route
from catalog.sync.models import ProposedChange, SyncRun
from catalog.sync.proposals import GROUPS_PER_PAGE, run_proposal_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    return SyncRun.objects.create(
        source="openrouter", location="x", status=SyncRun.Status.SUCCEEDED
    )


@pytest.fixture
def propose(run):
    route_type = ContentType.objects.get_for_model(Route)

    def propose(route, new_price, percent, field="output_price"):
        return ProposedChange.objects.create(
            content_type=route_type,
            object_id=route.pk,
            field=field,
            kind=ProposedChange.Kind.PRICE,
            ours=str(route.output_price),
            theirs=new_price,
            change_percent=None if percent is None else Decimal(percent),
            source="openrouter",
            model=route.model,
            first_seen_run=run,
            last_seen_run=run,
        )

    return propose


@pytest.fixture
def three_models(make_model, make_provider, make_route):
    host = make_provider("Host")
    return [make_route(make_model(name), host, 1, 2) for name in ("Small", "Large", "Unknown")]


def test_groups_come_by_model_with_the_largest_price_change_first(run, propose, three_models):
    small, large, unknown = three_models
    propose(small, "2.1", 5)
    propose(large, "1", -50)
    propose(large, "2.2", 10, field="input_price")
    propose(unknown, "3", None)

    page, groups = run_proposal_groups(run, 1)

    assert [group.model.name for group in groups] == ["Large", "Small", "Unknown"]
    assert [group.largest_change for group in groups] == [Decimal(50), Decimal(5), None]
    assert [p.field for p in groups[0].proposals] == ["input_price", "output_price"]
    assert page.paginator.count == 3


def test_hundreds_of_proposals_are_paged_by_model(
    run, propose, make_model, make_provider, make_route
):
    host = make_provider("Host")
    for index in range(GROUPS_PER_PAGE + 5):
        propose(make_route(make_model(f"M{index:03}"), host, 1, 2), "3", index)

    first, first_groups = run_proposal_groups(run, 1)
    second, second_groups = run_proposal_groups(run, 2)
    _, past_the_end = run_proposal_groups(run, "99")

    assert len(first_groups) == GROUPS_PER_PAGE
    assert first_groups[0].model.name == f"M{GROUPS_PER_PAGE + 4:03}"
    assert len(second_groups) == 5
    assert past_the_end == second_groups  # Paginator.get_page: the last page


def test_approving_one_models_group_applies_its_proposals_only(
    editor, editor_client, run, propose, three_models
):
    small, large, _ = three_models
    propose(small, "2.1", 5)
    kept = propose(large, "1", -50)
    url = reverse("admin:catalog_syncrun_proposals", args=[run.pk])

    response = editor_client.post(
        url, {"model": small.model_id, "decision": "approve", "page": "1"}
    )

    assert response.status_code == 302
    assert response.url.endswith(f"/{run.pk}/change/?page=1#proposals")
    small.refresh_from_db()
    assert small.output_price == Decimal("2.1")
    assert small.reviewed_by == editor
    kept.refresh_from_db()
    assert kept.status == ProposedChange.Status.OPEN

    editor_client.post(url, {"model": large.model_id, "decision": "reject"})
    kept.refresh_from_db()
    assert kept.status == ProposedChange.Status.REJECTED


@pytest.mark.parametrize(
    "data", [{"model": "x", "decision": "approve"}, {"model": "1", "decision": "apply"}, {}]
)
def test_a_bad_decision_gets_a_400(editor_client, run, data):
    url = reverse("admin:catalog_syncrun_proposals", args=[run.pk])

    assert editor_client.post(url, data).status_code == 400
    assert editor_client.get(url).status_code == 405


@pytest.mark.parametrize("models", [3, 30], ids=["3 models", "30 models"])
def test_the_run_page_makes_as_many_queries_for_any_number_of_proposals(
    editor_client, run, propose, make_model, make_provider, make_route, models
):
    host = make_provider("Host")
    for index in range(models):
        route = make_route(make_model(f"M{index:03}"), host, 1, 2)
        propose(route, "3", index)
        propose(route, "4", index + 1, field="input_price")

    url = reverse("admin:catalog_syncrun_change", args=[run.pk])
    editor_client.get(url)  # warm: the content types' cache
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(url)

    assert response.status_code == 200
    assert "What this run proposes to reviewed records, by model" in response.text
    assert reverse("admin:comparisons_modeltoreview_change", args=[route.model_id]) in response.text
    assert len(queries) == RUN_PAGE_QUERIES


RUN_PAGE_QUERIES = 13
