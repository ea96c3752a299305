"""Featured comparisons: the pair rules the database enforces, and the editors' admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from catalog.editors import EDITORS_GROUP
from comparisons.models import FeaturedComparison

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:comparisons_featuredcomparison_add")
CHANGELIST_URL = reverse("admin:comparisons_featuredcomparison_changelist")


@pytest.fixture
def qwen(make_model, make_organization):
    return make_model("Qwen3.5-122B-A10B", organization=make_organization("Alibaba (Qwen)"))


@pytest.fixture
def spark(make_model, make_organization):
    return make_model("GPT-5.3-Codex-Spark", organization=make_organization("OpenAI"))


@pytest.fixture
def featured(qwen, spark):
    return FeaturedComparison.objects.create(model_a=qwen, model_b=spark, blurb="Coding vs MoE")


def change_url(comparison):
    return reverse("admin:comparisons_featuredcomparison_change", args=[comparison.pk])


def add_form_data(editor_client, form_data, model_a, model_b, **fields):
    data = form_data(editor_client.get(ADD_URL), "featuredcomparison_form")
    data.update({"model_a": [str(model_a.pk)], "model_b": [str(model_b.pk)], **fields})
    return data


def non_field_errors(response):
    return [str(error) for error in response.context["adminform"].form.non_field_errors()]


# The model and its constraints.


def test_pair_is_stored_in_canonical_order(qwen, spark):
    comparison = FeaturedComparison.objects.create(model_a=qwen, model_b=spark)

    comparison.refresh_from_db()
    assert (comparison.model_a, comparison.model_b) == (spark, qwen)
    assert str(comparison) == "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B"
    assert comparison.get_absolute_url() == ("/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/")


def test_database_refuses_a_model_featured_against_itself(qwen):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeaturedComparison.objects.create(model_a=qwen, model_b=qwen)


@pytest.mark.parametrize("swapped", [False, True], ids=["same-order", "swapped"])
def test_database_refuses_the_same_pair_twice(featured, swapped):
    a, b = featured.model_a, featured.model_b
    if swapped:
        a, b = b, a
    # bulk_create skips save(), so the canonical ordering does not help: the index must.
    with pytest.raises(IntegrityError), transaction.atomic():
        FeaturedComparison.objects.bulk_create([FeaturedComparison(model_a=a, model_b=b)])


def test_full_clean_names_both_mistakes(featured, qwen):
    duplicate = FeaturedComparison(model_a=featured.model_b, model_b=featured.model_a)
    with pytest.raises(ValidationError, match="already featured"):
        duplicate.full_clean()
    with pytest.raises(ValidationError, match="cannot be compared with itself"):
        FeaturedComparison(model_a=qwen, model_b=qwen).full_clean()


def test_shown_leaves_out_pairs_with_an_unpublished_model(featured, make_model, qwen):
    hidden = FeaturedComparison.objects.create(
        model_a=qwen, model_b=make_model("Kimi K2 Thinking", is_published=False)
    )

    assert list(FeaturedComparison.objects.shown()) == [featured]
    assert hidden in FeaturedComparison.objects.all()


# The admin.


def test_editor_opens_the_changelist_add_and_change_pages(editor_client, featured):
    for url in (CHANGELIST_URL, ADD_URL, change_url(featured)):
        assert editor_client.get(url).status_code == 200, url


def test_changelist_shows_the_pair_and_whether_it_is_on_the_home_page(editor_client, featured):
    response = editor_client.get(CHANGELIST_URL)

    content = response.content.decode()
    assert "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B" in content
    assert "Coding vs MoE" in content
    assert 'alt="True"' in content


def test_changelist_search_finds_a_pair(editor_client, featured):
    response = editor_client.get(CHANGELIST_URL, {"q": "qwen"})

    assert list(response.context["cl"].result_list) == [featured]


def test_editor_adds_a_pair_and_it_is_stored_in_canonical_order(
    editor_client, form_data, qwen, spark
):
    data = add_form_data(editor_client, form_data, qwen, spark, blurb=["Why compare"])

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302
    comparison = FeaturedComparison.objects.get()
    assert (comparison.model_a, comparison.model_b, comparison.blurb) == (
        spark,
        qwen,
        "Why compare",
    )


@pytest.mark.parametrize("swapped", [False, True], ids=["same-order", "swapped"])
def test_adding_the_same_pair_again_is_a_form_error(editor_client, form_data, featured, swapped):
    a, b = featured.model_a, featured.model_b
    if swapped:
        a, b = b, a

    response = editor_client.post(ADD_URL, add_form_data(editor_client, form_data, a, b))

    assert response.status_code == 200
    assert non_field_errors(response) == [
        "This pair is already featured (in one order or the other): change the existing "
        "entry instead."
    ]
    assert FeaturedComparison.objects.count() == 1


def test_a_model_against_itself_is_a_form_error(editor_client, form_data, qwen):
    response = editor_client.post(ADD_URL, add_form_data(editor_client, form_data, qwen, qwen))

    assert response.status_code == 200
    assert non_field_errors(response) == [
        "A model cannot be compared with itself: pick two different models."
    ]
    assert not FeaturedComparison.objects.exists()


def test_editor_changes_the_blurb_of_a_pair(editor_client, form_data, featured):
    url = change_url(featured)
    data = form_data(editor_client.get(url), "featuredcomparison_form")
    data["blurb"] = ["A sharper line"]

    response = editor_client.post(url, data)

    assert response.status_code == 302
    featured.refresh_from_db()
    assert featured.blurb == "A sharper line"


def test_editor_may_delete_a_pair(editor_client, featured):
    url = reverse("admin:comparisons_featuredcomparison_delete", args=[featured.pk])

    response = editor_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not FeaturedComparison.objects.exists()


def test_editors_group_has_every_permission_on_featured_comparisons():
    codenames = set(
        Group.objects.get(name=EDITORS_GROUP)
        .permissions.filter(content_type__app_label="comparisons")
        .values_list("codename", flat=True)
    )

    assert {
        "add_featuredcomparison",
        "change_featuredcomparison",
        "delete_featuredcomparison",
        "view_featuredcomparison",
    } <= codenames


@pytest.mark.parametrize("field_name", ["model_a", "model_b"])
def test_model_fields_autocomplete_in_the_admin(editor_client, qwen, spark, field_name):
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "comparisons",
            "model_name": "featuredcomparison",
            "field_name": field_name,
            "term": "qwen",
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Qwen3.5-122B-A10B"]
