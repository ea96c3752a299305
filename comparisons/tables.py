"""The pair page's tables: scorecard, specs, pricing, routes, capabilities, benchmarks."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse

from catalog.facts import CapabilityFacts, ModelFacts, ScoreFacts
from catalog.formatting import (
    MISSING,
    SUPPORT_TEXT,
    iso_month,
    oxford_join,
    parameter_counts,
    partial_date,
    plural,
    price_per_million,
    score_text,
    tier_label,
    token_labels,
    usd_amount,
)
from catalog.lifecycle import LifecycleBadge
from catalog.pricing import BELOW_LIST
from comparisons import rules
from comparisons.cost import Traffic, applicable_routes, monthly_cost

# Where a derived signal's rule is stated.
DERIVED_RULES = "/methodology/#derived-signals"


@dataclass(frozen=True)
class Cell:
    text: str
    badge: str = ""  # a short mark shown beside the text, e.g. "OSI"
    tone: str = ""  # "yes" / "no" / "unknown" for capability cells
    links: tuple[tuple[str, str], ...] = ()  # (text, URL), shown instead of `text` when any
    lifecycle: LifecycleBadge | None = None  # deprecated / retires / retired, after the text
    note: str = ""  # a few words after the text, smaller: "measured by Aider"
    note_url: str = ""  # where the note links: the rule a derived value follows


@dataclass(frozen=True)
class PairRow:
    """A row of a two-model table: a label, then A's cell and B's."""

    label: str
    a: Cell
    b: Cell


def row(label: str, value_a: str, value_b: str) -> PairRow:
    return PairRow(label, Cell(value_a), Cell(value_b))


def signal_cell(model: ModelFacts, field: str, text: str) -> Cell:
    """A decision signal's cell, labelled "derived" (linking to its rule) where no editor
    set it (catalog/derived.py)."""
    if field in model.derived:
        return Cell(text or MISSING, note="derived", note_url=DERIVED_RULES)
    return Cell(text or MISSING)


def signal_row(
    label: str, field: str, a: ModelFacts, b: ModelFacts, text: Callable[[ModelFacts], str]
) -> PairRow:
    return PairRow(label, signal_cell(a, field, text(a)), signal_cell(b, field, text(b)))


def scorecard(a: ModelFacts, b: ModelFacts) -> list[PairRow]:
    shared = plural(len(rules.shared_benchmarks(a, b)), "row")
    return [
        signal_row("Product type", "product_type", a, b, lambda m: m.product_type),
        signal_row("Best for", "best_for", a, b, lambda m: m.best_for),
        signal_row("Decision fit", "tags", a, b, lambda m: oxford_join(m.tags)),
        row("Context window", *token_labels(a.context_window, b.context_window)),
        row(
            "Cheapest output",
            rules.offer_text(rules.lowest_offer(a, "output_price")),
            rules.offer_text(rules.lowest_offer(b, "output_price")),
        ),
        row(
            "Provider routes",
            f"{rules.provider_count(a)} tracked",
            f"{rules.provider_count(b)} tracked",
        ),
        row("Shared benchmarks", shared, shared),
        *lifecycle_rows(a, b),
    ]


def lifecycle_cell(model: ModelFacts) -> Cell:
    # A badge says it all; "-" where no end is stated.
    return Cell("" if model.lifecycle else MISSING, lifecycle=model.lifecycle)


def lifecycle_rows(a: ModelFacts, b: ModelFacts) -> list[PairRow]:
    """A "Status" row when either model is deprecated or has a retirement date."""
    if a.lifecycle is None and b.lifecycle is None:
        return []
    return [PairRow("Status", lifecycle_cell(a), lifecycle_cell(b))]


def parameters(model: ModelFacts) -> str:
    return parameter_counts(model.parameters_total, model.parameters_active)


def license_cell(model: ModelFacts) -> Cell:
    return Cell(model.license_name or MISSING, badge=model.license_badge)


def commercial_use(model: ModelFacts) -> str:
    return f"Commercial use {model.commercial_use}" if model.commercial_use else MISSING


def specs(a: ModelFacts, b: ModelFacts) -> list[PairRow]:
    return [
        row(
            "Released",
            partial_date(a.released_on, a.released_precision),
            partial_date(b.released_on, b.released_precision),
        ),
        row("Context window", *token_labels(a.context_window, b.context_window)),
        row("Max output", *token_labels(a.max_output_tokens, b.max_output_tokens)),
        row("Parameters", parameters(a), parameters(b)),
        row("Architecture", a.architecture or MISSING, b.architecture or MISSING),
        PairRow("License", license_cell(a), license_cell(b)),
        row("Openness", a.openness or MISSING, b.openness or MISSING),
        row("Commercial use", commercial_use(a), commercial_use(b)),
        row("Knowledge cutoff", iso_month(a.knowledge_cutoff), iso_month(b.knowledge_cutoff)),
    ]


def list_price_text(model: ModelFacts) -> str:
    """ "$5/1M input tokens, $25/1M output tokens (Anthropic)", or "-" without one."""
    quote = model.list_price
    if quote is None:
        return MISSING
    prices = [
        price_per_million(price, unit)
        for price, unit in (
            (quote.input_price, "input tokens"),
            (quote.output_price, "output tokens"),
        )
        if price is not None
    ]
    return f"{', '.join(prices)} ({quote.provider})"


def pricing(a: ModelFacts, b: ModelFacts) -> list[PairRow]:
    """Lowest sourced input and output prices, then the maker's list price
    (`providers_row` follows them on the page)."""
    return [
        row(
            "Input price",
            rules.offer_text(rules.lowest_offer(a, "input_price")),
            rules.offer_text(rules.lowest_offer(b, "input_price")),
        ),
        row(
            "Output price",
            rules.offer_text(rules.lowest_offer(a, "output_price")),
            rules.offer_text(rules.lowest_offer(b, "output_price")),
        ),
        row("Maker's list price", list_price_text(a), list_price_text(b)),
    ]


def providers_row(providers_a, providers_b):
    """The providers of each model as links, from (name, slug) pairs in the order given."""

    def cell(providers):
        links = tuple(
            (name, reverse("catalog:provider_detail", args=[slug])) for name, slug in providers
        )
        return Cell(MISSING, links=links)

    return PairRow("Providers", cell(providers_a), cell(providers_b))


@dataclass(frozen=True)
class RouteCostRow:
    model: str
    provider: str
    provider_slug: str
    tier: str  # "standard", "batch", "input over 200k tokens"
    input_price: str
    output_price: str
    monthly: str
    model_slug: str = ""
    lifecycle: LifecycleBadge | None = None  # where the provider has dated its end
    in_place_of_price: str = ""  # "Free tier (rate-limited)", "In a subscription plan"…
    warning: str = ""  # a price under half the maker's list price (catalog/pricing.py)


def routes(models: Iterable[ModelFacts], traffic: Traffic) -> list[RouteCostRow]:
    """Every tracked route or tier of the two models, with its total at `traffic` where it
    applies (its service mode, the context tier the requests fall in, not retired)."""
    rows: list[RouteCostRow] = []
    for model in models:
        applicable = applicable_routes(model.routes, traffic)
        # Priced routes first, cheapest first; then the rest by provider.
        costed = [
            (monthly_cost(route, traffic) if route in applicable else None, route)
            for route in model.routes
        ]
        costed.sort(
            key=lambda pair: (pair[0] is None, pair[0] or 0, pair[1].provider, pair[1].tier)
        )
        for cost, route in costed:
            rows.append(
                RouteCostRow(
                    model=model.name,
                    provider=route.provider,
                    provider_slug=route.provider_slug,
                    tier=tier_label(route.tier),
                    input_price=price_per_million(route.input_price),
                    output_price=price_per_million(route.output_price),
                    monthly=MISSING if cost is None else usd_amount(cost),
                    model_slug=model.slug,
                    lifecycle=route.lifecycle,
                    in_place_of_price=route.in_place_of_price,
                    warning=BELOW_LIST if route.below_list else "",
                )
            )
    return rows


def capabilities_table(
    a: ModelFacts, b: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[PairRow]:
    def cell(model: ModelFacts, cap: CapabilityFacts) -> Cell:
        support = model.support(cap.slug)
        return Cell(SUPPORT_TEXT[support], tone=support)

    return [PairRow(cap.name, cell(a, cap), cell(b, cap)) for cap in capabilities]


def score_cell(score: ScoreFacts) -> Cell:
    """ "72.8%", with whose claim it is beside it ("measured by SWE-bench")."""
    return Cell(score_text(score.value, score.unit), note=score.claim)


def benchmarks(a: ModelFacts, b: ModelFacts) -> list[PairRow]:
    """The benchmarks both have a score on, run the same way: one row each."""
    return [
        PairRow(label, score_cell(score_a), score_cell(score_b))
        for label, score_a, score_b in rules.shared_benchmarks(a, b)
    ]


@dataclass(frozen=True)
class ScoreRow:
    """One of a model's scores that the other model has no like of."""

    benchmark: str
    benchmark_slug: str
    setting: str  # "Claude Code, medium", "" when unstated
    score: str
    claim: str


def other_scores(model: ModelFacts, other: ModelFacts) -> list[ScoreRow]:
    return [
        ScoreRow(
            benchmark=score.benchmark,
            benchmark_slug=score.benchmark_slug,
            setting=score.setting_text,
            score=score_text(score.value, score.unit),
            claim=score.claim,
        )
        for score in rules.other_scores(model, other)
    ]
