"""Merging two records of one model (a sync, or two editors, brought it in twice): the
survivor takes the other's routes, scores, source identities, capability statements and
history, and the other's address answers 301 to the survivor's from then on."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import Signal

from catalog.models import (
    SCORE_SETTING,
    BenchmarkScore,
    LanguageModel,
    ModelCapability,
    ModelRedirect,
    Route,
)
from catalog.sync.models import ModelStatement, ProposedChange, SourceIdentity

# Sent inside the merge's transaction with `survivor` and `loser` (still in the database):
# apps that point at models (the comparisons' featured pairs) move their pointers.
models_merged = Signal()


class MergeError(ValueError):
    """Why two records cannot be merged; the admin shows it."""


@transaction.atomic
def merge_models(survivor: LanguageModel, loser: LanguageModel) -> LanguageModel:
    if survivor.pk == loser.pk:
        raise MergeError("Pick two different models to merge.")
    model_type = ContentType.objects.get_for_model(LanguageModel)
    route_type = ContentType.objects.get_for_model(Route)

    kept = {(route.provider_id, *route.place): route for route in survivor.routes.all()}
    history = Route.history.model.objects
    for route in loser.routes.all():
        twin = kept.get((route.provider_id, *route.place))
        if twin is None:
            route.model = survivor
            route.save()
            history.filter(id=route.pk).update(model_id=survivor.pk)
            continue
        # The survivor has this route already: its history and identities join the twin's.
        history.filter(id=route.pk).update(id=twin.pk, model_id=survivor.pk)
        SourceIdentity.objects.filter(content_type=route_type, object_id=route.pk).update(
            object_id=twin.pk
        )
        ProposedChange.objects.filter(content_type=route_type, object_id=route.pk).delete()
        Route.objects.filter(pk=route.pk).delete()

    # A score moves unless the survivor has one on the same benchmark, run the same way.
    scored = set(survivor.scores.values_list("benchmark_id", *SCORE_SETTING))
    moving = [
        pk
        for pk, *setting in BenchmarkScore.objects.filter(model=loser).values_list(
            "pk", "benchmark_id", *SCORE_SETTING
        )
        if tuple(setting) not in scored
    ]
    BenchmarkScore.objects.filter(pk__in=moving).update(model=survivor)
    stated = {row.capability_id: row for row in ModelCapability.objects.filter(model=survivor)}
    for row in ModelCapability.objects.filter(model=loser):
        mine = stated.get(row.capability_id)
        if mine is None:
            ModelCapability.objects.filter(pk=row.pk).update(model=survivor)
        elif mine.support == ModelCapability.Support.UNKNOWN:
            mine.support = row.support
            mine.save(update_fields=["support"])
    survivor.decision_tags.add(*loser.decision_tags.all())

    SourceIdentity.objects.filter(content_type=model_type, object_id=loser.pk).update(
        object_id=survivor.pk
    )
    ProposedChange.objects.filter(content_type=model_type, object_id=loser.pk).delete()
    ProposedChange.objects.filter(model=loser).update(model=survivor)
    ModelStatement.objects.filter(model=loser).update(model=survivor)
    ModelRedirect.objects.filter(model=loser).update(model=survivor)
    ModelRedirect.objects.update_or_create(old_slug=loser.slug, defaults={"model": survivor})
    models_merged.send(sender=LanguageModel, survivor=survivor, loser=loser)
    loser.delete()
    survivor.save()  # its pages changed: a new version and updated_at
    return survivor
