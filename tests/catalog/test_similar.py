"""The similar-models ranking (catalog/similar.py): the pure ranking, its stored lists, and
how a change queues their refresh; and the catalog version that moves with every change
(catalog/changes.py)."""

import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction

from catalog.changes import (
    catalog_changed,
    catalog_version,
    changes_deferred,
)
from catalog.facts import ModelFacts
from catalog.models import CatalogState, LanguageModel, ModelFamily, Route, SimilarModel
from catalog.similar import (
    Candidate,
    price_class_of,
    published_candidates,
    rank_similar,
    refresh_similar,
    refresh_similar_models,
    similar_models,
)
from catalog.sync.identity import served_model_key


def candidate(pk, features, released_on=None, name=None):
    return Candidate(pk, name or f"M{pk}", released_on, features)


def test_more_shared_features_rank_first():
    models = [candidate(1, 0b111), candidate(2, 0b001), candidate(3, 0b011), candidate(4, 0)]
    assert rank_similar(models, keep=3)[1] == [3, 2, 4]


def test_ties_go_to_the_nearest_release_then_the_name_and_unknown_dates_last():
    day = date(2026, 1, 10)
    models = [
        candidate(1, 0b1, day),
        candidate(2, 0b1, date(2026, 1, 30), "Zed"),
        candidate(3, 0b1, None, "Alpha"),
        candidate(4, 0b1, date(2026, 1, 1), "Beta"),
        candidate(5, 0b1, date(2025, 12, 31), "Aardvark"),  # 10 days, as Beta+1: 10 vs 9
        candidate(6, 0b1, date(2026, 1, 20), "Able"),  # 10 days before or after: by name
    ]
    assert rank_similar(models, keep=5)[1] == [4, 5, 6, 2, 3]


def test_a_model_without_a_release_date_ranks_its_ties_by_name():
    models = [
        candidate(1, 0b1),
        candidate(2, 0b1, date(2026, 1, 1), "B"),
        candidate(3, 0b1, None, "A"),
    ]
    assert rank_similar(models, keep=2)[1] == [3, 2]


def test_a_serving_variant_of_the_model_is_never_its_neighbour():
    # The real catalog's Cloudflare entry "Llama 3.3 70B Instruct FP8 Fast" is Llama 3.3 70B
    # Instruct served quantised: listing it as "a model like this one" says nothing new.
    names = ["Llama 3.3 70B Instruct", "Llama 3.3 70B Instruct FP8 Fast", "Llama 3.1 70B Instruct"]
    assert served_model_key(names[0]) == served_model_key(names[1]) != served_model_key(names[2])
    assert served_model_key("Grok 4 Fast") != served_model_key("Grok 4")  # xAI's model of its own
    models = [
        Candidate(pk, name, None, 0b1, served_model_key(name)) for pk, name in enumerate(names, 1)
    ]
    assert rank_similar(models, keep=5) == {1: [3], 2: [3], 3: [1, 2]}


@pytest.mark.django_db
def test_the_same_family_ranks_before_more_shared_capabilities(make_model):
    family = ModelFamily.objects.create(name="Qwen3.5", slug="qwen3-5")
    everything = ["tool-use", "structured-outputs", "vision"]
    small = make_model("Qwen3.5 Small", family=family)
    large = make_model("Qwen3.5 Large", family=family, capabilities=everything)
    stranger = make_model("Stranger", capabilities=everything)
    candidates = {c.pk: c for c in published_candidates()}
    ranked = rank_similar(list(candidates.values()), keep=2)
    assert ranked[large.pk] == [small.pk, stranger.pk]


def test_keep_bounds_each_list_and_no_model_is_its_own_neighbour():
    models = [candidate(pk, pk % 4) for pk in range(1, 30)]
    ranked = rank_similar(models, keep=5)
    assert all(len(others) == 5 and pk not in others for pk, others in ranked.items())


@pytest.mark.django_db
def test_pages_read_the_stored_ranking_without_the_unpublished(reference_catalog):
    catalog = reference_catalog
    refresh_similar_models()
    spark = ModelFacts(name=catalog.spark.name, slug=catalog.spark.slug)

    everyone = similar_models(spark, [catalog.spark.slug], 5)
    LanguageModel.objects.filter(pk=catalog.qwen.pk).update(is_published=False)

    assert {slug for _, slug in everyone} == {catalog.qwen.slug, catalog.ling.slug}
    assert similar_models(spark, [catalog.spark.slug], 5) == [
        (catalog.ling.name, catalog.ling.slug)
    ]
    assert SimilarModel.objects.filter(model=catalog.spark).count() == 2


@pytest.mark.django_db
def test_a_committed_change_to_what_ranks_marks_the_ranking_stale_and_queues_its_refresh(
    reference_catalog, django_capture_on_commit_callbacks, monkeypatch
):
    refresh_similar_models()
    queued = []
    monkeypatch.setattr(
        "catalog.similar.refresh_similar", SimpleNamespace(enqueue=lambda: queued.append("refresh"))
    )
    route = Route.objects.filter(model=reference_catalog.spark).first()
    with django_capture_on_commit_callbacks(execute=True):
        route.save()  # a route's price does not rank
    assert (CatalogState.objects.get().similar_stale, queued) == (False, [])

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for model in (reference_catalog.spark, reference_catalog.qwen):
            model.released_on = date(2020, 1, 1)
            model.save()

    assert CatalogState.objects.get().similar_stale
    assert queued  # the refresh, queued once the change committed
    monkeypatch.undo()
    assert refresh_similar.call() is not None  # it ran
    assert refresh_similar.call() is None  # fresh: a second queued refresh does nothing
    assert not CatalogState.objects.get().similar_stale


@pytest.mark.django_db
def test_every_write_moves_the_version_and_a_deferred_block_moves_it_once(reference_catalog):
    start = catalog_version()
    reference_catalog.spark.save()
    LanguageModel.objects.filter(pk=reference_catalog.qwen.pk).update(name="Qwen renamed")
    assert catalog_version() == start + 2

    with changes_deferred():
        reference_catalog.spark.save()
        reference_catalog.ling.save()
        assert catalog_version() == start + 2
    assert catalog_version() == start + 3

    def failing_run():
        with changes_deferred():
            reference_catalog.spark.save()
            raise RuntimeError("the run failed: nothing moves")

    with pytest.raises(RuntimeError):
        failing_run()
    assert catalog_version() == start + 3


@pytest.mark.django_db
def test_the_version_starts_from_nothing():
    CatalogState.objects.all().delete()
    assert catalog_version() == 0
    catalog_changed([])
    assert catalog_version() == 1


@pytest.mark.django_db
def test_the_command_ranks_a_catalog_never_ranked(reference_catalog):
    SimilarModel.objects.all().delete()
    out = io.StringIO()

    call_command("refresh_similar", stdout=out)

    assert SimilarModel.objects.filter(model=reference_catalog.spark).count() == 2
    assert "3 models' lists replaced" in out.getvalue()


def test_price_classes():
    assert [price_class_of(price) for price in (None, Decimal("0.6"), Decimal(5), Decimal(75))] == [
        None,
        0,
        2,
        3,
    ]


@pytest.mark.django_db
def test_the_same_class_of_price_ranks_before_a_shared_capability(
    make_model, make_provider, make_route
):
    """The real catalog's Claude Haiku 4.5 ($5 output) was offered Nemotron Nano 12B v2 VL
    (a few cents) for sharing vision and reasoning: a model of its price class comes first."""
    host = make_provider("Host")
    haiku = make_model("Claude Haiku 4.5", capabilities=["vision", "reasoning"])
    peer = make_model("Peer 1")
    nano = make_model("Nano 12B", capabilities=["vision", "reasoning"])
    for model, output in ((haiku, "5"), (peer, "8"), (nano, "0.2")):
        make_route(model, host, "0.1", output)
    ranked = rank_similar(published_candidates(), keep=2)
    assert ranked[haiku.pk] == [peer.pk, nano.pk]
