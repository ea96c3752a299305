"""What a price is: the catalog's pricing rules, in one place (and on /methodology/). Pure.

**A route's pricing kind** says how a reader pays for it:

- *per token*: pay as you go, at the prices it states;
- *free tier*: a platform's free or trial endpoint, rate-limited;
- *subscription plan*: part of a plan (coding and token plans, GitLab Duo, products priced
  in plan points), not sold per token;
- *local*: the model runs on the reader's own machine (LM Studio);
- *unknown*: nothing says which.

Only a per-token route's prices are prices. Every "cheapest" figure, every monthly cost and
every verdict reads them alone; a free-tier or plan route is labelled where its price would
be, and an unknown kind's $0 is unknown, never $0.

`route_pricing_kind` tells the kind from what the sources say, in this order:

1. a subscription plan's route is in the plan, whatever it states;
2. a free variant (":free", "(free)") is a free tier;
3. a local app's route runs on the reader's machine;
4. a route that states no price is unknown;
5. a route whose every stated price is above $0 is per token;
6. a $0 beside a price above $0 is not believed: unknown;
7. a route whose every stated price is $0 is part of a plan at a provider that bills in
   plan points (Poe); a free tier at a free-tier platform, at a lab's own API (Z.AI's
   GLM-4.5-Flash) or in the seller's own price list (OpenRouter's list of its own models:
   Owl Alpha); and otherwise unknown: a reseller's $0 with nothing behind it (Vercel's
   Llama 4 Scout, whose file is a link to Meta's free Llama API) is not a price.

**The maker's list price** is the price of the model at its maker's own API (a provider
whose `lab` is the model's organization): its standard price there, for the model as the
maker sells it (not a region's or a dated snapshot's, where there is one). Another route
whose standard prices are less than half the list prices (input and output, where both are
stated) is marked: it may be a reseller to check.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from catalog.sync.provider_kinds import FREE_TIER as FREE_TIER_PROVIDER
from catalog.sync.provider_kinds import LOCAL_APP, SUBSCRIPTION_PLAN
from catalog.sync.snapshot import SELF_DESCRIBING


class PricingKind(models.TextChoices):
    PER_TOKEN = "per_token", "Per token"
    FREE_TIER = "free_tier", "Free tier"
    SUBSCRIPTION_PLAN = "subscription_plan", "Subscription plan"
    LOCAL = "local", "On your own machine"
    UNKNOWN = "unknown", "Unknown"


# What a route that is not sold per token reads in place of its prices.
IN_PLACE_OF_PRICE = {
    PricingKind.FREE_TIER: "Free tier (rate-limited)",
    PricingKind.SUBSCRIPTION_PLAN: "In a subscription plan",
    PricingKind.LOCAL: "Runs on your own machine",
}

# Providers that bill in points bought with a plan, not in dollars per token.
PLAN_POINTS = re.compile(r"^poe$|\bpoe\.com\b", re.IGNORECASE)

# Below this share of the maker's list price, a route's price is marked.
SUSPICIOUS_SHARE = Decimal("0.5")
BELOW_LIST = "below the maker's list price: check the provider"


def is_price(kind: str) -> bool:
    """Whether a route of this pricing kind states prices a reader pays: per token only."""
    return kind == PricingKind.PER_TOKEN


def token_prices(
    kind: str, input_price: Decimal | None, output_price: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """The route's (input, output) prices as prices: (None, None) unless it is per token."""
    return (input_price, output_price) if is_price(kind) else (None, None)


def in_place_of_price(kind: str) -> str:
    """What a table shows where a route's price would be: "" for a per-token route (its
    price), the kind's label for a free tier, a plan or a local app, "" for unknown."""
    return IN_PLACE_OF_PRICE.get(PricingKind(kind), "") if kind in PricingKind else ""


@dataclass(frozen=True)
class RouteSignals:
    """What the sources say of a route and its provider that tells how it is paid for."""

    free_variant: bool = False
    provider_kind: str = ""
    provider_name: str = ""
    provider_website: str = ""
    at_lab_api: bool = False  # the provider is a lab's own API
    sellers_own_list: bool = False  # the prices come from the provider's own list
    input_price: Decimal | None = None
    output_price: Decimal | None = None


def route_signals(route: Any) -> RouteSignals:
    """What the rule reads of a route (a Route with its provider, or alike)."""
    provider = route.provider
    return RouteSignals(
        free_variant=route.free_variant,
        provider_kind=provider.kind,
        provider_name=provider.name,
        provider_website=provider.website,
        at_lab_api=provider.lab_id is not None,
        sellers_own_list=route.fact_source.partition(":")[0] in SELF_DESCRIBING,
        input_price=as_price(route.input_price),
        output_price=as_price(route.output_price),
    )


def as_price(value: Any) -> Decimal | None:
    """A price as a Decimal ("5.5" set on a record not yet saved reads as Decimal("5.5"))."""
    return None if value is None else Decimal(str(value))


def route_pricing_kind(signals: RouteSignals) -> str:
    """The route's pricing kind by the rules above."""
    if signals.provider_kind == SUBSCRIPTION_PLAN:
        return PricingKind.SUBSCRIPTION_PLAN
    if signals.free_variant:
        return PricingKind.FREE_TIER
    if signals.provider_kind == LOCAL_APP:
        return PricingKind.LOCAL
    stated = [p for p in (signals.input_price, signals.output_price) if p is not None]
    if not stated:
        return PricingKind.UNKNOWN
    if all(price > 0 for price in stated):
        return PricingKind.PER_TOKEN
    if any(price > 0 for price in stated):
        return PricingKind.UNKNOWN
    if PLAN_POINTS.search(signals.provider_name) or PLAN_POINTS.search(signals.provider_website):
        return PricingKind.SUBSCRIPTION_PLAN
    if (
        signals.provider_kind == FREE_TIER_PROVIDER
        or signals.at_lab_api
        or signals.sellers_own_list
    ):
        return PricingKind.FREE_TIER
    return PricingKind.UNKNOWN


Prices = tuple[Decimal | None, Decimal | None]  # (input, output), USD per 1M tokens


def below_list_price(prices: Prices, list_prices: Prices) -> bool:
    """Whether (input, output) `prices` are less than half the maker's `list_prices`: every
    token price both state (one at least)."""
    compared = [
        (price, listed)
        for price, listed in zip(prices, list_prices, strict=True)
        if price is not None and listed is not None
    ]
    return bool(compared) and all(price < listed * SUSPICIOUS_SHARE for price, listed in compared)


def marked_below_list(
    kind: str, standard: bool, at_maker_api: bool, prices: Prices, list_prices: Prices
) -> bool:
    """Whether a route's price is marked as under half the maker's list price: another
    provider's standard price, sold per token, compared with the maker's."""
    return (
        is_price(kind) and standard and not at_maker_api and below_list_price(prices, list_prices)
    )
