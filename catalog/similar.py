"""The models most like a given one: the same family first, then the same class of price
and the most shared decision tags and supported capabilities, then the nearest release
date, then the name; never another
record of the same model, nor one of its serving variants ("… FP8 Fast"), which the
identity rules read as the same name (catalog/sync/identity.py).

Ranking a model against the whole catalog on every page view made each page cost more
as the catalog grew (a join of every model's capabilities and tags, 40-50 ms at 3,000
models). So the ranking is computed ahead, for every published model at once, and stored
(`SimilarModel`, the best RANKED_KEPT of each); a page reads its model's list in one
indexed query. A change that can reorder it (a model's publication, name or release
date, its capabilities or tags) marks the ranking stale (catalog/changes.py) and queues
`refresh_similar`, which a task worker runs; until then pages show the previous ranking,
less any model no longer published.
"""

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.tasks import task

from catalog.changes import catalog_changed
from catalog.dependencies import depends_on, record_key, set_key, table_key
from catalog.facts import ModelFacts
from catalog.models import CatalogState, LanguageModel, ModelCapability, SimilarModel
from catalog.sync import identity

logger = logging.getLogger(__name__)

# How many of each model's most similar models are stored: the model page shows 12 and
# asks for one more; a pair page leaves out the other model of the pair. The margin keeps
# lists full when a few of their models are unpublished before the next refresh.
RANKED_KEPT = 20
# How many shared features the same family counts for: more than every capability and
# decision tag together, so that a model's family comes first.
FAMILY_WEIGHT = 20
# A model's class of price: its output price (the maker's list price, else the cheapest
# per-token route's) under $1, under $5, under $20, or more, per 1M tokens. The same class
# counts as this many shared features.
PRICE_CLASSES = (Decimal(1), Decimal(5), Decimal(20))
PRICE_WEIGHT = 3


@dataclass(frozen=True)
class Candidate:
    """What the ranking knows of a model: its features as a bit set (one bit per
    supported capability, one per decision tag), its release date and its name."""

    pk: int
    name: str
    released_on: date | None
    features: int
    identity: str = ""  # its name as the identity rules read it: never ranked beside itself


def ranking_key(model: Candidate, other: Candidate, shared: int) -> tuple:
    """How `other` ranks for `model` (smaller first): more shared features, then the
    nearer release (unknown dates last; no date order at all when `model` has none),
    then the name."""
    if model.released_on is None:
        return (-shared, 0, other.name)
    if other.released_on is None:
        return (-shared, float("inf"), other.name)
    return (-shared, abs((other.released_on - model.released_on).days), other.name)


def rank_similar(candidates: Sequence[Candidate], keep: int) -> dict[int, list[int]]:
    """For each candidate, the pks of the `keep` others that rank first for it.

    Models with the same features share their counts of shared features, so those are
    counted once per distinct feature set (a bit count of two ints); then only the models
    sharing at least as many as the `keep`-th best are sorted in full, per model (the
    release date orders them differently for each).
    """
    groups: defaultdict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.features].append(candidate)
    profiles = list(groups)
    ranked: dict[int, list[int]] = {}
    for features, members in groups.items():
        shared = [(features & other).bit_count() for other in profiles]
        counts: Counter[int] = Counter()
        for other, level in zip(profiles, shared, strict=True):
            counts[level] += len(groups[other])
        counts[features.bit_count()] -= 1  # a model is not its own neighbour
        threshold, seen = 0, 0
        for level in sorted(counts, reverse=True):
            seen += counts[level]
            threshold = level
            if seen >= keep:
                break
        pool = [
            (level, other)
            for profile, level in zip(profiles, shared, strict=True)
            if level >= threshold
            for other in groups[profile]
        ]
        for model in members:
            chosen = sorted(
                (ranking_key(model, other, level), other.pk)
                for level, other in pool
                if other.pk != model.pk
                and not (model.identity and other.identity == model.identity)
            )
            ranked[model.pk] = [pk for _, pk in chosen[:keep]]
    return ranked


def published_candidates() -> list[Candidate]:
    """Every published model as a Candidate: three queries, whatever the catalog."""
    bits: dict[tuple[str, int], int] = {}
    features: defaultdict[int, int] = defaultdict(int)

    def add(model_pk: int, kind: str, key: int) -> None:
        bit = bits.setdefault((kind, key), len(bits))
        features[model_pk] |= 1 << bit

    supported = ModelCapability.objects.filter(
        support=ModelCapability.Support.YES, model__is_published=True
    ).values_list("model_id", "capability_id")
    for model_pk, capability_pk in supported:
        add(model_pk, "capability", capability_pk)
    Tagging = LanguageModel.decision_tags.through
    tagged = Tagging.objects.filter(languagemodel__is_published=True).values_list(
        "languagemodel_id", "decisiontag_id"
    )
    for model_pk, tag_pk in tagged:
        add(model_pk, "tag", tag_pk)
    models = (
        LanguageModel.objects.published().with_list_output().with_cheapest_output().order_by("pk")
    )
    rows = list(
        models.values_list(
            "pk", "name", "released_on", "family_id", "list_output", "cheapest_output"
        )
    )
    for pk, _, _, family, list_output, cheapest_output in rows:
        if family is not None:  # the same family outweighs every other shared feature
            for copy in range(FAMILY_WEIGHT):
                add(pk, "family", family * FAMILY_WEIGHT + copy)
        price_class = price_class_of(list_output if list_output is not None else cheapest_output)
        if price_class is not None:
            for copy in range(PRICE_WEIGHT):
                add(pk, "price", price_class * PRICE_WEIGHT + copy)
    return [
        Candidate(pk, name, released_on, features[pk], identity.served_model_key(name))
        for pk, name, released_on, *_ in rows
    ]


def price_class_of(output_price: Decimal | None) -> int | None:
    """The class of an output price (0 cheapest), or None when no price is known."""
    if output_price is None:
        return None
    return sum(output_price >= bound for bound in PRICE_CLASSES)


def refresh_similar_models() -> int:
    """Rank every published model again and store what changed (in one transaction):
    the lists of models whose ranking moved are replaced, the others left as they are.
    Returns how many lists were replaced. Marks the ranking fresh first, so that a change
    made while it runs marks it stale again (and queues the next refresh)."""
    # Marked fresh, and ranked, outside the transaction that stores the lists: ranking a
    # large catalog takes seconds, during which no writer may wait on the state's row.
    CatalogState.objects.mark_similar(stale=False)
    ranked = rank_similar(published_candidates(), RANKED_KEPT)
    with transaction.atomic():
        # A model deleted while the ranking ran is left out (its rows went with it).
        present = set(LanguageModel.objects.values_list("pk", flat=True))
        ranked = {
            pk: [other for other in similar if other in present]
            for pk, similar in ranked.items()
            if pk in present
        }
        stored: defaultdict[int, list[int]] = defaultdict(list)
        for model_pk, similar_pk in SimilarModel.objects.order_by("model_id", "rank").values_list(
            "model_id", "similar_id"
        ):
            stored[model_pk].append(similar_pk)
        moved = [pk for pk, similar in ranked.items() if stored.get(pk) != similar]
        gone = [pk for pk in stored if pk not in ranked]  # no longer published
        SimilarModel.objects.filter(model_id__in=[*moved, *gone]).delete()
        SimilarModel.objects.bulk_create(
            (
                SimilarModel(model_id=model_pk, similar_id=similar_pk, rank=rank)
                for model_pk in moved
                for rank, similar_pk in enumerate(ranked[model_pk])
            ),
            batch_size=5_000,
        )
        if moved or gone:
            catalog_changed(set_key(SimilarModel, "model", pk) for pk in [*moved, *gone])
    return len(moved) + len(gone)


def refresh_if_stale() -> int | None:
    """Refresh the ranking if a change marked it stale (or it was never computed): the
    lists replaced, or None when it was fresh."""
    return None if CatalogState.objects.similar_fresh() else refresh_similar_models()


# What the ranking reads: a model's name, release date and publication, its capabilities
# and its decision tags (the tables' keys, which each write of them names).
RANKED_TABLES = frozenset(
    table_key(model)
    for model in (LanguageModel, ModelCapability, LanguageModel.decision_tags.through)
)


def ranking_may_have_moved(sender, version, keys, **kwargs):
    """Once a change to what ranks committed (catalog/signals.py's `changes_committed`):
    the ranking marked stale, and its refresh queued (the first queued leaves it fresh)."""
    if keys & RANKED_TABLES:
        CatalogState.objects.mark_similar(stale=True)
        refresh_similar.enqueue()


@task()
def refresh_similar():
    """The background refresh, queued after each change that can reorder the ranking:
    runs once however many were queued (the first leaves the ranking fresh)."""
    count = refresh_if_stale()
    if count is not None:
        logger.info("Refreshed the similar-models ranking: %s lists replaced.", count)
    return count


def similar_models(
    model: ModelFacts | LanguageModel, exclude_slugs: Iterable[str], limit: int
) -> list[tuple[str, str]]:
    """(name, slug) of up to `limit` published models most like `model` (its facts, or
    the record), best first, from the stored ranking: one query.

    Read anew for each page, never kept by the memo: a page depends on the models it links
    to, and a kept list cut for one page (its own exclusions) would make every other page
    reading it depend on models it does not show (a route's write that refreshes a model's
    corroboration would then purge them)."""
    rows = (
        SimilarModel.objects.filter(model__slug=model.slug, similar__is_published=True)
        .exclude(similar__slug__in=list(exclude_slugs))
        .order_by("rank")
        .values_list("similar__name", "similar__slug", "similar_id")
    )
    shown = list(rows[:limit])
    depends_on(
        set_key(SimilarModel, "model", model.pk),
        *(record_key(LanguageModel, pk) for _, _, pk in shown),
    )
    return [(name, slug) for name, slug, _ in shown]
