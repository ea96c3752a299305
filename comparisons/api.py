"""`/api/v1/compare?models=a,b,c`: up to four published models as the API's model records,
in the order asked, with each one's monthly cost at a traffic, at its maker's list price and
at its cheapest route in force (comparisons/cost.py's costs). One model is a fine question
here: its costs alone.

Registered on the catalog's API (catalog/api/endpoints.py) when the app is ready. What the
parameters' schema refuses (more than four slugs, a number that is not a count, an unknown
mode) answers 400, a slug of no published model 404, each with a JSON `detail`.
"""

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Schema

from catalog.api import queries, records
from catalog.api.endpoints import ERRORS, api, links
from catalog.api.schemas import ModelOut
from catalog.facts import load_models
from catalog.models import Route
from comparisons.cost import CHEAPEST, LIST_PRICE, MAX_MONTHLY_TOKENS, Pricing, Traffic, model_cost
from comparisons.lineup import MAX_MODELS, SLUG, read_lineup
from comparisons.models import TrafficDefaults


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
    mode: str | None = Field(
        None,
        pattern=f"^({'|'.join(Route.ServiceMode.values)})$",
        description="The service mode: empty for standard (the default), or one of "
        + ", ".join(mode for mode in Route.ServiceMode.values if mode)
        + ".",
    )


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
    cost = model_cost(model, traffic, Pricing(basis))
    if cost is None:
        return None
    return {
        "usd": cost.monthly.quantize(Decimal("0.01")),
        "route": cost.route.label,
        "below_list_price": cost.route.below_list,
    }


def asked_traffic(query: CompareQuery) -> Traffic:
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
        "traffic": {
            "requests_per_month": traffic.requests_per_month,
            "input_tokens": traffic.input_tokens,
            "output_tokens": traffic.output_tokens,
            "mode": traffic.mode,
        },
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
