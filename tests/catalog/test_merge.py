"""Merging two records of one model: everything moves to the survivor, the other's address
answers 301, featured pairs follow, and editors do it from the models list."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from catalog.merge import MergeError, merge_models
from catalog.models import LanguageModel, ModelCapability, Route
from catalog.sync.models import SourceIdentity
from comparisons.models import FeaturedComparison

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(make_model, make_provider, make_route):
    """Kimi K2.5 typed by an editor, and again as a sync named it, with routes on a shared
    provider (re-priced, so it has history) and one of its own."""
    kept = make_model("Kimi K2.5", capabilities=["vision"])
    extra = make_model("Kimi-K2.5 (synced)", capabilities=["reasoning", "vision"])
    shared, own = make_provider("Novita AI"), make_provider("Abacus")
    make_route(kept, shared, "0.6", "2.5")
    twin = make_route(extra, shared, "0.6", "3")
    twin.output_price = Decimal("2.8")
    twin.save()
    make_route(extra, own, "0.7", "2.8")
    SourceIdentity.objects.create(
        source="modelsdev",
        external_id="moonshotai/kimi-k2.5",
        content_type=ContentType.objects.get_for_model(LanguageModel),
        object_id=extra.pk,
    )
    return kept, extra


def test_the_survivor_takes_routes_identities_capabilities_and_history(twins):
    kept, extra = twins
    extra_slug = extra.slug

    merge_models(kept, extra)

    assert not LanguageModel.objects.filter(slug=extra_slug).exists()
    providers = sorted(kept.routes.values_list("provider__name", flat=True))
    assert providers == ["Abacus", "Novita AI"]  # the shared provider's route once
    novita = kept.routes.get(provider__name="Novita AI")
    assert novita.output_price == Decimal("2.5")  # the survivor's own price stays
    # The twin's price history joined the survivor's route.
    assert Decimal("2.8") in set(novita.history.values_list("output_price", flat=True))
    identity = SourceIdentity.objects.get(external_id="moonshotai/kimi-k2.5")
    assert identity.object_id == kept.pk
    support = dict(kept.capability_support.values_list("capability__slug", "support"))
    assert support == {"vision": "yes", "reasoning": "yes"}


def test_the_merged_address_answers_301_to_the_survivor(client, twins):
    kept, extra = twins
    old = extra.get_absolute_url()

    merge_models(kept, extra)

    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()
    assert client.get("/models/never-was/").status_code == 404


def test_a_featured_pair_follows_the_survivor(twins, make_model):
    kept, extra = twins
    other = make_model("GPT-5")
    follows = FeaturedComparison.objects.create(model_a=extra, model_b=other, blurb="b")
    itself = FeaturedComparison.objects.create(model_a=extra, model_b=kept, blurb="c")

    merge_models(kept, extra)

    follows.refresh_from_db()
    assert {follows.model_a, follows.model_b} == {kept, other}
    assert not FeaturedComparison.objects.filter(pk=itself.pk).exists()


def test_a_model_cannot_merge_into_itself(twins):
    kept, _ = twins
    with pytest.raises(MergeError):
        merge_models(kept, kept)


def test_an_editor_merges_from_the_models_list(editor_client, twins):
    kept, extra = twins
    url = "/admin/catalog/languagemodel/"
    selected = {"action": "merge_models", "_selected_action": [kept.pk, extra.pk]}

    confirm = editor_client.post(url, selected)
    assert confirm.status_code == 200
    assert "Which record stays?" in confirm.content.decode()
    assert LanguageModel.objects.filter(pk=extra.pk).exists()  # nothing merged yet

    done = editor_client.post(url, {**selected, "survivor": kept.pk}, follow=True)

    assert done.status_code == 200
    assert not LanguageModel.objects.filter(pk=extra.pk).exists()
    assert Route.objects.filter(model=kept).count() == 2
    assert "now answers 301" in done.content.decode()


def test_merging_needs_two_models(editor_client, twins):
    kept, _ = twins
    response = editor_client.post(
        "/admin/catalog/languagemodel/",
        {"action": "merge_models", "_selected_action": [kept.pk]},
        follow=True,
    )
    assert "Select exactly two models to merge." in response.content.decode()


def test_editors_publish_and_unpublish_from_the_list(editor_client, twins):
    kept, extra = twins
    url = "/admin/catalog/languagemodel/"
    editor_client.post(url, {"action": "unpublish", "_selected_action": [kept.pk, extra.pk]})
    assert not LanguageModel.objects.filter(is_published=True).exists()
    editor_client.post(url, {"action": "publish", "_selected_action": [extra.pk]})
    assert list(LanguageModel.objects.filter(is_published=True)) == [extra]
    assert ModelCapability.objects.filter(model=kept).exists()
