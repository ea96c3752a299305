"""Stored routes' pricing kinds, told again by the rule of catalog/pricing.py from each
route and its provider, and written where they changed. A kind an editor set is left alone.

A route tells its own kind when it is saved (`Route.save`); this is for what changes many
routes' kinds at once: a sync, once its providers' kinds and labs are set; an editor's
change of a provider; an approved proposal; a bulk write.
"""

from collections import defaultdict

from catalog.models import NEXT_VERSION, Route
from catalog.pricing import route_pricing_kind, route_signals

CHUNK = 5000  # ids in one UPDATE's IN (SQLite caps a statement's parameters)


def refresh_pricing_kinds(routes=None) -> int:
    """Tell the pricing kind of `routes` (a Route queryset; every route when None) by the
    rules, leaving those an editor set; returns how many changed. One read, then one UPDATE
    per kind that changed, with a new version (a form opened before is stale)."""
    queryset = (Route.objects.all() if routes is None else routes).filter(
        pricing_kind_by_editor=False
    )
    queryset = queryset.select_related("provider").only(
        "pricing_kind",
        "free_variant",
        "fact_source",
        "input_price",
        "output_price",
        "provider__kind",
        "provider__name",
        "provider__website",
        "provider__lab",
    )
    changed = defaultdict(list)
    for route in queryset.iterator(chunk_size=2000):
        kind = route_pricing_kind(route_signals(route))
        if kind != route.pricing_kind:
            changed[kind].append(route.pk)
    for kind, pks in changed.items():
        for start in range(0, len(pks), CHUNK):
            Route.objects.filter(pk__in=pks[start : start + CHUNK]).update(
                pricing_kind=kind, version=NEXT_VERSION
            )
    return sum(len(pks) for pks in changed.values())
