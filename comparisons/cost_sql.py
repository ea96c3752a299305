"""The cost rules of comparisons/cost.py written once more, as SQL: what lets `/cost/` rank
ten thousand models by the database's arithmetic rather than by building each model's
route facts in Python (a second per request, against the 150 ms it may take).

Only the ranking's order and its maximum cost are read from here; every cost a reader sees
is computed by cost.py itself. tests/comparisons/test_cost_ranking.py checks, on the real
catalog, that both give every model the same monthly cost at several workloads.
"""

from datetime import date
from decimal import Decimal
from typing import NamedTuple, cast

from django.db import connections
from django.db.models import (
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from catalog.models import ROUTE_PLACE, UNMARKED, Route
from catalog.pricing import PricingKind
from comparisons.cost import TOKENS_PER_PRICE_UNIT, Traffic

MONEY = DecimalField(max_digits=40, decimal_places=12)
# The orders a ranking can take: its cost at the cheapest route, at the list price, or its
# score on a benchmark (best first; the cheapest route breaks ties).
BY_CHEAPEST, BY_LIST_PRICE, BY_SCORE = "cheapest", "list", "score"
# What tells a provider's ways of serving a model apart, its context tiers aside.
SERVED_AS = tuple(field for field in ROUTE_PLACE if field not in ("service_mode", "context_above"))


def monthly_cost(traffic: Traffic) -> ExpressionWrapper:
    """cost.monthly_cost() of a Route row with both token prices, in USD a month."""
    per_million = Value(
        Decimal(traffic.requests_per_month) / TOKENS_PER_PRICE_UNIT, output_field=MONEY
    )
    uncached = Value(traffic.input_tokens, output_field=MONEY) * F("input_price") + Value(
        traffic.output_tokens, output_field=MONEY
    ) * F("output_price")
    if not traffic.cached_share:  # the usual question, and a fifth of the query's time
        return ExpressionWrapper(uncached * per_million, output_field=MONEY)
    cached = Case(
        When(
            cached_input_price__isnull=False,
            then=Value(traffic.input_tokens * traffic.cached_share, output_field=MONEY),
        ),
        default=Value(Decimal(0), output_field=MONEY),
        output_field=MONEY,
    )
    per_request = (
        (Value(traffic.input_tokens, output_field=MONEY) - cached) * F("input_price")
        + cached * Coalesce(F("cached_input_price"), Value(Decimal(0), output_field=MONEY))
        + Value(traffic.output_tokens, output_field=MONEY) * F("output_price")
    )
    return ExpressionWrapper(per_request * per_million, output_field=MONEY)


def applicable(traffic: Traffic, today: date) -> QuerySet[Route]:
    """cost.applicable_routes() of published models' routes, with both token prices: in the
    traffic's mode, not retired, each provider's (and way of serving's) highest context tier
    below the requests' input."""
    in_mode = Route.objects.serving(today).filter(service_mode=traffic.mode)
    below_input = Q(context_above=0) | Q(context_above__lt=traffic.input_tokens)
    # (A higher tier is above 0: said outright, it lets the database skip every base price.)
    higher_tier = in_mode.filter(
        Q(context_above__gt=0),
        model=OuterRef("model"),
        provider=OuterRef("provider"),
        context_above__gt=OuterRef("context_above"),
        context_above__lt=traffic.input_tokens,
        **{field: OuterRef(field) for field in SERVED_AS},
    )
    return (
        in_mode.filter(below_input, model__is_published=True)
        .exclude(Exists(higher_tier))
        .filter(
            pricing_kind=PricingKind.PER_TOKEN,
            input_price__isnull=False,
            output_price__isnull=False,
        )
    )


def at_list_price() -> Q:
    """facts.list_routes() as a condition on a route: at the model's maker's own API,
    served as the model plainly is where the maker sells it so through any route."""
    plain_own = Route.objects.active().filter(
        UNMARKED,
        model=OuterRef("model"),
        pricing_kind=PricingKind.PER_TOKEN,
        provider__lab_id=OuterRef("model__organization_id"),
    )
    return Q(provider__lab_id=F("model__organization_id")) & (UNMARKED | Q(~Exists(plain_own)))


def model_costs(traffic: Traffic, today: date, order: str) -> QuerySet:
    """Rows of (model_id, cost): cost.model_cost() at the maker's list price for
    BY_LIST_PRICE, else at the cheapest route, for each published model with a priced route,
    grouped by model (every one of them: a ranking's filters apply to the models it joins
    these rows to, which costs the database less than narrowing both). Only the cost a
    ranking compares: the other is computed for the models shown, by cost.py."""
    routes = applicable(traffic, today)
    if order == BY_LIST_PRICE:
        routes = routes.filter(at_list_price())
    return (
        routes.annotate(monthly=monthly_cost(traffic))
        .order_by()
        .values("model_id")
        .annotate(cost=Min("monthly"))
        .values_list("model_id", "cost")
    )


# What the ranking reads of each model, under these names (`Ranking`'s first fields).
MODEL_COLUMNS = {
    "m_pk": "pk",
    "m_slug": "slug",
    "m_name": "name",
    "m_organization": "organization__name",
    "m_context_window": "context_window",
    "m_openness": "openness",
    "m_retires_on": "retires_on",
    "m_deprecated": "is_deprecated",
}
# The orders a ranking can take: its cost at the cheapest route, at the list price, or its
# score on a benchmark (best first; the cheapest route breaks ties).


class Ranked(NamedTuple):
    """One model of a ranking, as the database ranks it."""

    pk: int
    slug: str
    name: str
    organization: str
    context_window: int | None
    openness: str
    retires_on: date | None
    deprecated: bool
    cost: Decimal | None  # the cost the ranking compares
    score: Decimal | None
    rank: int
    total: int  # rows of the whole ranking
    unpriced: int  # rows of the whole ranking without the compared cost

    @classmethod
    def from_row(cls, row) -> "Ranked":
        """From a row as the database driver reads it: SQLite's gives dates as text,
        numbers as floats and booleans as integers."""
        values = list(row)
        if isinstance(values[6], str):
            values[6] = date.fromisoformat(values[6])
        values[7] = bool(values[7])
        for index in (8, 9):
            if values[index] is not None and not isinstance(values[index], Decimal):
                values[index] = Decimal(str(values[index]))
        return cls(*values)


def ranking(
    models: QuerySet,
    costs: QuerySet,
    scores: QuerySet | None,
    order: str,
    higher_is_better: bool = True,
    max_cost: Decimal | None = None,
    page: slice = slice(None),
) -> list[Ranked]:
    """The `page` part (its start and stop) of `models` ranked in `order`, in one query:
    lowest cost of `costs` (rows of model_id and cost: `model_costs()`) first, unknown costs
    last, ties by name; in a score order, best score of `scores` (rows of model_id and
    value) first, ties by cost. Each row carries its competition
    rank (costs equal to the cent, or equal scores, share one) and the whole ranking's
    count. `max_cost` leaves out every model not known to cost at most that."""
    model_sql, model_params = (
        models.order_by()
        .values(**{alias: F(field) for alias, field in MODEL_COLUMNS.items()})
        .query.sql_with_params()
    )
    cost_sql, cost_params = costs.query.sql_with_params()
    score_join, score_params = "", ()
    if scores is not None:
        score_sql, score_params = (
            scores.order_by().values_list("model_id", "value").query.sql_with_params()
        )
        score_join = f"LEFT JOIN ({score_sql}) s ON s.model_id = m.m_pk"
    cost = "c.cost"
    by_cost = [f"({cost} IS NULL)", f"ROUND({cost}, 2)"]
    ranked_by = by_cost
    if order == BY_SCORE and score_join:
        ranked_by = ["(s.value IS NULL)", "s.value DESC" if higher_is_better else "s.value"]
    ordering = [*ranked_by, *by_cost, cost, "LOWER(m.m_name)", "m.m_slug"]
    where, where_params = "", cast(tuple, ())
    if max_cost is not None:
        where, where_params = f"WHERE {cost} <= %s", (max_cost,)
    start, stop, _ = page.indices(10**12)
    sql = f"""
        SELECT {", ".join(f"m.{alias}" for alias in MODEL_COLUMNS)}, c.cost,
            {"s.value" if score_join else "NULL"},
            RANK() OVER (ORDER BY {", ".join(ranked_by)}),
            COUNT(*) OVER (),
            SUM(CASE WHEN {cost} IS NULL THEN 1 ELSE 0 END) OVER ()
        FROM ({model_sql}) m
        LEFT JOIN ({cost_sql}) c ON c.model_id = m.m_pk
        {score_join}
        {where}
        ORDER BY {", ".join(ordering)}
        LIMIT %s OFFSET %s"""
    params = [*model_params, *cost_params, *score_params, *where_params, stop - start, start]
    with connections[models.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [Ranked.from_row(row) for row in cursor.fetchall()]
