"""The providers list (`/providers/`) and a provider's page (`/providers/<slug>/`)."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from catalog.formatting import MISSING, local_day, lower_first, plural, with_article
from catalog.lifecycle import lifecycle_badge
from catalog.models import Provider, Route, catalog_changed_at
from catalog.pages.prices import PriceRow, price_row, route_page_url
from presentation.responses import latest
from presentation.seo import PageMeta


def website_host(url: str) -> str:
    """ "https://www.together.ai/pricing" → "together.ai": a link text that reads."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


# What a provider of a kind that is not sold per token is, said on its page.
KIND_NOTES = {
    Provider.Kind.SUBSCRIPTION_PLAN: "prices are part of the plan, not per token",
    Provider.Kind.FREE_TIER: "a free or trial endpoint, rate-limited: its $0 is not a price",
    Provider.Kind.LOCAL_APP: "models run on your own machine, not priced per token",
}


def kind_phrase(provider: Provider) -> str:
    """ "a gateway or router", "the lab's own API", "a provider" (no kind known)."""
    label = lower_first(provider.get_kind_display())
    if not label:
        return "a provider"
    return label if label.startswith("the ") else with_article(label)


@dataclass(frozen=True)
class ProviderRow:
    name: str
    url: str
    kind: str
    website: str
    website_host: str
    model_count: str


@dataclass(frozen=True)
class ProviderListPage:
    rows: list[ProviderRow]
    meta: PageMeta
    last_modified: datetime | None
    kind: str = ""  # the kind filtered by, "" for every kind
    kind_label: str = ""


@dataclass(frozen=True)
class ProviderPage:
    provider: Provider
    kind: str
    kind_phrase: str
    kind_note: str  # what a plan, a free tier or a local app means for its prices
    website_host: str
    reviewed: str  # the day the provider's facts were last reviewed, "" for never
    rows: list[PriceRow]
    model_count: str
    meta: PageMeta
    last_modified: datetime | None


def provider_rows(providers) -> list[ProviderRow]:
    """Providers annotated by `ProviderQuerySet.with_model_count()`."""
    return [
        ProviderRow(
            name=provider.name,
            url=provider.get_absolute_url(),
            kind=provider.get_kind_display() or MISSING,
            website=provider.website,
            website_host=website_host(provider.website) if provider.website else "",
            model_count=plural(provider.model_count, "model"),
        )
        for provider in providers
    ]


def served_model_rows(routes) -> list[PriceRow]:
    """A provider's routes (with model, organization and provider loaded, and annotated
    `with_list_prices`), as its page lists them, each linking to the page of the model on
    the provider, with the model's lifecycle badge beside its name."""
    today = timezone.localdate()
    return [
        price_row(
            route,
            route.model.name,
            route_page_url(route.model.slug, route.provider.slug),
            organization=route.model.organization.name,
            name_lifecycle=lifecycle_badge(
                route.model.retires_on, route.model.is_deprecated, today
            ),
            list_prices=(route.list_input, route.list_output),
        )
        for route in routes
    ]


def read_provider_list(kind: str = "") -> ProviderListPage:
    """Every provider serving a published model, by name; only those of `kind` when given
    (one of `Provider.Kind`)."""
    providers = Provider.objects.serving_published_models()
    if kind:
        providers = providers.filter(kind=kind)
    listed = list(
        providers.with_model_count()
        .with_last_modified()
        .order_by("name")  # Meta.ordering does not apply to an aggregating query
    )
    stamps = [provider.last_modified for provider in listed]
    label = str(Provider.Kind(kind).label) if kind else ""
    path = reverse("catalog:provider_list")
    return ProviderListPage(
        rows=provider_rows(listed),
        meta=PageMeta(
            title=f"Providers: {lower_first(label)}"
            if kind
            else "Providers: where to run each model",
            description=(
                f"{plural(len(listed), 'provider')} serving the models we track: "
                "labs' own APIs, gateways, cloud and inference platforms, subscription plans, "
                "free tiers and local apps, with their prices."
            ),
            canonical_path=f"{path}?kind={kind}" if kind else path,
        ),
        last_modified=latest([*stamps, catalog_changed_at()]),
        kind=kind,
        kind_label=label,
    )


def read_provider_page(slug: str) -> ProviderPage | None:
    """The page of the provider `slug` (listed or not), or None when there is none."""
    provider = Provider.objects.with_last_modified().filter(slug=slug).first()
    if provider is None:
        return None
    routes = (
        Route.objects.public()
        .filter(provider=provider)
        .with_list_prices()
        .select_related("model__organization", "provider")
        .order_by("model__name", "service_mode", "context_above")
    )
    rows = served_model_rows(routes)
    models = len({row.name for row in rows})
    kind = provider.get_kind_display()
    described = f"{provider.name} ({kind})" if kind else provider.name
    return ProviderPage(
        provider=provider,
        kind=kind or "Provider",
        kind_phrase=kind_phrase(provider),
        kind_note=KIND_NOTES.get(provider.kind, ""),
        website_host=website_host(provider.website) if provider.website else "",
        reviewed=local_day(provider.reviewed_at) if provider.reviewed_at else "",
        rows=rows,
        model_count=plural(models, "model"),
        meta=PageMeta(
            title=f"{provider.name}: models and prices",
            description=(
                f"{described} serves {plural(models, 'tracked model')}: input, "
                "output, and cached input prices per 1M tokens, with the date each was last "
                "reviewed."
            ),
            canonical_path=provider.get_absolute_url(),
            # A provider serving no published model is a thin page: reachable, not indexed.
            indexable=bool(rows),
        ),
        last_modified=provider.last_modified,
    )
