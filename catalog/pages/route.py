"""A model on one provider (`/models/<slug>/<provider>/`): every route of the model there —
the standard price, service modes (batch, flex…), context tiers — active or no longer
offered, with its lifecycle, source and review date, the routes' price history, and links
to the model, the provider and the model's other providers."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from catalog.dependencies import depends_on, set_key
from catalog.formatting import (
    local_day,
    lower_first,
    oxford_join,
    plural,
    price_per_million,
    reviewed_on,
    route_limits,
    tier_label,
    tier_name,
)
from catalog.indexing import record_indexable
from catalog.lifecycle import LifecycleBadge, lifecycle_badge, retired
from catalog.models import LanguageModel, Provider, Route
from catalog.pages.model import PriceChangeRow, price_history
from catalog.pages.prices import price_texts, route_page_url
from catalog.price_series import PriceHistoryChart, price_history_chart
from catalog.pricing import in_place_of_price, is_price
from presentation.responses import latest
from presentation.seo import PageMeta

ACTIVE = "Offered"
INACTIVE = "No longer offered"


@dataclass(frozen=True)
class RouteRow:
    """One route of the model at the provider: a service mode and context tier."""

    tier: str  # "standard", "batch", "input over 200k tokens"
    provider_model_id: str
    input_price: str
    output_price: str
    cached_input_price: str
    cache_write_price: str
    limits: str  # the provider's own context window and max output
    lifecycle: LifecycleBadge | None
    active: bool
    status: str  # "Offered" / "No longer offered"
    reviewed: str
    source_url: str
    in_place_of_price: str = ""  # "In a subscription plan": shown across the price cells


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class RoutePage:
    model_name: str
    model_url: str
    organization: str
    provider_name: str
    provider_url: str
    model_lifecycle: LifecycleBadge | None
    summary: str
    rows: list[RouteRow]
    price_history: list[PriceChangeRow]
    price_chart: PriceHistoryChart | None  # every tier's prices over time
    other_providers: list[Link]  # the model's route pages at its other providers
    reviewed: str  # the day the model's facts were last reviewed, "" for never
    meta: PageMeta
    last_modified: datetime | None


def route_row(route: Route, today: date) -> RouteRow:
    input_price, output_price, cached_input_price, cache_write_price = price_texts(route)
    return RouteRow(
        tier=tier_label(route.tier),
        provider_model_id=route.provider_model_id,
        input_price=input_price,
        output_price=output_price,
        cached_input_price=cached_input_price,
        cache_write_price=cache_write_price,
        in_place_of_price=in_place_of_price(route.pricing_kind),
        limits=route_limits(route.context_window, route.max_output_tokens),
        lifecycle=lifecycle_badge(route.retires_on, route.is_deprecated, today),
        active=route.is_active,
        status=ACTIVE if route.is_active else INACTIVE,
        reviewed=reviewed_on(route.reviewed_at),
        source_url=route.source_url,
    )


def route_rows(routes: list[Route], today: date) -> list[RouteRow]:
    """The routes offered first, then those no longer offered; each group standard first,
    then by service mode and context tier."""
    ordered = sorted(
        routes, key=lambda route: (not route.is_active, route.service_mode, route.context_above)
    )
    return [route_row(route, today) for route in ordered]


def standard_route(routes: list[Route], today: date) -> Route | None:
    """The standard price of the base context tier, sold per token, while it can be bought."""
    for route in routes:
        if (
            route.is_active
            and not retired(route.retires_on, today)
            and is_price(route.pricing_kind)
            and route.service_mode == ""
            and route.context_above == 0
        ):
            return route
    return None


def route_summary(model_name: str, provider_name: str, routes: list[Route], today: date) -> str:
    """ "GPT-5 on OpenAI API: 3 price tiers offered, standard output $10/1M tokens." A
    free tier or a plan says so instead of a price."""
    offered = [route for route in routes if route.is_active]
    if not offered:
        return f"{provider_name} no longer offers {model_name}; its last prices are below."
    text = f"{model_name} on {provider_name}: {plural(len(offered), 'price tier')} offered"
    standard = standard_route(routes, today)
    if standard is not None and standard.output_price is not None:
        text += f", standard output {price_per_million(standard.output_price)}"
    labels = dict.fromkeys(in_place_of_price(route.pricing_kind) for route in offered)
    labels.pop("", None)
    if labels:
        text += f", {oxford_join(lower_first(label) for label in labels)}"
    return f"{text}."


def route_description(
    model_name: str, organization: str, provider_name: str, routes: list[Route], today: date
) -> str:
    """The meta description: the model, the provider, its standard prices where known."""
    text = f"{model_name} by {organization} on {provider_name}"
    standard = standard_route(routes, today)
    if standard is not None and standard.input_price is not None:
        text += f": input {price_per_million(standard.input_price)}"
        if standard.output_price is not None:
            text += f", output {price_per_million(standard.output_price)}"
    return (
        f"{text}. Every tier and service mode, cached input and cache write prices, the "
        "provider's model id, lifecycle, and price history."
    )


def history_tier(record) -> str:
    """A route of the page's provider named by its tier, in the price-history chart."""
    return tier_label(tier_name(record.service_mode, record.context_above))


def route_last_modified(
    model: LanguageModel, provider: Provider, routes_here: list[Route], all_routes: list[Route]
) -> datetime | None:
    """The latest change or review of what the page shows: the model, its organization,
    the provider and its routes there; and the latest change of any route of the model or
    its provider (the links to the other providers). `RouteSitemap` computes the same."""
    stamps = [
        model.updated_at,
        model.reviewed_at,
        model.organization.updated_at,
        model.organization.reviewed_at,
        provider.updated_at,
        provider.reviewed_at,
        *(route.reviewed_at for route in routes_here),
        *(route.updated_at for route in all_routes),
        *(route.provider.updated_at for route in all_routes),
    ]
    return latest(stamps)


def other_provider_links(model: LanguageModel, provider: Provider, routes) -> list[Link]:
    """The model's pages at the other providers that offer it, by provider name."""
    names = {
        route.provider.slug: route.provider.name
        for route in routes
        if route.is_active and route.provider_id != provider.pk
    }
    return [
        Link(f"{model.name} on {name}", route_page_url(model.slug, slug))
        for slug, name in sorted(names.items(), key=lambda item: item[1].casefold())
    ]


def route_page(
    model: LanguageModel, provider: Provider, all_routes: list[Route], history_records, today
) -> RoutePage:
    """The page of `model` (its organization loaded) at `provider`, from every route of the
    model (with their provider loaded) and the history records of those at `provider`."""
    here = [route for route in all_routes if route.provider_id == provider.pk]
    organization = model.organization.name
    records = list(history_records)
    return RoutePage(
        model_name=model.name,
        model_url=model.get_absolute_url(),
        organization=organization,
        provider_name=provider.name,
        provider_url=provider.get_absolute_url(),
        model_lifecycle=lifecycle_badge(model.retires_on, model.is_deprecated, today),
        summary=route_summary(model.name, provider.name, here, today),
        rows=route_rows(here, today),
        price_history=price_history(records),
        price_chart=price_history_chart(
            records,
            today,
            subject=f"{model.name} on {provider.name}",
            id="route-price-chart",  # its ids apart from the section's "price-history-title"
            standard_only=False,
            label=history_tier,
        ),
        other_providers=other_provider_links(model, provider, all_routes),
        reviewed=local_day(model.reviewed_at) if model.reviewed_at else "",
        meta=PageMeta(
            title=f"{model.name} on {provider.name}: prices, tiers and history",
            description=route_description(model.name, organization, provider.name, here, today),
            canonical_path=route_page_url(model.slug, provider.slug),
            og_type="article",
            # As the model page (catalog/indexing.py); not once the provider offers it no
            # more (the sitemap leaves it out).
            indexable=record_indexable(model) and any(route.is_active for route in here),
        ),
        last_modified=route_last_modified(model, provider, here, all_routes),
    )


def read_route_page(model_slug: str, provider_slug: str) -> RoutePage | None:
    """The page of the published model `model_slug` at the provider `provider_slug`, or
    None when there is no such model or it has no route there (active or not). Three
    queries: the model, its routes, their price history."""
    model = (
        LanguageModel.objects.published()
        .select_related("organization")
        .filter(slug=model_slug)
        .first()
    )
    if model is None:
        return None
    depends_on(set_key(Route, "model", model.pk))  # its routes, and their price history
    all_routes = list(
        Route.objects.filter(model=model)
        .select_related("provider")
        .order_by("provider__name", "service_mode", "context_above")
    )
    here = [route for route in all_routes if route.provider.slug == provider_slug]
    if not here:
        return None
    records = Route.objects.filter(pk__in=[route.pk for route in here]).history_records()
    return route_page(model, here[0].provider, all_routes, records, timezone.localdate())
