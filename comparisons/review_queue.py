"""The editors' review queue: the published models, ordered by their reach, that is by
what readers see of them, so that an editor's hour goes where readers are.

Reach, in this order:
1. the number of providers that serve the model (its active routes' providers);
2. whether its page is in the sitemap (catalog/indexing.py's rule);
3. whether it is in a featured or related pair (comparisons/related.py's rule: one family,
   one among the other's first SIMILAR_RANKS similar models, or featured by editors).

The queue's filters and counts are here too, each a queryset condition; the admin list
(comparisons/admin.py) shows them.
"""

from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Abs, Coalesce
from django.utils import timezone

from catalog.indexing import SIMILAR_RANKS, indexable_condition
from catalog.models import REVIEW_INTERVAL, LanguageModel, Route, SimilarModel
from catalog.sync.models import RouteStatement, SyncRun
from comparisons.models import FeaturedComparison

REACH_ORDER = ["-providers", "-in_sitemap", "-in_pair", "name"]
PRICE_CHANGE_THRESHOLDS = (10, 25, 50)  # per cent


def boolean(condition):
    return ExpressionWrapper(condition, output_field=BooleanField())


def in_pair_condition():
    """In a featured pair, or a related pair with another published model."""
    pk = OuterRef("pk")
    # One Exists per side: an OR inside one keeps PostgreSQL from the indexes (a full scan
    # of the similar models for each model: 0.4 ms × 864).
    return (
        Q(Exists(FeaturedComparison.objects.filter(model_a=pk)))
        | Q(Exists(FeaturedComparison.objects.filter(model_b=pk)))
        | Q(Exists(SimilarModel.objects.filter(model=pk, rank__lt=SIMILAR_RANKS)))
        | Q(Exists(SimilarModel.objects.filter(similar=pk, rank__lt=SIMILAR_RANKS)))
        | Q(
            Exists(
                LanguageModel.objects.filter(
                    family=OuterRef("family"), family__isnull=False, is_published=True
                ).exclude(pk=pk)
            )
        )
    )


def queue():
    """The published models with their reach (`providers`, `in_sitemap`, `in_pair`) and
    whether their sources differ (`sources_differ`), in the queue's order."""
    providers = (
        Route.objects.filter(model=OuterRef("pk"), is_active=True)
        .order_by()
        .values("model")
        .annotate(count=Count("provider", distinct=True))
        .values("count")
    )
    return (
        LanguageModel.objects.filter(is_published=True)
        .annotate(
            providers=Coalesce(Subquery(providers), 0),
            in_sitemap=boolean(indexable_condition()),
            in_pair=boolean(in_pair_condition()),
            sources_differ=boolean(sources_differ_condition()),
        )
        .order_by(*REACH_ORDER)
    )


def sources_differ_condition():
    """Its own facts' sources differ (the sync's rule, catalog/sync/best_source.py), or a
    source states other prices for one of its routes than the route shows."""

    def same(field):  # equal, or unstated on both sides: as catalog/review.py compares
        return Q(**{field: F(f"route__{field}")}) | Q(
            **{f"{field}__isnull": True, f"route__{field}__isnull": True}
        )

    other_prices = RouteStatement.objects.filter(route__model=OuterRef("pk")).exclude(
        same("input_price") & same("output_price")
    )
    return ~Q(fact_disputes={}) | Q(Exists(other_prices))


def review_due_condition(now=None):
    """Never reviewed, or not within REVIEW_INTERVAL (90 days)."""
    cutoff = (now or timezone.now()) - REVIEW_INTERVAL
    return Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=cutoff)


def latest_runs():
    """The latest sync run of each source that wrote something (not a dry run)."""
    runs = SyncRun.objects.filter(
        status=SyncRun.Status.SUCCEEDED, dry_run=False, started_at__isnull=False
    )
    latest = runs.filter(source=OuterRef("source")).order_by("-started_at", "-pk")
    return list(runs.filter(pk=Subquery(latest.values("pk")[:1])))


def new_since_last_sync_condition():
    """Made by the latest run of one of the sources (a first sync makes every model)."""
    condition = Q(pk__in=[])
    for run in latest_runs():
        if run.started_at and run.finished_at:
            condition |= Q(created_at__range=(run.started_at, run.finished_at))
    return condition


def price_changed_condition(percent):
    """Reviewed, and one of its routes' input or output price has moved by more than
    `percent` % since: now against the route's price history as it stood at the review."""
    history = Route.history.model.objects.filter(
        id=OuterRef("pk"), history_date__lte=OuterRef(OuterRef("reviewed_at"))
    ).order_by("-history_date")
    routes = Route.objects.filter(model=OuterRef("pk")).annotate(
        input_then=Subquery(history.values("input_price")[:1]),
        output_then=Subquery(history.values("output_price")[:1]),
    )
    ratio = Decimal(percent) / 100
    moved = Q(input_then__gt=0, input_price__isnull=False) & Q(
        **{"input_then__lt": Abs(F("input_price") - F("input_then")) / ratio}
    ) | Q(output_then__gt=0, output_price__isnull=False) & Q(
        **{"output_then__lt": Abs(F("output_price") - F("output_then")) / ratio}
    )
    return Q(reviewed_at__isnull=False) & Q(Exists(routes.filter(moved)))


def sitemap_counts():
    """Of the published models: how many are in the sitemap (catalog/indexing.py's rule)
    because an editor reviewed them, how many only because their sources corroborate
    them, and how many are not in it. One query."""
    in_sitemap = indexable_condition()
    counts = LanguageModel.objects.filter(is_published=True).aggregate(
        total=Count("pk"),
        reviewed=Count("pk", filter=in_sitemap & Q(reviewed_at__isnull=False)),
        corroborated_only=Count("pk", filter=in_sitemap & Q(reviewed_at__isnull=True)),
    )
    counts["neither"] = counts["total"] - counts["reviewed"] - counts["corroborated_only"]
    return counts


def next_in_queue(current_pk, now=None):
    """The pk of the next model after `current_pk` in the queue's order whose review is
    due, going round to the start; None when no other is due. One query."""
    rows = list(queue().annotate(due=boolean(review_due_condition(now))).values_list("pk", "due"))
    position = next((i for i, (pk, _) in enumerate(rows) if pk == current_pk), -1)
    for pk, due in rows[position + 1 :] + rows[: max(position, 0)]:
        if due and pk != current_pk:
            return pk
    return None
