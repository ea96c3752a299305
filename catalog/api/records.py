"""The API's records as plain data, built by pure functions from rows already loaded (no
query of their own): the JSON answers and the CSV files are both made of these.

Every record of a curated fact carries its `source_url` and `reviewed_at`; an unknown fact
is None (JSON null, an empty CSV cell), never 0 or "".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.urls import NoReverseMatch, reverse

from catalog.formatting import partial_iso
from catalog.history import price_changes
from catalog.pricing import is_price

# What the records are: dicts of plain values (str, int, bool, date, datetime, None), and
# of nested dicts and lists of them.
Record = dict[str, Any]

# A route's standard service mode is stored as "" (no mode); the API names it.
STANDARD_MODE = "standard"

# The public page of each kind of record: its URL name and how many slugs it takes.
PAGE_URL_NAMES = {
    "model": ("catalog:model_detail", 1),
    "provider": ("catalog:provider_detail", 1),
    "benchmark": ("catalog:benchmark_detail", 1),
    "family": ("catalog:family_detail", 1),
    "route": ("catalog:route_detail", 2),  # a model at one provider: model, provider
}

PLACEHOLDER = "SLUG"  # uppercase: never in a slug


@dataclass(frozen=True)
class PageLinks:
    """Absolute URLs of the site's pages: `origin` ("https://host") and, per kind of
    record, its page's path split around its slugs (None: that kind has no page)."""

    origin: str
    frames: Mapping[str, list[str] | None]

    def of(self, kind: str, *slugs: str) -> str | None:
        frame = self.frames.get(kind)
        if frame is None:
            return None
        path = "".join(part + slug for part, slug in zip(frame, [*slugs, ""], strict=True))
        return f"{self.origin}{path}"


def page_links(origin: str) -> PageLinks:
    """Each page's path reversed once (not once per record)."""
    frames: dict[str, list[str] | None] = {}
    for kind, (url_name, arguments) in PAGE_URL_NAMES.items():
        try:
            path = reverse(url_name, args=[PLACEHOLDER] * arguments)
        except NoReverseMatch:
            frames[kind] = None
        else:
            frames[kind] = path.split(PLACEHOLDER)
    return PageLinks(origin, frames)


def decimal_text(value: Decimal | None) -> str | None:
    """Decimal("0.260000") → "0.26"; Decimal("100.000000") → "100"; None → None."""
    if value is None:
        return None
    return f"{value.normalize():f}"


def or_none(text: str) -> str | None:
    """A blank text field is an unknown fact: None."""
    return text or None


def curated(record: Any) -> Record:
    return {"source_url": or_none(record.source_url), "reviewed_at": record.reviewed_at}


def named(record: Any) -> Record | None:
    return None if record is None else {"slug": record.slug, "name": record.name}


def capability_map(capability_slugs: Iterable[str], support_rows: Iterable[Any]) -> Record:
    """Every capability's slug → "yes", "no" or "unknown": a capability the model has no
    row for is unknown (not a "no")."""
    support = {row.capability.slug: row.support for row in support_rows}
    return {slug: support.get(slug, "unknown") for slug in capability_slugs}


def offer_record(model: Any, offer: str) -> Record | None:
    """The model's `offer` ("list", "cheapest"), as `with_offers()` annotated it: the
    provider's slug and its standard input and output prices; None when there is none."""
    provider = getattr(model, f"{offer}_provider", None)
    if provider is None:
        return None
    return {
        "provider": provider,
        "input_price": decimal_text(getattr(model, f"{offer}_input")),
        "output_price": decimal_text(getattr(model, f"{offer}_output")),
    }


def model_record(model: Any, capability_slugs: Iterable[str], links: PageLinks) -> Record:
    """A model loaded with its organization, family and `capability_support` (each with
    its capability)."""
    return {
        "slug": model.slug,
        "name": model.name,
        "organization": named(model.organization),
        "family": named(model.family),
        "released_on": partial_iso(model.released_on, model.released_precision),
        "context_window": model.context_window,
        "max_output_tokens": model.max_output_tokens,
        "parameters_total": model.parameters_total,
        "parameters_active": model.parameters_active,
        "openness": or_none(model.openness),
        "license": or_none(model.license_name),
        "license_osi_approved": model.license_osi_approved,
        "knowledge_cutoff": partial_iso(model.knowledge_cutoff, model.knowledge_precision),
        "capabilities": capability_map(capability_slugs, model.capability_support.all()),
        "list_price": offer_record(model, "list"),
        "cheapest_price": offer_record(model, "cheapest"),
        "is_deprecated": model.is_deprecated,
        "retires_on": model.retires_on,
        "url": links.of("model", model.slug),
        **curated(model),
    }


def provider_record(provider: Any, links: PageLinks) -> Record:
    return {
        "slug": provider.slug,
        "name": provider.name,
        "kind": or_none(provider.kind),
        "lab": provider.lab.slug if provider.lab else None,
        "website": or_none(provider.website),
        "url": links.of("provider", provider.slug),
        **curated(provider),
    }


def route_identity(model: str, provider: str, mode: str, above: int) -> Record:
    return {
        "model": model,
        "provider": provider,
        "service_mode": mode or STANDARD_MODE,
        "context_above": above,
    }


def route_record(route: Any, links: PageLinks) -> Record:
    """A route loaded with its model and provider; its `url` is the page of its model at
    its provider (all of that model's routes there)."""
    return {
        "id": route.pk,
        **route_identity(
            route.model.slug,
            route.provider.slug,
            route.service_mode,
            route.context_above,
        ),
        "provider_model_id": or_none(route.provider_model_id),
        "context_window": route.context_window,
        "max_output_tokens": route.max_output_tokens,
        "region": or_none(route.region),
        "quantization": or_none(route.quantization),
        "confidential": route.confidential,
        "free_variant": route.free_variant,
        "snapshot": or_none(route.snapshot),
        "variant": or_none(route.variant),
        "pricing_kind": route.pricing_kind,
        **{
            field: decimal_text(getattr(route, field) if is_price(route.pricing_kind) else None)
            for field in ("input_price", "output_price", "cached_input_price", "cache_write_price")
        },
        "is_active": route.is_active,
        "is_deprecated": route.is_deprecated,
        "retires_on": route.retires_on,
        "url": links.of("route", route.model.slug, route.provider.slug),
        **curated(route),
    }


def changed_by(history_record: Any) -> str | None:
    """Who made a change, without naming anyone: "sync" (a catalog sync run wrote it),
    "editor" (an editor's save), or None when neither is recorded."""
    if history_record.sync_run_id is not None:
        return "sync"
    if history_record.history_user_id is not None:
        return "editor"
    return None


def price_change_records(history: Iterable[Any], routes: Mapping[int, Record]) -> list[Record]:
    """Every price change in `history` (routes' history records, oldest first), newest
    first; `routes` gives each route's identity (`route_identity`) by id, as the route is
    now. A route's first record (its creation) is no change. Ties (one save changing two
    prices, two routes at one instant) keep route and field order, so pages are stable."""
    previous: dict[int, Any] = {}
    changes: list[Record] = []
    for record in history:
        before = previous.get(record.id)
        previous[record.id] = record
        if before is None or record.id not in routes:
            continue
        for change in price_changes([before, record]):
            changes.append(
                {
                    "route": record.id,
                    **routes[record.id],
                    "field": change.field,
                    "old": decimal_text(change.old),
                    "new": decimal_text(change.new),
                    "changed_at": change.changed_at,
                    "effective_on": record.effective_on,
                    "changed_by": changed_by(record),
                    "source_url": or_none(record.source_url),
                }
            )
    changes.sort(key=lambda change: change["route"])  # stable: field order kept
    changes.sort(key=lambda change: change["changed_at"], reverse=True)
    return changes


def benchmark_record(benchmark: Any, links: PageLinks) -> Record:
    return {
        "slug": benchmark.slug,
        "name": benchmark.name,
        "category": or_none(benchmark.category),
        "unit": benchmark.unit,
        "higher_is_better": benchmark.higher_is_better,
        "description": or_none(benchmark.description),
        "url": links.of("benchmark", benchmark.slug),
        **curated(benchmark),
    }


def score_record(score: Any) -> Record:
    """A score loaded with its model and benchmark."""
    return {
        "benchmark": score.benchmark.slug,
        "model": score.model.slug,
        "value": decimal_text(score.value),
        "unit": score.benchmark.unit,
        "higher_is_better": score.benchmark.higher_is_better,
        "metric": or_none(score.metric),
        "harness": or_none(score.harness),
        "variant": or_none(score.variant),
        "dataset": or_none(score.dataset),
        "benchmark_version": or_none(score.benchmark_version),
        "claim": or_none(score.claim),
        "measured_by": or_none(score.measured_by),
        "measured_on": score.measured_on,
        **curated(score),
    }


def family_record(family: Any, links: PageLinks) -> Record:
    """A family loaded with its organization and `published_members` (slugs in order)."""
    return {
        "slug": family.slug,
        "name": family.name,
        "organization": named(family.organization),
        "description": or_none(family.description),
        "members": [member.slug for member in family.published_members],
        "url": links.of("family", family.slug),
        **curated(family),
    }
