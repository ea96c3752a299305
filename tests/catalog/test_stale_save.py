"""Two editors saving the same record from stale forms must not overwrite each other silently.

Every POST here is built from the form the admin rendered (hidden `loaded_version`,
inline management forms and all), the way a browser would send it.
"""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from catalog.models import DecisionTag, Route

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(make_model, make_provider, make_route):
    return make_route(make_model("Qwen3.5-122B-A10B"), make_provider("OpenRouter"), 0.26, 2.08)


@pytest.fixture
def two_editors(editor_client, make_editor_client):
    return editor_client, make_editor_client("grace")


def change_url(obj):
    return f"/admin/catalog/{obj._meta.model_name}/{obj.pk}/change/"


def open_form(client, form_data, obj):
    return form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")


def refusal(response):
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    return errors[0]


def test_stale_route_save_is_refused_then_kept_on_purpose(two_editors, form_data, route):
    first, second = two_editors
    first_form = open_form(first, form_data, route)
    second_form = open_form(second, form_data, route)

    first_form["output_price"] = ["2.50"]
    assert first.post(change_url(route), first_form).status_code == 302
    second_form["output_price"] = ["3.00"]
    response = second.post(change_url(route), second_form)

    assert response.status_code == 200
    message = refusal(response)
    assert "Someone else saved this record" in message
    assert "Nothing was saved" in message
    assert "Output price: saved “2.500000”, yours “3.00”" in message
    route.refresh_from_db()
    assert route.output_price == Decimal("2.50")

    rerendered = form_data(response, "route_form")
    assert rerendered["output_price"] == ["3.00"]
    assert rerendered["loaded_version"] == [str(route.version)]

    assert second.post(change_url(route), rerendered).status_code == 302
    route.refresh_from_db()
    assert route.output_price == Decimal("3.00")


def test_stale_model_save_lists_every_difference(two_editors, form_data, make_model):
    model = make_model("Qwen3.5-122B-A10B", best_for="reasoning-heavy apps")
    first, second = two_editors
    first_form = open_form(first, form_data, model)
    second_form = open_form(second, form_data, model)

    first_form["context_window"] = ["262144"]
    first_form["decision_tags"] = [
        str(tag.pk) for tag in DecisionTag.objects.filter(name__in=["Coding", "RAG"])
    ]
    assert first.post(change_url(model), first_form).status_code == 302
    second_form["best_for"] = ["reasoning-heavy apps, multimodal apps, and tool-calling agents"]
    response = second.post(change_url(model), second_form)

    assert response.status_code == 200
    message = refusal(response)
    assert "Context window: saved “262144”, yours “131072”" in message
    assert "Decision tags: saved “Coding, RAG”, yours “(empty)”" in message
    assert (
        "Best for: saved “reasoning-heavy apps”, "
        "yours “reasoning-heavy apps, multimodal apps, and tool-calling agents”"
    ) in message
    model.refresh_from_db()
    assert (model.context_window, model.best_for) == (262_144, "reasoning-heavy apps")

    rerendered = form_data(response, "languagemodel_form")
    assert rerendered["best_for"] == [
        "reasoning-heavy apps, multimodal apps, and tool-calling agents"
    ]
    assert second.post(change_url(model), rerendered).status_code == 302
    model.refresh_from_db()
    # Saving again keeps everything the second editor's form holds, by their choice.
    assert model.best_for == "reasoning-heavy apps, multimodal apps, and tool-calling agents"
    assert model.context_window == 131_072
    assert not model.decision_tags.exists()


def routes_list(model):
    """The routes list filtered to `model`, where its routes are edited."""
    return f"/admin/catalog/route/?model={model.pk}"


def open_routes_list(client, form_data, model):
    return form_data(client.get(routes_list(model)), "changelist-form")


def save_routes_list(client, model, data):
    return client.post(routes_list(model), {**data, "_save": ["Save"]})


def test_stale_routes_list_row_is_refused(two_editors, form_data, route):
    """A route changed on its own page, then saved stale from its model's routes list."""
    first, second = two_editors
    routes_form = open_routes_list(second, form_data, route.model)
    route_form = open_form(first, form_data, route)

    route_form["output_price"] = ["2.50"]
    assert first.post(change_url(route), route_form).status_code == 302
    assert routes_form["form-0-id"] == [str(route.pk)]
    routes_form["form-0-output_price"] = ["1.99"]
    response = save_routes_list(second, route.model, routes_form)

    assert response.status_code == 200
    [row] = response.context["cl"].formset.forms
    [message] = row.non_field_errors()
    assert "Someone else saved this record" in message
    assert "Nothing was saved" in message
    # Only the fields that differ: not the row's id.
    assert message.count("saved “") == 1
    assert "Output price: saved “2.500000”, yours “1.99”" in message
    assert "Output price: saved “2.500000”, yours “1.99”" in response.content.decode()
    route.refresh_from_db()
    assert route.output_price == Decimal("2.50")

    rerendered = form_data(response, "changelist-form")
    assert rerendered["form-0-output_price"] == ["1.99"]
    assert rerendered["form-0-loaded_version"] == [str(route.version)]
    assert save_routes_list(second, route.model, rerendered).status_code == 302
    route.refresh_from_db()
    assert route.output_price == Decimal("1.99")


def test_stale_routes_list_with_an_untouched_row_saves_the_others_only(
    two_editors, form_data, route, make_provider, make_route
):
    """Opening a model's routes list while someone edits one of its routes is no conflict if
    you leave that row be: it is neither saved (writing its old values back) nor refused."""
    first, second = two_editors
    other = make_route(route.model, make_provider("Together"), 1, 2)
    routes_form = open_routes_list(second, form_data, route.model)
    route_form = open_form(first, form_data, route)

    route_form["output_price"] = ["2.50"]
    assert first.post(change_url(route), route_form).status_code == 302
    rows = {routes_form[f"form-{row}-id"][0]: row for row in (0, 1)}
    routes_form[f"form-{rows[str(other.pk)]}-output_price"] = ["1.75"]

    assert save_routes_list(second, route.model, routes_form).status_code == 302
    route.refresh_from_db()
    assert route.output_price == Decimal("2.50")
    other.refresh_from_db()
    assert other.output_price == Decimal("1.75")


def test_same_editor_saving_twice_is_not_stale(editor_client, form_data, route):
    for price in ("2.50", "2.60"):
        form = open_form(editor_client, form_data, route)
        form["output_price"] = [price]
        assert editor_client.post(change_url(route), form).status_code == 302

    route.refresh_from_db()
    assert route.output_price == Decimal("2.60")


def test_mark_reviewed_makes_open_forms_stale(editor, two_editors, form_data, route):
    """A form opened before the review, saved after it, would write the old stamp back."""
    first, second = two_editors
    second_form = open_form(second, form_data, route)

    first.post("/admin/catalog/route/", {"action": "mark_reviewed", "_selected_action": [route.pk]})
    second_form["output_price"] = ["2.50"]
    response = second.post(change_url(route), second_form)

    assert response.status_code == 200
    message = refusal(response)
    assert "Someone else marked this record as reviewed at" in message
    assert "Nothing was saved" in message
    reviewed = Route.objects.get()
    assert reviewed.output_price == Decimal("2.08")
    assert reviewed.reviewed_by == editor
    assert reviewed.version == route.version + 1

    # Saving again, on purpose, keeps the editor's value and the review stamp.
    assert second.post(change_url(route), form_data(response, "route_form")).status_code == 302
    saved = Route.objects.get()
    assert saved.output_price == Decimal("2.50")
    assert (saved.reviewed_at, saved.reviewed_by) == (reviewed.reviewed_at, editor)


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_publishing_makes_open_forms_stale(two_editors, form_data, make_model, action):
    model = make_model("Qwen3.5-122B-A10B", is_published=action == "unpublish")
    first, second = two_editors
    second_form = open_form(second, form_data, model)

    first.post("/admin/catalog/languagemodel/", {"action": action, "_selected_action": [model.pk]})
    second_form["best_for"] = ["tool-calling agents"]
    response = second.post(change_url(model), second_form)

    assert response.status_code == 200
    assert "Someone else saved this record" in refusal(response)
    model.refresh_from_db()
    assert model.is_published is (action == "publish")
    assert model.best_for != "tool-calling agents"


def test_mark_reviewed_moves_each_version_on(editor, route, make_provider, make_route):
    other = make_route(route.model, make_provider("Together"), 1, 2)
    Route.objects.filter(pk=other.pk).update(version=7)

    assert Route.objects.mark_reviewed(editor) == 2
    assert dict(Route.objects.values_list("pk", "version")) == {route.pk: 2, other.pk: 8}


# The version moves on in the UPDATE itself, not as a read-then-write in Python.


def test_two_saves_from_the_same_version_both_count(route):
    first, second = Route.objects.get(), Route.objects.get()
    assert first.version == second.version == 1

    first.output_price = Decimal("2.50")
    first.save()
    second.output_price = Decimal("3.00")
    second.save()

    # Each save reads back the version the database gave it.
    assert (first.version, second.version) == (2, 3)
    assert Route.objects.get().version == 3


def test_save_with_update_fields_moves_the_version_on(route):
    stale = Route.objects.get()
    Route.objects.get().save()

    stale.output_price = Decimal("2.50")
    stale.save(update_fields=["output_price"])

    assert stale.version == 3
    assert Route.objects.values_list("version", "output_price").get() == (3, Decimal("2.50"))


def test_creating_a_record_starts_at_version_one(route):
    assert route.version == 1
    assert Route.objects.get().version == 1


def test_a_failed_save_leaves_the_loaded_version(route, make_provider, make_route):
    twin = make_route(route.model, make_provider("Together"), 1, 2)
    twin.provider = route.provider  # one route per model and provider

    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()

    assert twin.version == 1
