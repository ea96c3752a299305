"""Monthly token spend at a traffic level, and the cheapest route that gives it: compared in
one service mode (standard unless the reader picks another), at the context tier the
requests fall in, among routes not retired and sold per token (a free tier's or a plan's
route has no prices in its facts: catalog/pricing.py).

A model is priced one of three ways (`Pricing`): at its maker's list price (its own API),
at the cheapest tracked route, or at one provider the reader chose."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Q

if TYPE_CHECKING:  # catalog.facts imports the models; the cost rules need only its types
    from catalog.facts import ModelFacts, RouteFacts

LIST_PRICE = "list"
CHEAPEST = "cheapest"
AT_PROVIDER = "provider"

TOKENS_PER_PRICE_UNIT = Decimal(1_000_000)  # prices are USD per 1M tokens
MAX_MONTHLY_TOKENS = 10**12


@dataclass(frozen=True)
class Traffic:
    requests_per_month: int
    input_tokens: int
    output_tokens: int
    mode: str = ""  # the service mode to buy in: "" for standard, "batch", "flex"…
    # The share of each request's input read from the provider's prompt cache (0 to 1).
    cached_share: Decimal = Decimal(0)

    @property
    def monthly_tokens(self) -> int:
        return self.requests_per_month * (self.input_tokens + self.output_tokens)


@dataclass(frozen=True)
class RouteCost:
    route: "RouteFacts"
    monthly: Decimal


def monthly_cost(route: "RouteFacts", traffic: Traffic) -> Decimal | None:
    """USD a month through `route` at `traffic`, or None when a token price is unknown.

    The cached share of the input is priced at the route's cached-input price where it
    states one; a route that states none is taken to cache nothing (every input token at
    the input price). Writing to the cache is not counted: its price and how often a
    prompt is written depend on the provider's cache rules, which the catalog does not
    hold."""
    if not route.has_token_prices:
        return None
    cached = Decimal(0)
    if route.cached_input_price is not None:
        cached = traffic.input_tokens * traffic.cached_share
    # Both prices are set past has_token_prices (mypy does not narrow through a property).
    per_request = (
        (traffic.input_tokens - cached) * route.input_price  # type: ignore[operator]
        + cached * (route.cached_input_price or 0)
        + traffic.output_tokens * route.output_price  # type: ignore[operator]
    )
    return traffic.requests_per_month * per_request / TOKENS_PER_PRICE_UNIT


def applicable_condition(traffic: Traffic) -> Q:
    """The routes `applicable_routes` may keep for `traffic`, as a condition on Route rows:
    its service mode, and a context tier only below its requests' input (it still picks
    each provider's highest). Retired routes are the caller's to leave out."""
    return Q(service_mode=traffic.mode) & (
        Q(context_above=0) | Q(context_above__lt=traffic.input_tokens)
    )


def applicable_routes(routes: Iterable["RouteFacts"], traffic: Traffic) -> list["RouteFacts"]:
    """The price each provider charges for `traffic`, for each way it serves the model (a
    region, a dated snapshot…): in its service mode, not retired, and of the context tier
    its requests fall in (the highest threshold below their input tokens; a tier applies
    only to requests whose input exceeds its threshold)."""
    tiers: dict[tuple[str, str], RouteFacts] = {}
    for route in routes:
        if route.service_mode != traffic.mode or route.retired:
            continue
        if route.context_above and traffic.input_tokens <= route.context_above:
            continue
        served = (route.provider, route.marks)
        chosen = tiers.get(served)
        if chosen is None or route.context_above > chosen.context_above:
            tiers[served] = route
    return list(tiers.values())


def priced_routes(routes: Iterable["RouteFacts"], traffic: Traffic) -> list[RouteCost]:
    """The applicable routes with both token prices, cheapest total first (ties: provider,
    then tier)."""
    costs = [
        RouteCost(route=route, monthly=monthly_cost(route, traffic))  # type: ignore[arg-type]
        for route in applicable_routes(routes, traffic)
        if route.has_token_prices
    ]
    return sorted(costs, key=lambda cost: (cost.monthly, cost.route.provider, cost.route.tier))


def cheapest_route(routes: Iterable["RouteFacts"], traffic: Traffic) -> RouteCost | None:
    """The route or tier with the lowest total at this traffic, or None when none is priced."""
    costs = priced_routes(routes, traffic)
    return costs[0] if costs else None


@dataclass(frozen=True)
class Pricing:
    """How the reader prices a model: `basis` is LIST_PRICE, CHEAPEST or AT_PROVIDER (then
    `provider` is its slug); "" chooses for the pair: the list price where both models have
    one, else the cheapest route."""

    basis: str = ""
    provider: str = ""
    provider_name: str = ""  # how sentences name the provider


# The pair's own choice: the list price where both models have one, else the cheapest route.
FOR_THE_PAIR = Pricing()


def routes_priced_by(model: "ModelFacts", pricing: Pricing) -> Iterable["RouteFacts"]:
    """The routes a model is priced through on `pricing`'s basis (not "")."""
    if pricing.basis == LIST_PRICE:
        return model.list_routes
    if pricing.basis == AT_PROVIDER:
        return [route for route in model.routes if route.provider_slug == pricing.provider]
    return model.routes


def model_cost(model: "ModelFacts", traffic: Traffic, pricing: Pricing) -> RouteCost | None:
    """The model's monthly cost at `traffic` on `pricing`'s basis (not ""), through the
    cheapest route that basis allows; None when none has both token prices."""
    return cheapest_route(routes_priced_by(model, pricing), traffic)


def pair_basis(a: "ModelFacts", b: "ModelFacts", traffic: Traffic, pricing: Pricing) -> Pricing:
    """The basis a pair is compared on: the reader's, or for "" the list price when both
    models have one at `traffic`, else the cheapest route."""
    if pricing.basis:
        return pricing
    listed = Pricing(LIST_PRICE)
    if all(model_cost(model, traffic, listed) is not None for model in (a, b)):
        return listed
    return Pricing(CHEAPEST)
