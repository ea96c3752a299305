"""A model's page (`/models/<slug>/`): specs, capabilities, prices, benchmarks, price
history, and links to its pair pages with the most similar models."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.utils import timezone

from catalog.facts import (
    CapabilityFacts,
    ModelFacts,
    PriceQuote,
    active_routes,
    capability_list,
    model_facts,
    model_queryset,
    shown_scores,
)
from catalog.formatting import (
    MISSING,
    SUPPORT_TEXT,
    compact_tokens,
    iso_day,
    iso_month,
    lifecycle,
    local_day,
    lower_first,
    oxford_join,
    parameter_counts,
    partial_date,
    plural,
    price_per_million,
    reviewed_on,
    score_text,
    sentence_case,
    with_article,
)
from catalog.history import price_changes
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import LanguageModel, Route
from catalog.pages.prices import PriceRow, price_row, route_page_url
from catalog.price_series import (
    PriceHistoryChart,
    price_history_chart,
    provider_label,
    records_by_route,
)
from catalog.pricing import BELOW_LIST, Prices, PricingKind
from catalog.scores import Claim, setting_text
from catalog.similar import similar_models
from catalog.slugs import pair_url
from catalog.sync.snapshot import SOURCE_NAMES
from presentation.seo import PageMeta

# How many pair pages a model page links to; the compare page reaches the rest.
SIMILAR_PAIRS = 12


@dataclass(frozen=True)
class Spec:
    label: str
    text: str
    badge: str = ""  # "OSI" beside an OSI-approved license
    # Where sources differ: (the other value, as it reads; the sources stating it).
    differ: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CapabilityRow:
    name: str
    text: str  # Yes / No / Unknown
    tone: str  # yes / no / unknown: the CSS class support-<tone>


@dataclass(frozen=True)
class ScoreRow:
    benchmark: str
    category: str
    score: str
    measured: str
    reviewed: str
    source_url: str
    benchmark_url: str
    setting: str = ""  # how it was run: "Claude Code, medium"
    claim: str = ""  # "measured by Aider", "reported by the lab"


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
    derived_note: str  # "Its decision fit and “best for” are" derived, or "" (none is)
    specs: list[Spec]
    capabilities: list[CapabilityRow]
    routes: list[PriceRow]
    prices: list[str]  # the list price, the cheapest route, the free tiers and plans
    scores: list[ScoreRow]
    price_history: list[PriceChangeRow]
    pairs: list[PairLink]
    more_pairs: bool
    reviewed: str  # the day the model's facts were last reviewed, "" for never
    # For a model no editor reviewed that a sync wrote: the source ("models.dev") and the
    # day it stated the facts; "" otherwise.
    stated_by: str
    stated_on: str
    corroborated_by: int  # sources stating its facts alike, where no editor reviewed it
    source_url: str
    meta: PageMeta
    last_modified: datetime | None
    lifecycle: LifecycleBadge | None = None  # the header's badge: deprecated, retires, retired
    price_chart: PriceHistoryChart | None = None  # standard-tier prices over time
    family: PairLink | None = None  # its family's name and page, when it has one


def model_specs(facts: ModelFacts, status: str = "") -> list[Spec]:
    """The spec table of a ModelFacts, in the pair page's order and wording, and its
    lifecycle ("deprecated, retires 2026-03-31") when a source states one."""
    status_rows = [Spec("Status", sentence_case(status))] if status else []
    differ = partial(sources_differ, facts.disputes)
    return [
        Spec(
            "Released",
            partial_date(facts.released_on, facts.released_precision),
            differ=differ("released_on"),
        ),
        Spec(
            "Context window",
            compact_tokens(facts.context_window),
            differ=differ("context_window"),
        ),
        Spec(
            "Max output",
            compact_tokens(facts.max_output_tokens),
            differ=differ("max_output_tokens"),
        ),
        Spec("Parameters", parameter_counts(facts.parameters_total, facts.parameters_active)),
        Spec("Architecture", sentence_case(facts.architecture) or MISSING),
        Spec(
            "License",
            facts.license_name or MISSING,
            facts.license_badge,
            differ=differ("license_name"),
        ),
        Spec("Openness", facts.openness or MISSING, differ=differ("openness")),
        Spec("Commercial use", sentence_case(facts.commercial_use) or MISSING),
        Spec(
            "Knowledge cutoff",
            iso_month(facts.knowledge_cutoff),
            differ=differ("knowledge_cutoff"),
        ),
        *status_rows,
    ]


def sources_differ(disputes: dict, fact: str) -> tuple[tuple[str, str], ...]:
    """The other values its sources state for `fact`, as they read on the page, each
    with the sources that state it ("128k", "models.dev: Abacus, models.dev: 302AI")."""
    return tuple(
        (stated_text(fact, other["value"]), ", ".join(other["sources"]))
        for other in disputes.get(fact, ())
    )


def stated_text(fact: str, value) -> str:
    if fact in ("context_window", "max_output_tokens"):
        return compact_tokens(value)
    if fact == "knowledge_cutoff":
        return str(value)[:7]
    if fact == "openness":
        return (
            str(LanguageModel.Openness(value).label)
            if value in LanguageModel.Openness
            else str(value)
        )
    return str(value)


def capability_rows(facts: ModelFacts, capabilities: list[CapabilityFacts]) -> list[CapabilityRow]:
    """Every capability in order: Yes, No, or Unknown (no row is Unknown, never No)."""
    rows = []
    for capability in capabilities:
        support = facts.support(capability.slug)
        rows.append(CapabilityRow(capability.name, SUPPORT_TEXT[support], support))
    return rows


def route_rows(model_slug: str, routes, list_prices: Prices = (None, None)) -> list[PriceRow]:
    """Routes (with their provider loaded) as the model page lists them, each linking to
    the page of the model on its provider; `list_prices` are the maker's (input, output)."""
    return [
        price_row(
            route,
            route.provider.name,
            route_page_url(model_slug, route.provider.slug),
            list_prices=list_prices,
        )
        for route in routes
    ]


def quote_text(quote: PriceQuote) -> str:
    return (
        f"{price_per_million(quote.input_price, 'input tokens')} and "
        f"{price_per_million(quote.output_price, 'output tokens')}"
    )


# How the routes not sold per token are counted: "2 free tiers", "1 subscription plan".
NOT_PRICES: dict[str, str] = {
    PricingKind.FREE_TIER: "free tier",
    PricingKind.SUBSCRIPTION_PLAN: "subscription plan",
    PricingKind.LOCAL: "local app",
}


def price_summary(facts: ModelFacts) -> list[str]:
    """What the model costs, in sentences: the maker's list price, the cheapest per-token
    route (marked when under half the list price), and the free tiers and plans it is
    also on (never a price)."""
    lines = []
    listed, cheapest = facts.list_price, facts.cheapest_price
    if listed is not None:
        lines.append(f"Maker's list price, at {listed.provider}: {quote_text(listed)}.")
    if cheapest is not None and cheapest != listed:
        below = any(
            route.below_list and route.provider_slug == cheapest.provider_slug
            for route in facts.routes
        )
        warning = f" ({BELOW_LIST})" if below else ""
        lines.append(
            f"Cheapest per-token route: {cheapest.provider}, {quote_text(cheapest)}{warning}."
        )
    providers: dict[str, set[str]] = {kind: set() for kind in NOT_PRICES}
    for route in facts.routes:
        if route.pricing_kind in providers:
            providers[route.pricing_kind].add(route.provider)
    counted = [plural(len(names), NOT_PRICES[kind]) for kind, names in providers.items() if names]
    if counted:
        also = "Also on" if lines else "On"
        lines.append(f"{also} {oxford_join(counted)}: not sold per token, so never a price here.")
    return lines


def score_rows(scores) -> list[ScoreRow]:
    """Benchmark scores (with their benchmark loaded), by benchmark name."""
    return [
        ScoreRow(
            benchmark=score.benchmark.name,
            category=score.benchmark.category,
            score=score_text(score.value, score.benchmark.unit),
            measured=iso_day(score.measured_on),
            reviewed=reviewed_on(score.reviewed_at),
            source_url=score.source_url,
            benchmark_url=score.benchmark.get_absolute_url(),
            setting=setting_text(
                score.harness, score.variant, score.dataset, score.benchmark_version
            ),
            claim=Claim(score.claim, score.measured_by).text,
        )
        for score in sorted(
            scores, key=lambda score: (score.benchmark.name, score.harness, score.variant)
        )
    ]


def price_history(records) -> list[PriceChangeRow]:
    """Every price change of a model's routes, newest first.

    `records` are the routes' history records (any order, several routes mixed), with
    `provider` loaded: grouped per route here so that one query serves every route.
    """
    changes = []
    for route_records in records_by_route(records):
        latest = route_records[-1]
        label = provider_label(latest)
        if not latest.is_active:
            label = f"{label}, no longer offered"
        for change in price_changes(route_records):
            # Dated by the day it took effect, where the source says, as the chart is.
            day = change.effective_on or timezone.localdate(change.changed_at)
            changes.append(((day, change.changed_at), label, change))
    changes.sort(key=lambda item: item[0], reverse=True)
    return [
        PriceChangeRow(
            changed_on=day.isoformat(),
            route=label,
            price=sentence_case(change.label),
            old=price_per_million(change.old),
            new=price_per_million(change.new),
        )
        for (day, _), label, change in changes
    ]


def pair_links(facts: ModelFacts, similar: list[tuple[str, str]]) -> list[PairLink]:
    """Links to the pair pages of `facts` with each (name, slug) of `similar`, in order."""
    return [
        PairLink(f"{facts.name} vs {name}", pair_url(facts.slug, slug)) for name, slug in similar
    ]


# How the model page names a derived signal.
SIGNAL_NAMES = {"product_type": "product type", "tags": "decision fit", "best_for": "“best for”"}


def derived_note(facts: ModelFacts) -> str:
    """ "Its decision fit and “best for” are": the start of the sentence that says which
    of its signals are derived from stated facts (catalog/derived.py); "" when none is."""
    names = [name for field, name in SIGNAL_NAMES.items() if field in facts.derived]
    if not names:
        return ""
    return f"Its {oxford_join(names)} {'is' if len(names) == 1 else 'are'}"


def model_summary(facts: ModelFacts) -> str:
    """Reads "A coding-specialized model by OpenAI, best for custom coding agents…"."""
    kind = lower_first(facts.product_type) or "language model"
    summary = f"{sentence_case(with_article(kind))} by {facts.organization}"
    if facts.best_for:
        summary += f", best for {facts.best_for}"
    return f"{summary}."


def model_description(facts: ModelFacts) -> str:
    """The meta description: what a search result should say about the model."""
    parts = [f"{facts.name} by {facts.organization}"]
    if facts.context_window:
        parts.append(f"{compact_tokens(facts.context_window)} context window")
    listed, cheapest = facts.list_price, facts.cheapest_price
    if listed is not None and listed.output_price is not None:
        parts.append(f"output {price_per_million(listed.output_price)} at its maker's list price")
    elif cheapest is not None and cheapest.output_price is not None:
        parts.append(f"output from {price_per_million(cheapest.output_price)}")
    providers = len(facts.providers)
    if providers:
        parts.append(plural(providers, "tracked provider"))
    return f"{', '.join(parts)}. Specs, capabilities, prices, benchmarks, and price history."


def source_name(run) -> str:
    """How a page names the source of the sync run that last wrote a record ("" for none)."""
    return SOURCE_NAMES.get(run.source, run.source) if run is not None else ""


def stated_by(model: LanguageModel) -> str:
    """The sources a synced model's facts come from ("models.dev and OpenRouter"), as its
    last sync recorded them (catalog/sync/statements.py); else its last run's source."""
    named = [SOURCE_NAMES[source] for source in model.fact_source.split() if source in SOURCE_NAMES]
    return oxford_join(named) if named else source_name(model.sync_run)


def model_page(
    model: LanguageModel,
    facts: ModelFacts,
    capabilities: list[CapabilityFacts],
    history_records,
    similar: list[tuple[str, str]],
    similar_limit: int,
) -> ModelPage:
    """The model page of `model`, loaded through `catalog.facts.model_queryset()` (its
    routes and scores prefetched), and `facts` its `model_facts()`. `similar` holds
    up to `similar_limit` + 1 (name, slug) pairs: one more than shown says whether to
    point at the compare page for the rest."""
    routes = active_routes(model)
    records = list(history_records)  # read once: the table and the chart
    reviewed_at = facts.stamp.reviewed_at if facts.stamp else None
    today = timezone.localdate()
    listed = facts.list_price
    return ModelPage(
        family=PairLink(model.family.name, model.family.get_absolute_url())
        if model.family
        else None,
        name=facts.name,
        organization=facts.organization,
        summary=model_summary(facts),
        tags=oxford_join(facts.tags),
        derived_note=derived_note(facts),
        specs=model_specs(facts, lifecycle(model.retires_on, model.is_deprecated, today)),
        capabilities=capability_rows(facts, capabilities),
        routes=route_rows(
            model.slug,
            routes,
            (listed.input_price, listed.output_price) if listed else (None, None),
        ),
        prices=price_summary(facts),
        scores=score_rows(shown_scores(model)),
        price_history=price_history(records),
        pairs=pair_links(facts, similar[:similar_limit]),
        more_pairs=len(similar) > similar_limit,
        reviewed=local_day(reviewed_at) if reviewed_at else "",
        stated_by=stated_by(model) if reviewed_at is None else "",
        corroborated_by=facts.corroborated_by if reviewed_at is None else 0,
        stated_on=local_day(model.sync_run.created_at)
        if reviewed_at is None and model.sync_run
        else "",
        source_url=facts.source_url,
        meta=PageMeta(
            title=f"{facts.name}: specs, prices, and capabilities",
            description=model_description(facts),
            canonical_path=model.get_absolute_url(),
            og_type="article",
            indexable=facts.indexable,  # catalog/indexing.py
        ),
        last_modified=facts.last_modified,
        lifecycle=lifecycle_badge(model.retires_on, model.is_deprecated, today),
        # Its own id: the default would repeat the section heading's "price-history-title".
        price_chart=price_history_chart(records, today, subject=facts.name, id="model-price-chart"),
    )


def read_model_page(slug: str) -> ModelPage | None:
    """The page of the published model `slug`, or None when there is none."""
    model = model_queryset().filter(slug=slug).first()
    if model is None:
        return None
    facts = model_facts(model)
    return model_page(
        model,
        facts,
        capabilities=capability_list(),
        history_records=Route.objects.filter(model=model).history_records(),
        similar=similar_models(facts, [facts.slug], SIMILAR_PAIRS + 1),
        similar_limit=SIMILAR_PAIRS,
    )
