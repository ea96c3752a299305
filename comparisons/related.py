"""Related pairs: the pairs of catalog/indexing.py's rule, for one pair page and for the
sitemap. Two models are related when they are of one family, one is among the other's
first `SIMILAR_RANKS` similar models (catalog/similar.py), or editors feature the pair."""

from itertools import combinations

from django.db.models import Q

from catalog.dependencies import depends_on, set_key, table_key
from catalog.facts import ModelFacts
from catalog.indexing import SIMILAR_RANKS
from catalog.models import SimilarModel
from comparisons.models import FeaturedComparison


def is_related(a: ModelFacts, b: ModelFacts) -> bool:
    """Whether the pair of `a` and `b` is related: at most two queries, none when they are
    of one family."""
    depends_on(
        set_key(SimilarModel, "model", a.pk),
        set_key(SimilarModel, "model", b.pk),
        table_key(FeaturedComparison),
    )
    if a.family and a.family == b.family:
        return True
    either_way = Q(model__slug=a.slug, similar__slug=b.slug) | Q(
        model__slug=b.slug, similar__slug=a.slug
    )
    if SimilarModel.objects.filter(either_way, rank__lt=SIMILAR_RANKS).exists():
        return True
    return FeaturedComparison.objects.filter(
        Q(model_a__slug=a.slug, model_b__slug=b.slug)
        | Q(model_a__slug=b.slug, model_b__slug=a.slug)
    ).exists()


def related_pairs(families: dict[int, int | None], models) -> set[tuple[int, int]]:
    """The related pairs among the models `families` holds (pk → family pk), each as
    (smaller pk, larger pk); `models`: a queryset of the same models, for the two queries
    that read the similar models and the featured pairs."""
    pairs: set[tuple[int, int]] = set()

    def add(first: int, second: int) -> None:
        if first != second and first in families and second in families:
            pairs.add((min(first, second), max(first, second)))

    members: dict[int, list[int]] = {}
    for pk, family in families.items():
        if family is not None:
            members.setdefault(family, []).append(pk)
    for group in members.values():
        for first, second in combinations(group, 2):
            add(first, second)
    similar = SimilarModel.objects.filter(
        rank__lt=SIMILAR_RANKS, model__in=models, similar__in=models
    ).values_list("model_id", "similar_id")
    for first, second in similar:
        add(first, second)
    for first, second in FeaturedComparison.objects.values_list("model_a_id", "model_b_id"):
        add(first, second)
    return pairs
