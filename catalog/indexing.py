"""Which pages search engines may index: the rule, in one place (and on /methodology/).

A model's page is indexable when the model is published, an editor has not kept it out
of search engines (`noindex`), and either an editor has reviewed it or its facts are
corroborated by at least two independent sources (catalog/corroboration.py), unless the
operator turned that off (CATALOG_INDEX_CORROBORATED=false). Every other page stays
readable, with a robots noindex.

A pair page is indexable when both its models are and the pair is related: the two are of
one family, one is among the other's similar models as its page lists them (the first
`SIMILAR_RANKS` of catalog/similar.py's ranking), or editors feature the pair. A million
pairs of unrelated models would be thin pages; the related ones add something.
"""

from django.conf import settings
from django.db.models import Q

from catalog.corroboration import ENOUGH_SOURCES

# How many of a model's similar models make a related pair: as many as its page links.
SIMILAR_RANKS = 12


def corroboration_indexes() -> bool:
    """Whether corroborated facts make a page indexable (the operator's setting)."""
    return settings.CATALOG_INDEX_CORROBORATED


def indexable_condition() -> Q:
    """The rule as a filter of published models."""
    condition = Q(reviewed_at__isnull=False)
    if corroboration_indexes():
        condition |= Q(corroborated_by__gte=ENOUGH_SOURCES)
    return condition & Q(noindex=False)


def model_indexable(reviewed: bool, corroborated_by: int, noindex: bool) -> bool:
    """The rule for one model: `indexable_condition()` in Python."""
    if noindex:
        return False
    return reviewed or (corroboration_indexes() and corroborated_by >= ENOUGH_SOURCES)


def record_indexable(model) -> bool:
    """The rule for a model record as read (its review stamp, corroboration and noindex)."""
    return model_indexable(model.reviewed_at is not None, model.corroborated_by, model.noindex)
