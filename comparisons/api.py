"""`/api/v1/compare?models=a,b,c`: up to four published models as the API's model records,
in the order asked, with each one's monthly cost at a traffic, at its maker's list price and
at its cheapest route in force (comparisons/cost.py's costs). One model is a fine question
here: its costs alone.

`/api/v1/cost?…`: `/cost/`'s ranking of every published model by a workload's monthly cost,
paged, asked and checked as the page is (its form says what is wrong: a 400).

Registered on the catalog's API (catalog/api/endpoints.py) when the app is ready. What the
parameters' schema refuses (more than four slugs, a number that is not a count, an unknown
mode) answers 400, a slug of no published model 404, each with a JSON `detail`.
"""

from dataclasses import replace
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Schema

from catalog.api import queries, records
from catalog.api.endpoints import ERRORS, api, links
from catalog.api.pagination import NoSuchPage, Paging, page_url
from catalog.api.schemas import ModelOut
from catalog.facts import load_models
from catalog.formatting import MISSING
from catalog.forms import MAX_CONTEXT
from catalog.models import LanguageModel, Route
from comparisons.cost import (
    CHEAPEST,
    LIST_PRICE,
    MAX_MONTHLY_TOKENS,
    Pricing,
    RouteCost,
    Traffic,
    model_cost,
)
from comparisons.cost_page import CENT, rank_label, read_choices, score_label
from comparisons.cost_ranking import ORDERS, Filters, Question, Ranking, costed, read_ranking
from comparisons.cost_sql import BY_CHEAPEST, BY_SCORE
from comparisons.lineup import MAX_MODELS, SLUG, read_lineup
from comparisons.models import TrafficDefaults

MODE_FIELD = Field(
    None,
    pattern=f"^({'|'.join(Route.ServiceMode.values)})$",
    description="The service mode: empty for standard (the default), or one of "
    + ", ".join(mode for mode in Route.ServiceMode.values if mode)
    + ".",
)


class CompareQuery(Schema):
    """The models asked, and the traffic to cost them at (each part left out: the site's
    default). No cap on the total: the site's calculator stops at 10^12 tokens a month for
    its readers' sake; a program asking more gets its answer."""

    models: str = Field(
        pattern=rf"^{SLUG}(,{SLUG}){{0,{MAX_MODELS - 1}}}$",
        description=f"Up to {MAX_MODELS} model slugs, commas between them (a slug named twice "
        "counts once).",
    )
    requests: int | None = Field(
        None, ge=0, le=MAX_MONTHLY_TOKENS, description="Requests a month (default: the site's)."
    )
    input_tokens: int | None = Field(None, ge=0, le=MAX_MONTHLY_TOKENS)
    output_tokens: int | None = Field(None, ge=0, le=MAX_MONTHLY_TOKENS)
    mode: str | None = MODE_FIELD


class MonthlyCost(Schema):
    usd: Decimal = Field(description="USD a month at the traffic.")
    route: str = Field(description="The provider (and tier) it goes through.")
    below_list_price: bool = Field(
        description="Under half the maker's list price: check the provider before relying on it."
    )


class ModelCosts(Schema):
    model: str = Field(description="The model's slug.")
    at_list_price: MonthlyCost | None = Field(
        description="At its maker's own API; null where the maker sells it through none."
    )
    at_cheapest_route: MonthlyCost | None = Field(
        description="At the cheapest route in force with both token prices; null if none."
    )


class TrafficOut(Schema):
    requests_per_month: int
    input_tokens: int
    output_tokens: int
    mode: str = Field(description='"" for the standard way of buying.')


class Comparison(Schema):
    models: list[ModelOut]
    traffic: TrafficOut
    costs: list[ModelCosts]


def monthly(model, traffic: Traffic, basis: str) -> dict | None:
    """`model`'s monthly cost at `traffic` on `basis` (LIST_PRICE or CHEAPEST), to the cent,
    with its route; None when no route on that basis has both token prices."""
    return cost_record(model_cost(model, traffic, Pricing(basis)))


def cost_record(cost: RouteCost | None) -> dict | None:
    """A monthly cost to the cent, with its route; None for an unknown one."""
    if cost is None:
        return None
    return {
        "usd": cost.monthly.quantize(CENT),
        "route": cost.route.label,
        "below_list_price": cost.route.below_list,
    }


def traffic_record(traffic: Traffic) -> dict:
    return {
        "requests_per_month": traffic.requests_per_month,
        "input_tokens": traffic.input_tokens,
        "output_tokens": traffic.output_tokens,
        "mode": traffic.mode,
    }


def asked_traffic(query: "CompareQuery | CostQuery") -> Traffic:
    """The traffic asked, its missing parts the site's defaults."""
    defaults = TrafficDefaults.kept().as_traffic()
    return Traffic(
        defaults.requests_per_month if query.requests is None else query.requests,
        defaults.input_tokens if query.input_tokens is None else query.input_tokens,
        defaults.output_tokens if query.output_tokens is None else query.output_tokens,
        defaults.mode if query.mode is None else query.mode,
    )


def read_comparison(slugs: tuple[str, ...], traffic: Traffic, page_links) -> dict:
    """The comparison of the published models `slugs` at `traffic`: their records, in that
    order, and their costs; queries.Unknown (a 404) for a slug of no published model."""
    found = {model.slug: model for model in queries.models().filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise queries.Unknown(f"No published model has the slug {missing[0]!r}.")
    facts, capabilities = load_models(slugs), queries.capability_slugs()
    return {
        "models": [records.model_record(found[slug], capabilities, page_links) for slug in slugs],
        "traffic": traffic_record(traffic),
        "costs": [
            {
                "model": slug,
                "at_list_price": monthly(facts[slug], traffic, LIST_PRICE),
                "at_cheapest_route": monthly(facts[slug], traffic, CHEAPEST),
            }
            for slug in slugs
        ],
    }


@api.get(
    "/compare",
    response={200: Comparison, **ERRORS},
    url_name="compare",
    tags=["models"],
    summary="Up to four models side by side",
)
def compare(request: HttpRequest, query: Query[CompareQuery]):
    slugs = read_lineup({"models": query.models}).slugs
    return read_comparison(slugs, asked_traffic(query), links(request))


OPTIONAL_SLUG = r"^([-a-zA-Z0-9_]{1,120})?$"


class CostQuery(Schema):
    """What `/cost/` is asked, under the same names, each left out (or empty) at the site's
    default. A value of the right form that names nothing (a maker, a benchmark, a
    capability) is a 404; `order=score` without a benchmark ranks by cost."""

    requests: int | None = Field(
        None, ge=0, le=MAX_MONTHLY_TOKENS, description="Requests a month (default: the site's)."
    )
    input_tokens: int | None = Field(None, ge=0, le=MAX_MONTHLY_TOKENS)
    output_tokens: int | None = Field(None, ge=0, le=MAX_MONTHLY_TOKENS)
    cached: str | None = Field(
        None,
        pattern=r"^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)?$",
        description="The percentage of each request's input read from cache, 0 to 100.",
    )
    mode: str | None = MODE_FIELD
    capability: list[Annotated[str, Field(pattern=OPTIONAL_SLUG)]] = Field(
        [], description="Capability slugs a model must support, the parameter once each."
    )
    min_context: int | None = Field(
        None, ge=0, le=MAX_CONTEXT, description="Minimum context window, in tokens."
    )
    openness: str | None = Field(
        None,
        pattern=f"^({'|'.join(LanguageModel.Openness.values)})?$",
        description="Only models of this openness.",
    )
    maker: str | None = Field(None, pattern=OPTIONAL_SLUG, description="A maker's slug.")
    max_cost: str | None = Field(
        None,
        pattern=r"^(\d{1,12}(\.\d{1,2})?)?$",
        description="Only models known to cost at most this many USD a month.",
    )
    benchmark: str | None = Field(
        None, pattern=OPTIONAL_SLUG, description="A benchmark's slug: its score is added."
    )
    order: str | None = Field(
        None,
        pattern=f"^({'|'.join(ORDERS)})?$",
        description="cheapest (default), list, or score (with a benchmark).",
    )


class CostEntry(Schema):
    rank: int | None = Field(description="By the compared cost to the cent; null if unknown.")
    model: str = Field(description="The model's slug.")
    name: str
    organization: str
    context_window: int | None
    at_list_price: MonthlyCost | None = Field(
        description="At its maker's own API; null where the maker sells it through none."
    )
    at_cheapest_route: MonthlyCost | None = Field(
        description="At the cheapest route in force with both token prices; null if none."
    )
    score: Decimal | None = Field(None, description="On the chosen benchmark, if any.")


class CostTraffic(TrafficOut):
    cached_share: Decimal = Field(description="The share of input read from cache, 0 to 1.")


class CostRanking(Schema):
    traffic: CostTraffic
    order: str
    benchmark: str | None = Field(description="The benchmark of `score`, with its setting.")
    count: int
    next: str | None
    previous: str | None
    results: list[CostEntry]


def cost_entries(ranking: Ranking, traffic: Traffic, order: str) -> list[dict]:
    """The API's records of the models of `ranking`, costed at `traffic`."""
    return [
        {
            "rank": None if (label := rank_label(entry.model, order)) == MISSING else int(label),
            "model": entry.model.slug,
            "name": entry.model.name,
            "organization": entry.model.organization,
            "context_window": entry.model.context_window,
            "at_list_price": cost_record(entry.at_list_price),
            "at_cheapest_route": cost_record(entry.at_cheapest_route),
            "score": entry.model.score,
        }
        for entry in costed(ranking.models, traffic, timezone.localdate())
    ]


@api.get(
    "/cost",
    response={200: CostRanking, **ERRORS},
    url_name="cost",
    tags=["models"],
    summary="Every published model ranked by a workload's monthly cost",
)
def cost(request: HttpRequest, query: Query[CostQuery], paging: Query[Paging]):
    question = asked_question(query, read_choices())
    start = (paging.page - 1) * paging.page_size
    ranking = read_ranking(question, timezone.localdate(), slice(start, start + paging.page_size))
    if not ranking.models and paging.page > 1:
        raise NoSuchPage(f"There is no page {paging.page} of this ranking.")
    asked = request.GET.copy()
    asked.pop("page", None)
    path, shown = request.build_absolute_uri(request.path), {k: asked.getlist(k) for k in asked}
    last = start + len(ranking.models)
    return {
        "traffic": {
            **traffic_record(question.traffic),
            "cached_share": question.traffic.cached_share,
        },
        "order": question.order,
        "benchmark": score_label(ranking.yardstick) or None,
        "count": ranking.count,
        "next": page_url(path, shown, paging.page + 1 if last < ranking.count else None),
        "previous": page_url(path, shown, paging.page - 1 if paging.page > 1 else None),
        "results": cost_entries(ranking, question.traffic, question.order),
    }


def asked_question(query: CostQuery, choices) -> Question:
    """The ranking `query` asks for; queries.Unknown (a 404) for a slug of nothing listed."""
    named = [
        ("maker", query.maker, dict(choices.makers)),
        ("benchmark", query.benchmark, choices.yardsticks),
        *(("capability", slug, dict(choices.capabilities)) for slug in query.capability),
    ]
    for kind, slug, known in named:
        if slug and slug not in known:
            raise queries.Unknown(f"No {kind} {slug!r} is listed here.")
    traffic = asked_traffic(query)
    if query.cached:
        traffic = replace(traffic, cached_share=Decimal(query.cached) / 100)
    yardstick = choices.yardsticks.get(query.benchmark or "")
    order = query.order or BY_CHEAPEST
    return Question(
        filters=Filters(
            capabilities=tuple(slug for slug in query.capability if slug),
            min_context=query.min_context,
            openness=query.openness or "",
            maker=query.maker or "",
        ),
        traffic=traffic,
        order=BY_CHEAPEST if order == BY_SCORE and yardstick is None else order,
        max_cost=Decimal(query.max_cost) if query.max_cost else None,
        yardstick=yardstick,
    )
