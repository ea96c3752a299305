"""Monthly token spend at a traffic level, and the cheapest route or tier that gives it."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # catalog.facts imports the models; the cost rules need only its types
    from catalog.facts import RouteFacts

TOKENS_PER_PRICE_UNIT = Decimal(1_000_000)  # prices are USD per 1M tokens
MAX_MONTHLY_TOKENS = 10**12


@dataclass(frozen=True)
class Traffic:
    requests_per_month: int
    input_tokens: int
    output_tokens: int

    @property
    def monthly_tokens(self) -> int:
        return self.requests_per_month * (self.input_tokens + self.output_tokens)


@dataclass(frozen=True)
class RouteCost:
    route: "RouteFacts"
    monthly: Decimal


def monthly_cost(route: "RouteFacts", traffic: Traffic) -> Decimal | None:
    """USD a month through `route` at `traffic`, or None when a token price is unknown."""
    if not route.has_token_prices:
        return None
    # Both prices are set past has_token_prices (mypy does not narrow through a property).
    per_request = (
        traffic.input_tokens * route.input_price + traffic.output_tokens * route.output_price  # type: ignore[operator]
    )
    return traffic.requests_per_month * per_request / TOKENS_PER_PRICE_UNIT


def priced_routes(routes: Iterable["RouteFacts"], traffic: Traffic) -> list[RouteCost]:
    """Routes with both token prices, cheapest total first (ties: provider, then tier)."""
    costs = [
        RouteCost(route=route, monthly=monthly_cost(route, traffic))  # type: ignore[arg-type]
        for route in routes
        if route.has_token_prices
    ]
    return sorted(costs, key=lambda cost: (cost.monthly, cost.route.provider, cost.route.tier))


def cheapest_route(routes: Iterable["RouteFacts"], traffic: Traffic) -> RouteCost | None:
    """The route or tier with the lowest total at this traffic, or None when none is priced."""
    costs = priced_routes(routes, traffic)
    return costs[0] if costs else None
