"""What the catalog's public pages show, as plain rows of text.

Built from records already loaded (`for_listing()`, `comparisons.facts.model_queryset()`,
`RouteQuerySet.history_records()`), so building a page makes no query and each rule of
how a fact reads is testable alone. Numbers read as on the pair page: "131k",
"$2.08/1M tokens", and "-" for what is not known (a price never reads "$0" for unknown).
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from catalog.history import price_changes
from comparisons.pairs import pair_url
from comparisons.tables import SUPPORT_TEXT, license_cell, parameters
from comparisons.text import (
    MISSING,
    compact_tokens,
    iso_day,
    iso_month,
    lower_first,
    oxford_join,
    plural,
    price_per_million,
    route_label,
    score_text,
    with_article,
)

NEVER_REVIEWED = "never reviewed"
STANDARD_TIER = "standard"


def reviewed_on(value):
    """The day a record was reviewed, in the site's time zone, or "never reviewed"."""
    return timezone.localdate(value).isoformat() if value else NEVER_REVIEWED


def sentence_case(text):
    return text[:1].upper() + text[1:]


# The models list.


@dataclass(frozen=True)
class ModelRow:
    name: str
    url: str
    organization: str
    released: str
    context_window: str
    cheapest_output: str
    openness: str
    capabilities: str


def model_rows(models):
    """One row per model loaded through `LanguageModelQuerySet.for_listing()`."""
    return [
        ModelRow(
            name=model.name,
            url=model.get_absolute_url(),
            organization=model.organization.name,
            released=iso_day(model.released_on),
            context_window=compact_tokens(model.context_window),
            cheapest_output=price_per_million(model.cheapest_output),
            openness=model.get_openness_display(),
            capabilities=", ".join(support.capability.name for support in model.supported)
            or MISSING,
        )
        for model in models
    ]


# One model's page.


@dataclass(frozen=True)
class Spec:
    label: str
    text: str
    badge: str = ""  # "OSI" beside an OSI-approved license


@dataclass(frozen=True)
class CapabilityRow:
    name: str
    text: str  # Yes / No / Unknown
    tone: str  # yes / no / unknown: the CSS class support-<tone>


@dataclass(frozen=True)
class RouteRow:
    provider: str
    provider_url: str
    tier: str
    provider_model_id: str
    input_price: str
    output_price: str
    cached_input_price: str
    reviewed: str
    source_url: str


@dataclass(frozen=True)
class ScoreRow:
    benchmark: str
    category: str
    score: str
    measured: str
    reviewed: str
    source_url: str


@dataclass(frozen=True)
class PriceChangeRow:
    changed_on: str
    route: str
    price: str
    old: str
    new: str


@dataclass(frozen=True)
class PairLink:
    text: str
    url: str


@dataclass(frozen=True)
class ModelPage:
    name: str
    organization: str
    summary: str
    tags: str
    specs: list[Spec]
    capabilities: list[CapabilityRow]
    routes: list[RouteRow]
    scores: list[ScoreRow]
    price_history: list[PriceChangeRow]
    pairs: list[PairLink]
    more_pairs: bool
    reviewed: str
    is_reviewed: bool
    source_url: str
    description: str


def model_specs(facts):
    """The spec table of a ModelFacts, in the pair page's order and wording."""
    license = license_cell(facts)
    return [
        Spec("Released", iso_day(facts.released_on)),
        Spec("Context window", compact_tokens(facts.context_window)),
        Spec("Max output", compact_tokens(facts.max_output_tokens)),
        Spec("Parameters", parameters(facts)),
        Spec("Architecture", sentence_case(facts.architecture) or MISSING),
        Spec("License", license.text, license.badge),
        Spec("Openness", facts.openness or MISSING),
        Spec("Commercial use", sentence_case(facts.commercial_use) or MISSING),
        Spec(
            "Knowledge cutoff",
            iso_month(facts.knowledge_cutoff),
        ),
    ]


def capability_rows(facts, capabilities):
    """Every capability in order: Yes, No, or Unknown (no row is Unknown, never No)."""
    rows = []
    for capability in capabilities:
        support = facts.support(capability.slug)
        rows.append(CapabilityRow(capability.name, SUPPORT_TEXT[support], support))
    return rows


def route_rows(routes):
    """Routes (with their provider loaded) as the model page lists them."""
    return [
        RouteRow(
            provider=route.provider.name,
            provider_url=route.provider.get_absolute_url(),
            tier=route.tier or STANDARD_TIER,
            provider_model_id=route.provider_model_id,
            input_price=price_per_million(route.input_price),
            output_price=price_per_million(route.output_price),
            cached_input_price=price_per_million(route.cached_input_price),
            reviewed=reviewed_on(route.reviewed_at),
            source_url=route.source_url,
        )
        for route in routes
    ]


def score_rows(scores):
    """Benchmark scores (with their benchmark loaded), by benchmark name."""
    return [
        ScoreRow(
            benchmark=score.benchmark.name,
            category=score.benchmark.category,
            score=score_text(score.value, score.benchmark.unit),
            measured=iso_day(score.measured_on),
            reviewed=reviewed_on(score.reviewed_at),
            source_url=score.source_url,
        )
        for score in sorted(scores, key=lambda score: score.benchmark.name)
    ]


def price_history(records):
    """Every price change of a model's routes, newest first.

    `records` are the routes' history records (any order, several routes mixed), with
    `provider` loaded: grouped per route here so that one query serves every route.
    """
    by_route = defaultdict(list)
    for record in records:
        by_route[record.id].append(record)
    changes = []
    for route_records in by_route.values():
        route_records.sort(key=lambda record: (record.history_date, record.history_id))
        latest = route_records[-1]
        label = route_label(latest.provider.name, latest.tier)
        if not latest.is_active:
            label = f"{label}, no longer offered"
        for change in price_changes(route_records):
            changes.append((change.changed_at, label, change))
    changes.sort(key=lambda item: item[0], reverse=True)
    return [
        PriceChangeRow(
            changed_on=timezone.localdate(changed_at).isoformat(),
            route=label,
            price=sentence_case(change.label),
            old=price_per_million(change.old),
            new=price_per_million(change.new),
        )
        for changed_at, label, change in changes
    ]


def pair_links(facts, similar):
    """Links to the pair pages of `facts` with each (name, slug) of `similar`, in order."""
    return [
        PairLink(f"{facts.name} vs {name}", pair_url(facts.slug, slug)) for name, slug in similar
    ]


def model_summary(facts):
    """Reads "A coding-specialized model by OpenAI, best for custom coding agents…"."""
    summary = (
        f"{sentence_case(with_article(lower_first(facts.product_type)))} by {facts.organization}"
    )
    if facts.best_for:
        summary += f", best for {facts.best_for}"
    return f"{summary}."


def model_description(facts, cheapest_output):
    """The meta description: what a search result should say about the model."""
    parts = [f"{facts.name} by {facts.organization}"]
    if facts.context_window:
        parts.append(f"{compact_tokens(facts.context_window)} context window")
    if cheapest_output is not None:
        parts.append(f"output from {price_per_million(cheapest_output)}")
    providers = len(facts.providers)
    if providers:
        parts.append(plural(providers, "tracked provider"))
    return f"{', '.join(parts)}. Specs, capabilities, prices, benchmarks, and price history."


def model_page(model, facts, capabilities, history_records, similar, similar_limit):
    """The model page of `model`, loaded through `comparisons.facts.model_queryset()` (its
    active routes and scores prefetched), and `facts` its `model_facts()`. `similar` holds
    up to `similar_limit` + 1 (name, slug) pairs: one more than shown says whether to
    point at the compare page for the rest."""
    routes = list(model.routes.all())
    reviewed_at = facts.stamp.reviewed_at if facts.stamp else None
    prices = [route.output_price for route in routes if route.output_price is not None]
    return ModelPage(
        name=facts.name,
        organization=facts.organization,
        summary=model_summary(facts),
        tags=oxford_join(facts.tags),
        specs=model_specs(facts),
        capabilities=capability_rows(facts, capabilities),
        routes=route_rows(routes),
        scores=score_rows(model.scores.all()),
        price_history=price_history(history_records),
        pairs=pair_links(facts, similar[:similar_limit]),
        more_pairs=len(similar) > similar_limit,
        reviewed=reviewed_on(reviewed_at),
        is_reviewed=reviewed_at is not None,
        source_url=facts.source_url,
        description=model_description(facts, min(prices) if prices else None),
    )


# Providers.


def website_host(url):
    """ "https://www.together.ai/pricing" → "together.ai": a link text that reads."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def kind_phrase(provider):
    """ "an aggregator", "a first-party API"."""
    return with_article(lower_first(provider.get_kind_display()))


@dataclass(frozen=True)
class ProviderRow:
    name: str
    url: str
    kind: str
    website: str
    website_host: str
    model_count: str


def provider_rows(providers):
    """Providers annotated by `ProviderQuerySet.with_model_count()`."""
    return [
        ProviderRow(
            name=provider.name,
            url=provider.get_absolute_url(),
            kind=provider.get_kind_display(),
            website=provider.website,
            website_host=website_host(provider.website) if provider.website else "",
            model_count=plural(provider.model_count, "model"),
        )
        for provider in providers
    ]


@dataclass(frozen=True)
class ServedModelRow:
    model: str
    model_url: str
    organization: str
    tier: str
    provider_model_id: str
    input_price: str
    output_price: str
    cached_input_price: str
    reviewed: str
    model_reviewed: str
    source_url: str


def served_model_rows(routes):
    """A provider's routes (with model and organization loaded), as its page lists them."""
    return [
        ServedModelRow(
            model=route.model.name,
            model_url=reverse("model_detail", args=[route.model.slug]),
            organization=route.model.organization.name,
            tier=route.tier or STANDARD_TIER,
            provider_model_id=route.provider_model_id,
            input_price=price_per_million(route.input_price),
            output_price=price_per_million(route.output_price),
            cached_input_price=price_per_million(route.cached_input_price),
            reviewed=reviewed_on(route.reviewed_at),
            model_reviewed=reviewed_on(route.model.reviewed_at),
            source_url=route.source_url,
        )
        for route in routes
    ]
