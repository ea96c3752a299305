"""The price table that the model page and the provider page share: one row per route."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from catalog.formatting import price_per_million, reviewed_on, route_limits, tier_label
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import Route
from catalog.pricing import BELOW_LIST, Prices, in_place_of_price, is_price, marked_below_list
from catalog.slugs import page_url


def route_page_url(model_slug: str, provider_slug: str) -> str:
    """The page of a model on one provider (every tier of it there)."""
    return page_url("catalog:route_detail", model_slug, provider_slug)


@dataclass(frozen=True)
class PriceRow:
    """A route's prices. `name` is the row's heading: the provider on a model's page, the
    model on a provider's page; `url` the page of the model on that provider;
    `organization` is shown on a provider's page."""

    name: str
    url: str
    provider_model_id: str
    tier: str
    input_price: str
    output_price: str
    cached_input_price: str
    limits: str  # the provider's own context window and max output
    reviewed: str
    source_url: str
    organization: str = ""
    lifecycle: LifecycleBadge | None = None  # the route's
    name_lifecycle: LifecycleBadge | None = None  # the model's, on a provider's page
    in_place_of_price: str = ""  # "In a subscription plan": shown across the price cells
    warning: str = ""  # under half the maker's list price (catalog/pricing.py)


def price_texts(route: Route) -> tuple[str, str, str, str]:
    """The route's input, output, cached input and cache write prices as they read: "-"
    where unknown, and for a route not sold per token (its label reads in their place)."""

    def text(price: Decimal | None) -> str:
        return price_per_million(price if is_price(route.pricing_kind) else None)

    return (
        text(route.input_price),
        text(route.output_price),
        text(route.cached_input_price),
        text(route.cache_write_price),
    )


def price_warning(route: Route, list_prices: Prices) -> str:
    """The mark of a price under half the maker's list price, or "": the route is loaded
    with its provider and model."""
    at_maker_api = route.provider.lab_id is not None and (
        route.provider.lab_id == route.model.organization_id
    )
    standard = route.service_mode == "" and route.context_above == 0
    prices = (route.input_price, route.output_price)
    marked = marked_below_list(route.pricing_kind, standard, at_maker_api, prices, list_prices)
    return BELOW_LIST if marked else ""


def price_row(
    route: Route,
    name: str,
    url: str,
    organization: str = "",
    name_lifecycle: LifecycleBadge | None = None,
    list_prices: Prices = (None, None),
) -> PriceRow:
    """A route's row; `list_prices` are its model's maker's (input, output) list prices."""
    input_price, output_price, cached_input_price, _ = price_texts(route)
    return PriceRow(
        name=name,
        url=url,
        provider_model_id=route.provider_model_id,
        tier=tier_label(route.tier),
        input_price=input_price,
        output_price=output_price,
        cached_input_price=cached_input_price,
        limits=route_limits(route.context_window, route.max_output_tokens),
        reviewed=reviewed_on(route.reviewed_at),
        source_url=route.source_url,
        organization=organization,
        lifecycle=lifecycle_badge(route.retires_on, route.is_deprecated, timezone.localdate()),
        name_lifecycle=name_lifecycle,
        in_place_of_price=in_place_of_price(route.pricing_kind),
        warning=price_warning(route, list_prices),
    )
