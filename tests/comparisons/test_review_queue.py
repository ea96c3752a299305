"""The editors' review queue (comparisons/review_queue.py) and each model's review page
(comparisons/admin.py, catalog/review.py): the order by reach, the filters and counts, the
next model, and every action of the page, as an editor uses them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from catalog.models import Benchmark, BenchmarkScore, LanguageModel, ModelFamily, Route
from catalog.review import route_rows
from catalog.sync.models import (
    ProposedChange,
    ProposedMatch,
    RouteStatement,
    SourceIdentity,
    SyncRun,
)
from comparisons import review_queue
from comparisons.models import FeaturedComparison

pytestmark = pytest.mark.django_db

QUEUE_URL = reverse("admin:comparisons_modeltoreview_changelist")


def review_url(model):
    return reverse("admin:comparisons_modeltoreview_change", args=[model.pk])


@pytest.fixture
def queue_catalog(make_model, make_provider, make_route):
    """Wide: served by three providers, not in the sitemap. Known: one provider, reviewed
    (in the sitemap). Paired: one provider, never reviewed, featured with Known. Alone:
    one provider, nothing else. Hidden: unpublished."""
    providers = [make_provider(f"Host {n}") for n in range(3)]
    models = {
        "wide": make_model("Wide"),
        "known": make_model("Known", reviewed_at=timezone.now()),
        "paired": make_model("Paired"),
        "alone": make_model("Alone"),
        "hidden": make_model("Hidden", is_published=False),
    }
    for provider in providers:
        make_route(models["wide"], provider, 1, 2)
    for name in ("known", "paired", "alone", "hidden"):
        make_route(models[name], providers[0], 1, 2)
    FeaturedComparison.objects.create(model_a=models["paired"], model_b=models["known"])
    return models


def names(queryset):
    return [model.name for model in queryset]


def test_the_queue_is_ordered_by_providers_then_sitemap_then_pairs(queue_catalog):
    rows = list(review_queue.queue())

    assert names(rows) == ["Wide", "Known", "Paired", "Alone"]
    assert [(m.providers, m.in_sitemap, m.in_pair) for m in rows] == [
        (3, False, False),
        (1, True, True),
        (1, False, True),
        (1, False, False),
    ]


def test_a_family_makes_a_related_pair(queue_catalog):
    family = ModelFamily.objects.create(name="Solo", slug="solo")
    LanguageModel.objects.filter(name__in=["Alone", "Wide"]).update(family=family)

    assert {m.name: m.in_pair for m in review_queue.queue()}["Alone"]


def test_sources_differ_on_a_fact_or_on_a_routes_price(queue_catalog):
    LanguageModel.objects.filter(name="Alone").update(
        fact_disputes={"context_window": [{"value": 8192, "sources": ["models.dev: X"]}]}
    )
    route = Route.objects.get(model__name="Paired")
    RouteStatement.objects.create(
        source="openrouter", route=route, input_price=Decimal(1), output_price=Decimal(3)
    )
    agreeing = Route.objects.get(model__name="Known")
    RouteStatement.objects.create(
        source="openrouter", route=agreeing, input_price=Decimal(1), output_price=Decimal(2)
    )

    assert names(review_queue.queue().filter(sources_differ=True)) == ["Paired", "Alone"]


def test_a_price_neither_side_states_is_no_difference(queue_catalog, make_provider, make_route):
    """As the review page reads it (catalog/review.py): equal, or unstated on both sides."""
    unpriced_input = make_route(queue_catalog["alone"], make_provider("Host X"), None, 2)
    RouteStatement.objects.create(
        source="openrouter", route=unpriced_input, input_price=None, output_price=Decimal(2)
    )
    known = Route.objects.get(model__name="Known")
    RouteStatement.objects.create(
        source="openrouter", route=known, input_price=None, output_price=Decimal(2)
    )

    assert names(review_queue.queue().filter(sources_differ=True)) == ["Known"]
    assert [row.differ for row in route_rows([unpriced_input])] == [False]


def test_review_due_is_never_reviewed_or_over_ninety_days(queue_catalog):
    LanguageModel.objects.filter(name="Alone").update(
        reviewed_at=timezone.now() - timedelta(days=91)
    )
    due = review_queue.queue().filter(review_queue.review_due_condition())

    # Alone, reviewed once, is in the sitemap: before Paired, which is not.
    assert names(due) == ["Wide", "Alone", "Paired"]


def test_price_changed_since_the_review_by_more_than_n_percent(queue_catalog):
    """Known was reviewed at $2 output; its route is now $2.60 (+30 %)."""
    known = queue_catalog["known"]
    LanguageModel.objects.filter(pk=known.pk).update(reviewed_at=timezone.now() - timedelta(days=1))
    route = Route.objects.get(model=known)
    route.history.update(history_date=timezone.now() - timedelta(days=2))
    route.output_price = Decimal("2.60")
    route.save()

    def changed(percent):
        return names(review_queue.queue().filter(review_queue.price_changed_condition(percent)))

    assert changed(10) == ["Known"]
    assert changed(25) == ["Known"]
    assert changed(50) == []


def test_new_since_the_last_sync_is_what_its_latest_run_made(queue_catalog):
    started = timezone.now() - timedelta(hours=1)
    SyncRun.objects.create(
        source="modelsdev",
        location="x",
        status=SyncRun.Status.SUCCEEDED,
        started_at=started,
        finished_at=started + timedelta(minutes=5),
    )
    LanguageModel.objects.filter(name="Paired").update(created_at=started + timedelta(minutes=1))
    LanguageModel.objects.exclude(name="Paired").update(created_at=started - timedelta(days=3))

    assert names(review_queue.queue().filter(review_queue.new_since_last_sync_condition())) == [
        "Paired"
    ]


def test_the_counts_split_the_published_models_by_why_they_are_in_the_sitemap(queue_catalog):
    LanguageModel.objects.filter(name="Paired").update(corroborated_by=2)

    assert review_queue.sitemap_counts() == {
        "total": 4,
        "reviewed": 1,
        "corroborated_only": 1,
        "neither": 2,
    }


def test_the_next_model_is_the_next_due_in_the_queues_order_round_to_the_start(queue_catalog):
    wide, known, paired, alone = (queue_catalog[n] for n in ("wide", "known", "paired", "alone"))

    assert review_queue.next_in_queue(wide.pk) == paired.pk  # Known is reviewed
    assert review_queue.next_in_queue(alone.pk) == wide.pk
    LanguageModel.objects.exclude(pk=alone.pk).update(reviewed_at=timezone.now())
    assert review_queue.next_in_queue(alone.pk) is None


def test_the_queue_lists_its_counts_and_models(editor_client, queue_catalog):
    response = editor_client.get(QUEUE_URL)

    assert response.status_code == 200
    assert names(response.context["cl"].result_list) == ["Wide", "Known", "Paired", "Alone"]
    assert "in the sitemap: <strong>1</strong> reviewed by an editor" in response.text
    for query in ["sources=differ", "new=since-sync", "price_changed=10", "review=due"]:
        assert editor_client.get(f"{QUEUE_URL}?{query}").status_code == 200


@pytest.fixture
def reviewed_with_a_proposal(queue_catalog, make_provider):
    """Known, reviewed, whose route a sync proposes to re-price, and an entry that may be it."""
    known = queue_catalog["known"]
    route = Route.objects.get(model=known)
    proposal = ProposedChange.objects.create(
        content_type=ContentType.objects.get_for_model(Route),
        object_id=route.pk,
        field="output_price",
        kind=ProposedChange.Kind.PRICE,
        ours="2",
        theirs="2.5",
        change_percent=Decimal(25),
        source="openrouter",
        model=known,
    )
    match = ProposedMatch.objects.create(
        source="openrouter",
        external_id="known/known-preview",
        name="Known Preview",
        reason="a model of that name at another maker",
        candidate=known,
    )
    return known, route, proposal, match


def test_the_review_page_shows_facts_routes_proposals_and_questions(
    editor_client, reviewed_with_a_proposal
):
    known, route, proposal, match = reviewed_with_a_proposal

    response = editor_client.get(review_url(known))

    assert response.status_code == 200
    assert [row.fact for row in response.context["route_rows"]] == ["Price at Host 0"]
    assert response.context["proposals"] == [proposal]
    assert response.context["matches"] == [match]
    assert "Approve" in response.text
    assert "Link to Known" in response.text


def test_approving_a_proposal_on_the_page_applies_it(
    editor, editor_client, reviewed_with_a_proposal
):
    known, route, proposal, _ = reviewed_with_a_proposal

    response = editor_client.post(review_url(known), {"action": "approve", "proposal": proposal.pk})

    assert response.status_code == 302
    assert response.url == review_url(known)
    route.refresh_from_db()
    assert route.output_price == Decimal("2.5")
    assert route.reviewed_by == editor
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.APPROVED


def test_rejecting_and_linking_on_the_page(editor_client, reviewed_with_a_proposal):
    known, _, proposal, match = reviewed_with_a_proposal

    editor_client.post(review_url(known), {"action": "reject", "proposal": proposal.pk})
    editor_client.post(review_url(known), {"action": "link", "match": match.pk})

    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.REJECTED
    assert SourceIdentity.objects.filter(
        source="openrouter", external_id="known/known-preview", object_id=known.pk
    ).exists()


def test_an_entry_that_is_not_this_model_loses_it_as_candidate(
    editor_client, reviewed_with_a_proposal
):
    known, _, _, match = reviewed_with_a_proposal

    response = editor_client.post(
        review_url(known), {"action": "not-this-model", "match": match.pk}
    )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.candidate is None
    assert match.status == ProposedMatch.Status.OPEN
    assert editor_client.get(review_url(known)).context["matches"] == []


def test_reviewing_the_whole_model_stamps_it_its_routes_and_scores(
    editor, editor_client, queue_catalog
):
    wide = queue_catalog["wide"]
    benchmark = Benchmark.objects.create(name="Bench", slug="bench")
    BenchmarkScore.objects.create(model=wide, benchmark=benchmark, value=50)

    response = editor_client.post(review_url(wide), {"action": "review-model", "then": "next"})

    assert response.url == review_url(queue_catalog["paired"])  # the next one due
    wide.refresh_from_db()
    assert wide.reviewed_by == editor
    assert all(r.reviewed_by == editor for r in Route.objects.filter(model=wide))
    assert BenchmarkScore.objects.get(model=wide).reviewed_by == editor


def test_reviewing_one_row_stamps_its_record_only(editor, editor_client, queue_catalog):
    wide = queue_catalog["wide"]
    first, *others = Route.objects.filter(model=wide).order_by("pk")

    editor_client.post(review_url(wide), {"action": "review-row", "record": f"route:{first.pk}"})

    first.refresh_from_db()
    wide.refresh_from_db()
    assert first.reviewed_by == editor
    assert wide.reviewed_at is None
    assert all(Route.objects.get(pk=r.pk).reviewed_at is None for r in others)


@pytest.mark.parametrize(
    "data",
    [
        {"action": "delete-everything"},
        {"action": "review-row", "record": "route:abc"},
        {"action": "approve", "proposal": "999999"},
        {"action": "link", "match": "x"},
    ],
)
def test_a_bad_action_gets_a_400_that_says_what_is_wrong(editor_client, queue_catalog, data):
    response = editor_client.post(review_url(queue_catalog["wide"]), data)

    assert response.status_code == 400
    assert response.content


def test_a_route_of_another_model_is_not_reviewed_from_this_page(editor_client, queue_catalog):
    other = Route.objects.get(model=queue_catalog["alone"])

    response = editor_client.post(
        review_url(queue_catalog["wide"]), {"action": "review-row", "record": f"route:{other.pk}"}
    )

    assert response.status_code == 400
    other.refresh_from_db()
    assert other.reviewed_at is None


def test_an_unpublished_or_unknown_model_has_no_review_page(editor_client, queue_catalog):
    assert editor_client.get(review_url(queue_catalog["hidden"])).status_code in (302, 404)
    assert editor_client.get(
        reverse("admin:comparisons_modeltoreview_change", args=[999999])
    ).status_code in (302, 404)


def test_staff_without_the_permission_may_not_act(client, django_user_model, queue_catalog):
    staff = django_user_model.objects.create_user(
        "visitor", password="x-long-pass-1", is_staff=True
    )
    client.force_login(staff)

    assert client.get(QUEUE_URL).status_code == 403
    assert (
        client.post(review_url(queue_catalog["wide"]), {"action": "review-model"}).status_code
        == 403
    )


@pytest.mark.parametrize("extra", [0, 40], ids=["small", "larger"])
def test_the_queue_and_review_page_make_as_many_queries_at_any_size(
    editor_client, reviewed_with_a_proposal, grow_catalog, extra
):
    if extra:
        grow_catalog(extra)
    known = reviewed_with_a_proposal[0]
    editor_client.get(review_url(known))  # warm: the content types' cache

    with CaptureQueriesContext(connection) as queue_queries:
        assert editor_client.get(QUEUE_URL).status_code == 200
    with CaptureQueriesContext(connection) as page_queries:
        assert editor_client.get(review_url(known)).status_code == 200

    assert (len(queue_queries), len(page_queries)) == (QUEUE_QUERIES, REVIEW_PAGE_QUERIES)


# Whatever the catalog's size: the review page reads the model, its statements,
# capabilities, routes with their statements, scores, proposals with their records,
# identity questions and the next model due, each in one query.
QUEUE_QUERIES = 8
REVIEW_PAGE_QUERIES = 16
