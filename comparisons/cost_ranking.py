"""Every published model ranked by what one workload costs it a month (`/cost/` and
`/api/v1/cost`).

Each model is costed twice by the rules of comparisons/cost.py: at its maker's list price
(its own API) and at its cheapest route sold per token and in force, each at the context
tier its requests fall in and with the cached share of the input at the route's cache
price where it states one. A model with no per-token price for the workload is still
listed (last in a cost order), since "we know no price" is an answer too; a maximum cost
leaves it out, as nothing shows that it costs less.

The database ranks the models (comparisons/cost_sql.py: the same rules as SQL), in one
query for the whole catalog, and hands back the part asked (a page); only the models a
reader is shown are then costed by cost.py itself, with their routes named (`costed()`).
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from catalog.facts import RouteFacts, list_routes, serving_routes_of
from catalog.forms import narrow_models
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import SCORE_SETTING, BenchmarkScore, LanguageModel
from catalog.pages.benchmarks import compared_setting
from comparisons import cost_sql
from comparisons.cost import (
    CHEAPEST,
    LIST_PRICE,
    Pricing,
    RouteCost,
    Traffic,
    applicable_condition,
    model_cost,
)
from comparisons.cost_sql import BY_CHEAPEST, BY_LIST_PRICE, BY_SCORE

ORDERS = {
    BY_CHEAPEST: "Cost at the cheapest route, lowest first",
    BY_LIST_PRICE: "Cost at the maker's list price, lowest first",
    BY_SCORE: "Benchmark score, best first",
}


@dataclass(frozen=True)
class Yardstick:
    """The benchmark whose score a ranking shows: the scores compared are those run in
    its most common setting (catalog/pages/benchmarks.py's `compared_setting`)."""

    slug: str
    name: str
    unit: str
    higher_is_better: bool
    setting: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A model of a ranking: where it ranks, the monthly cost it is compared by as the
    database computes it (comparisons/cost_sql.py), and its score on the ranking's
    benchmark."""

    pk: int
    slug: str
    name: str
    organization: str
    context_window: int | None
    openness: str
    rank: int
    # The cost its ranking compares, as the database computes it: at its maker's list price
    # in a list-price order, else at its cheapest route (None: unknown).
    cost: Decimal | None = None
    lifecycle: LifecycleBadge | None = None
    score: Decimal | None = None  # on the ranking's benchmark, in its compared setting

    @classmethod
    def of(cls, row: cost_sql.Ranked, today: date) -> "Candidate":
        return cls(
            pk=row.pk,
            slug=row.slug,
            name=row.name,
            organization=row.organization,
            context_window=row.context_window,
            openness=OPENNESS.get(row.openness, ""),
            rank=row.rank,
            cost=row.cost,
            lifecycle=lifecycle_badge(row.retires_on, row.deprecated, today),
            score=row.score,
        )


OPENNESS = dict(LanguageModel.Openness.choices)


@dataclass(frozen=True)
class Costed:
    """A ranked model costed by comparisons/cost.py, through the routes it names."""

    model: Candidate
    routes: tuple[RouteFacts, ...]
    at_list_price: RouteCost | None = None
    at_cheapest_route: RouteCost | None = None

    @property
    def list_routes(self) -> tuple[RouteFacts, ...]:
        return list_routes(self.routes)

    def cost(self, order: str) -> RouteCost | None:
        return self.at_list_price if order == BY_LIST_PRICE else self.at_cheapest_route


def costed(
    models: list[Candidate], traffic: Traffic, today: date, among: QuerySet | None = None
) -> list[Costed]:
    """`models` (all of them in `among`, where given) costed at `traffic` by the rules of
    comparisons/cost.py, in their order: one query."""
    if among is None:
        among = LanguageModel.objects.filter(pk__in=[model.pk for model in models])
    routes = serving_routes_of(among, today, applicable_condition(traffic))
    result = []
    for model in models:
        entry = Costed(model, routes.get(model.pk, ()))
        result.append(
            replace(
                entry,
                at_list_price=model_cost(entry, traffic, Pricing(LIST_PRICE)),  # type: ignore[arg-type]
                at_cheapest_route=model_cost(entry, traffic, Pricing(CHEAPEST)),  # type: ignore[arg-type]
            )
        )
    return result


# The database reads.


@dataclass(frozen=True)
class Filters:
    """What narrows the ranking in the database (its maximum cost is the ranking's)."""

    capabilities: tuple[str, ...] = ()
    min_context: int | None = None
    openness: str = ""
    maker: str = ""  # an organization's slug


def matching_models(filters: Filters, traffic: Traffic) -> QuerySet[LanguageModel]:
    """The published models the filters leave: the models list's rules (catalog/forms.py)
    for capabilities, context and openness, and the maker (the model's organization). A
    model that cannot serve the workload's requests is left out: its stated context window
    is smaller than a request (input and output tokens), or its stated maximum output
    smaller than the output asked. What a source does not state does not leave it out."""
    queryset = narrow_models(
        LanguageModel.objects.published(),
        {
            "capability": list(filters.capabilities),
            "min_context": filters.min_context,
            "openness": filters.openness,
        },
    )
    if filters.maker:
        queryset = queryset.filter(organization__slug=filters.maker)
    request = traffic.input_tokens + traffic.output_tokens
    return queryset.filter(
        Q(context_window__isnull=True) | Q(context_window__gte=request),
        Q(max_output_tokens__isnull=True) | Q(max_output_tokens__gte=traffic.output_tokens),
    ).order_by()


@dataclass(frozen=True)
class Ranking:
    """A part of a ranking, and what the whole holds."""

    models: list[Candidate]
    count: int  # models in the whole ranking
    unpriced: int  # of them, those without the compared cost
    yardstick: Yardstick | None  # with the setting its scores were compared in


@dataclass(frozen=True)
class Question:
    """What a ranking is asked: the models, the workload, the order, the maximum cost and
    the benchmark whose scores it shows."""

    filters: Filters
    traffic: Traffic
    order: str = BY_CHEAPEST
    max_cost: Decimal | None = None
    yardstick: Yardstick | None = None


def read_ranking(question: Question, today: date, part: slice = slice(None)) -> Ranking:
    """The `part` of the ranking `question` asks for (all of it by default), in one query
    (two with a benchmark, to find the setting its scores compare in)."""
    models = matching_models(question.filters, question.traffic)
    yardstick, scores = question.yardstick, None
    if yardstick is not None:
        setting, scores = read_scores(yardstick.slug)
        yardstick = replace(yardstick, setting=setting)
    rows = cost_sql.ranking(
        models,
        cost_sql.model_costs(question.traffic, today, question.order),
        scores,
        question.order,
        yardstick.higher_is_better if yardstick else True,
        question.max_cost,
        part,
    )
    count, unpriced = (rows[0].total, rows[0].unpriced) if rows else (0, 0)
    return Ranking([Candidate.of(row, today) for row in rows], count, unpriced, yardstick)


def read_scores(benchmark_slug: str) -> tuple[tuple[str, ...], QuerySet[BenchmarkScore]]:
    """The setting the benchmark's published scores were most often run in
    (`compared_setting`), and those scores: one query."""
    published = BenchmarkScore.objects.filter(
        benchmark__slug=benchmark_slug, model__is_published=True
    )
    settings = list(published.order_by().values_list(*SCORE_SETTING, named=True))
    if not settings:
        return (), published
    setting = compared_setting(settings)
    return setting, published.filter(**dict(zip(SCORE_SETTING, setting, strict=True)))
