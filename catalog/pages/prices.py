"""The price table that the model page and the provider page share: one row per route."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from catalog.formatting import price_per_million, reviewed_on, route_limits, tier_label
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import Route


def route_page_url(model_slug: str, provider_slug: str) -> str:
    """The page of a model on one provider (every tier of it there)."""
    return reverse("catalog:route_detail", args=[model_slug, provider_slug])


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


def price_row(
    route: Route,
    name: str,
    url: str,
    organization: str = "",
    name_lifecycle: LifecycleBadge | None = None,
) -> PriceRow:
    return PriceRow(
        name=name,
        url=url,
        provider_model_id=route.provider_model_id,
        tier=tier_label(route.tier),
        input_price=price_per_million(route.input_price),
        output_price=price_per_million(route.output_price),
        cached_input_price=price_per_million(route.cached_input_price),
        limits=route_limits(route.context_window, route.max_output_tokens),
        reviewed=reviewed_on(route.reviewed_at),
        source_url=route.source_url,
        organization=organization,
        lifecycle=lifecycle_badge(route.retires_on, route.is_deprecated, timezone.localdate()),
        name_lifecycle=name_lifecycle,
    )
