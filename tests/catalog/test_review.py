"""Review stamps change only when an editor says so; "review overdue" finds the stale ones."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission

from catalog.models import Benchmark, BenchmarkScore, LanguageModel, Organization, Provider, Route

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 14, 9, 30, tzinfo=UTC)
EARLIER = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def route(make_model, make_provider, make_route):
    return make_route(make_model("Qwen3.5-122B-A10B"), make_provider("OpenRouter"), 0.26, 2.08)


@pytest.fixture
def someone_else(django_user_model):
    return django_user_model.objects.create_user("grace", is_staff=True)


def change_url(obj):
    return f"/admin/catalog/{obj._meta.model_name}/{obj.pk}/change/"


def routes_list(model):
    """The routes list filtered to `model`, where its routes are edited."""
    return f"/admin/catalog/route/?model={model.pk}"


def change_form(client, form_data, obj):
    return form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")


# The "Mark as reviewed" action.


def test_action_stamps_the_selected_records(frozen, editor, editor_client, make_model):
    first, second, untouched = make_model("A"), make_model("B"), make_model("C")

    response = editor_client.post(
        "/admin/catalog/languagemodel/",
        {"action": "mark_reviewed", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert "Marked 2 record(s) as reviewed." in [str(m) for m in response.context["messages"]]
    for model in (first, second):
        model.refresh_from_db()
        assert (model.reviewed_at, model.reviewed_by) == (NOW, editor)
    untouched.refresh_from_db()
    assert (untouched.reviewed_at, untouched.reviewed_by) == (None, None)


@pytest.fixture
def one_of_each(make_organization, make_provider, make_model, make_route):
    organization = make_organization()
    provider = make_provider()
    model = make_model(organization=organization)
    benchmark = Benchmark.objects.create(name="SWE-bench Verified", slug="swe-bench-verified")
    return {
        Organization: organization,
        Provider: provider,
        LanguageModel: model,
        Route: make_route(model, provider, 1, 2),
        Benchmark: benchmark,
        BenchmarkScore: BenchmarkScore.objects.create(model=model, benchmark=benchmark, value=70),
    }


@pytest.mark.parametrize(
    "model_class",
    [Organization, Provider, LanguageModel, Route, Benchmark, BenchmarkScore],
    ids=lambda model_class: model_class._meta.model_name,
)
def test_action_is_on_every_curated_changelist(
    model_class, one_of_each, frozen, editor, editor_client
):
    obj = one_of_each[model_class]

    response = editor_client.post(
        f"/admin/catalog/{model_class._meta.model_name}/",
        {"action": "mark_reviewed", "_selected_action": [obj.pk]},
    )

    assert response.status_code == 302
    obj.refresh_from_db()
    assert (obj.reviewed_at, obj.reviewed_by) == (NOW, editor)


def test_action_needs_the_change_permission(frozen, client, django_user_model, make_organization):
    """Someone who may only look at records cannot vouch that they were checked."""
    organization = make_organization()
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_organization"))
    client.force_login(viewer)

    changelist = client.get("/admin/catalog/organization/")
    client.post(
        "/admin/catalog/organization/",
        {"action": "mark_reviewed", "_selected_action": [organization.pk]},
    )

    assert changelist.status_code == 200
    assert "mark_reviewed" not in changelist.content.decode()
    organization.refresh_from_db()
    assert organization.reviewed_at is None


# The "verified against source" checkbox.


def test_checkbox_on_the_change_form_stamps_the_record(
    frozen, editor, editor_client, form_data, make_model
):
    model = make_model()
    data = change_form(editor_client, form_data, model)
    data["verified_against_source"] = ["on"]

    response = editor_client.post(change_url(model), data)

    assert response.status_code == 302
    model.refresh_from_db()
    assert (model.reviewed_at, model.reviewed_by) == (NOW, editor)


def test_checkbox_on_the_route_form_stamps_the_route(
    frozen, editor, editor_client, form_data, route
):
    data = change_form(editor_client, form_data, route)
    data["verified_against_source"] = ["on"]

    response = editor_client.post(change_url(route), data)

    assert response.status_code == 302
    route.refresh_from_db()
    assert (route.reviewed_at, route.reviewed_by) == (NOW, editor)


def test_marking_one_route_of_a_models_routes_list_stamps_that_route_only(
    frozen, editor, editor_client, form_data, route, make_provider, make_route
):
    """The routes list of a model (its change form links to it) has no "verified" box on
    its rows: an editor marks a route reviewed with the action, and only that route."""
    model = route.model
    sibling = make_route(model, make_provider("Together"), 1, 2)
    url = routes_list(model)
    data = form_data(editor_client.get(url), "changelist-form")
    assert not any(name.endswith("verified_against_source") for name in data)
    data["action"] = ["mark_reviewed"]
    data["_selected_action"] = [str(route.pk)]

    response = editor_client.post(url, data)

    assert response.status_code == 302
    route.refresh_from_db()
    assert (route.reviewed_at, route.reviewed_by) == (NOW, editor)
    assert route.output_price == Decimal("2.08")  # the action changes nothing else
    sibling.refresh_from_db()
    assert (sibling.reviewed_at, sibling.reviewed_by) == (None, None)
    model.refresh_from_db()
    assert (model.reviewed_at, model.reviewed_by) == (None, None)


def test_plain_save_leaves_the_review_stamp_as_it_was(
    frozen, someone_else, editor_client, form_data, make_model
):
    model = make_model(best_for="code generation")
    LanguageModel.objects.filter(pk=model.pk).mark_reviewed(someone_else, now=EARLIER)
    data = change_form(editor_client, form_data, model)
    data["best_for"] = ["custom coding agents, code generation, and tool loops"]

    response = editor_client.post(change_url(model), data)

    assert response.status_code == 302
    model.refresh_from_db()
    assert model.best_for == "custom coding agents, code generation, and tool loops"
    assert (model.reviewed_at, model.reviewed_by) == (EARLIER, someone_else)


def test_plain_save_leaves_a_never_reviewed_record_unreviewed(
    frozen, editor_client, form_data, route
):
    data = change_form(editor_client, form_data, route)
    data["output_price"] = ["2.50"]

    editor_client.post(change_url(route), data)

    route.refresh_from_db()
    assert route.output_price == 2.5
    assert (route.reviewed_at, route.reviewed_by) == (None, None)


def test_plain_save_of_a_routes_list_row_leaves_its_stamp(
    frozen, someone_else, editor_client, form_data, route
):
    Route.objects.filter(pk=route.pk).mark_reviewed(someone_else, now=EARLIER)
    url = routes_list(route.model)
    data = form_data(editor_client.get(url), "changelist-form")
    assert data["form-0-id"] == [str(route.pk)]
    data["form-0-output_price"] = ["2.50"]
    data["_save"] = ["Save"]

    response = editor_client.post(url, data)

    assert response.status_code == 302
    route.refresh_from_db()
    assert route.output_price == 2.5
    assert (route.reviewed_at, route.reviewed_by) == (EARLIER, someone_else)


# "Review overdue": never reviewed, or not within 90 days.


@pytest.fixture
def reviewed_models(frozen, someone_else, make_model):
    def reviewed(name, days_ago):
        model = make_model(name)
        if days_ago is not None:
            LanguageModel.objects.filter(pk=model.pk).mark_reviewed(
                someone_else, now=NOW - timedelta(days=days_ago)
            )
        return model

    return {
        "never": reviewed("Never", None),
        "91 days": reviewed("Ninety-one days", 91),
        "89 days": reviewed("Eighty-nine days", 89),
        "10 days": reviewed("Ten days", 10),
    }


def test_review_overdue_queryset(reviewed_models):
    overdue = set(LanguageModel.objects.review_overdue())

    assert overdue == {reviewed_models["never"], reviewed_models["91 days"]}


def test_review_overdue_property_agrees_with_the_queryset(reviewed_models):
    for model in reviewed_models.values():
        model.refresh_from_db()
    assert {name for name, m in reviewed_models.items() if m.review_overdue} == {
        "never",
        "91 days",
    }


def test_review_overdue_filter_on_the_changelist(reviewed_models, editor_client):
    response = editor_client.get("/admin/catalog/languagemodel/", {"review": "overdue"})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {
        reviewed_models["never"],
        reviewed_models["91 days"],
    }


def test_reviewed_recently_filter_on_the_changelist(reviewed_models, editor_client):
    response = editor_client.get("/admin/catalog/languagemodel/", {"review": "current"})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {
        reviewed_models["89 days"],
        reviewed_models["10 days"],
    }


def test_changelist_shows_when_each_record_was_reviewed(reviewed_models, editor_client):
    content = editor_client.get("/admin/catalog/languagemodel/").content.decode()

    assert '<span class="review-never">never</span>' in content
    assert "2026-02-12 (overdue)" in content  # 91 days before 2026-05-14
    assert "2026-05-04</td>" in content  # 10 days before: no mark
