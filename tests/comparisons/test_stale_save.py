"""The traffic defaults and the featured pairs: an editor saving a stale admin form is told
someone else saved meanwhile, and nothing is written (the curated records' guard, as in
tests/catalog/test_stale_save.py)."""

import pytest
from django.urls import reverse

from comparisons.models import FeaturedComparison, TrafficDefaults

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_editors(editor_client, make_editor_client):
    return editor_client, make_editor_client("grace")


@pytest.fixture
def featured(make_model):
    return FeaturedComparison.objects.create(
        model_a=make_model("GPT-5.3-Codex-Spark"),
        model_b=make_model("Qwen3.5-122B-A10B"),
        blurb="Coding vs MoE",
    )


def change_url(obj):
    return reverse(f"admin:comparisons_{obj._meta.model_name}_change", args=[obj.pk])


def open_form(client, form_data, obj):
    return form_data(client.get(change_url(obj)), f"{obj._meta.model_name}_form")


def refusal(response):
    [error] = response.context["adminform"].form.non_field_errors()
    return error


def test_stale_traffic_defaults_save_is_refused_then_kept_on_purpose(two_editors, form_data):
    defaults = TrafficDefaults.load()
    first, second = two_editors
    first_form = open_form(first, form_data, defaults)
    second_form = open_form(second, form_data, defaults)

    first_form["requests_per_month"] = ["2000000"]
    assert first.post(change_url(defaults), first_form).status_code == 302
    second_form["input_tokens"] = ["500"]
    response = second.post(change_url(defaults), second_form)

    assert response.status_code == 200
    message = refusal(response)
    assert "Someone else saved this record" in message
    assert "Nothing was saved" in message
    assert "Requests per month: saved “2000000”, yours “1000000”" in message
    assert "Input tokens per request: saved “400”, yours “500”" in message
    saved = TrafficDefaults.load()
    assert (saved.requests_per_month, saved.input_tokens) == (2_000_000, 400)

    rerendered = form_data(response, "trafficdefaults_form")
    assert rerendered["loaded_version"] == [str(saved.version)]
    assert second.post(change_url(defaults), rerendered).status_code == 302
    saved = TrafficDefaults.load()
    assert (saved.requests_per_month, saved.input_tokens) == (1_000_000, 500)


def test_stale_featured_comparison_save_is_refused(two_editors, form_data, featured):
    first, second = two_editors
    first_form = open_form(first, form_data, featured)
    second_form = open_form(second, form_data, featured)

    first_form["position"] = ["5"]
    assert first.post(change_url(featured), first_form).status_code == 302
    second_form["blurb"] = ["Two ways to ship code"]
    response = second.post(change_url(featured), second_form)

    assert response.status_code == 200
    message = refusal(response)
    assert "Someone else saved this record" in message
    assert "Position: saved “5”, yours “100”" in message
    assert "Blurb: saved “Coding vs MoE”, yours “Two ways to ship code”" in message
    featured.refresh_from_db()
    assert (featured.position, featured.blurb) == (5, "Coding vs MoE")


def test_same_editor_saving_a_featured_pair_twice_is_not_stale(editor_client, form_data, featured):
    for blurb in ("First line", "Second line"):
        form = open_form(editor_client, form_data, featured)
        form["blurb"] = [blurb]
        assert editor_client.post(change_url(featured), form).status_code == 302

    featured.refresh_from_db()
    assert (featured.blurb, featured.version) == ("Second line", 3)


@pytest.mark.parametrize("model", [TrafficDefaults, FeaturedComparison])
def test_two_saves_from_the_same_version_both_count(featured, model):
    TrafficDefaults.load()
    first, second = model.objects.get(), model.objects.get()

    first.save()
    second.save()

    assert (first.version, second.version) == (2, 3)
    assert model.objects.get().version == 3
