"""The tables of the pair page and of a lineup of up to four models (comparisons/lineup.py):
scorecard, specs, pricing, routes, capabilities, benchmarks. A table's row holds a cell per
model, in the order the models are given."""

from collections.abc import Callable, Iterable, Sequence
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
class Row:
    """A row of a table of models: a label, then each model's cell."""

    label: str
    cells: tuple[Cell, ...]

    @property
    def a(self) -> Cell:
        """The first model's cell: a pair's A."""
        return self.cells[0]

    @property
    def b(self) -> Cell:
        return self.cells[1]


def row(label: str, *texts: str) -> Row:
    """A row of plain cells, one text per model."""
    return Row(label, tuple(Cell(text) for text in texts))


def cells_row(label: str, models: Sequence[ModelFacts], cell: Callable[[ModelFacts], Cell]) -> Row:
    """A row of `cell(model)` for each of `models`."""
    return Row(label, tuple(cell(model) for model in models))


def texts_row(label: str, models: Sequence[ModelFacts], text: Callable[[ModelFacts], str]) -> Row:
    """A row of plain cells, `text(model)` for each of `models`."""
    return row(label, *(text(model) for model in models))


def signal_cell(model: ModelFacts, field: str, text: str) -> Cell:
    """A decision signal's cell, labelled "derived" (linking to its rule) where no editor
    set it (catalog/derived.py)."""
    if field in model.derived:
        return Cell(text or MISSING, note="derived", note_url=DERIVED_RULES)
    return Cell(text or MISSING)


def signal_row(
    label: str, field: str, a: ModelFacts, b: ModelFacts, text: Callable[[ModelFacts], str]
) -> Row:
    return cells_row(label, (a, b), lambda model: signal_cell(model, field, text(model)))


def scorecard(a: ModelFacts, b: ModelFacts) -> list[Row]:
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


def lifecycle_rows(*models: ModelFacts) -> list[Row]:
    """A "Status" row when any of the models is deprecated or has a retirement date."""
    if all(model.lifecycle is None for model in models):
        return []
    return [cells_row("Status", models, lifecycle_cell)]


def parameters(model: ModelFacts) -> str:
    return parameter_counts(model.parameters_total, model.parameters_active)


def license_cell(model: ModelFacts) -> Cell:
    return Cell(model.license_name or MISSING, badge=model.license_badge)


def commercial_use(model: ModelFacts) -> str:
    return f"Commercial use {model.commercial_use}" if model.commercial_use else MISSING


def specs(*models: ModelFacts) -> list[Row]:
    return [
        texts_row("Released", models, lambda m: partial_date(m.released_on, m.released_precision)),
        row("Context window", *token_labels(*(m.context_window for m in models))),
        row("Max output", *token_labels(*(m.max_output_tokens for m in models))),
        texts_row("Parameters", models, parameters),
        texts_row("Architecture", models, lambda m: m.architecture or MISSING),
        cells_row("License", models, license_cell),
        texts_row("Openness", models, lambda m: m.openness or MISSING),
        texts_row("Commercial use", models, commercial_use),
        texts_row("Knowledge cutoff", models, lambda m: iso_month(m.knowledge_cutoff)),
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


def lowest_offer_text(price_field: str) -> Callable[[ModelFacts], str]:
    """A model's lowest sourced `price_field` in force, as a cell says it."""
    return lambda model: rules.offer_text(rules.lowest_offer(model, price_field))


def pricing(*models: ModelFacts) -> list[Row]:
    """Lowest sourced input and output prices, then the maker's list price
    (`providers_row` follows them on the page)."""
    return [
        texts_row("Input price", models, lowest_offer_text("input_price")),
        texts_row("Output price", models, lowest_offer_text("output_price")),
        texts_row("Maker's list price", models, list_price_text),
    ]


def providers_row(*providers_of_each):
    """The providers of each model as links, from (name, slug) pairs in the order given."""

    def cell(providers):
        links = tuple(
            (name, reverse("catalog:provider_detail", args=[slug])) for name, slug in providers
        )
        return Cell(MISSING, links=links)

    return Row("Providers", tuple(cell(providers) for providers in providers_of_each))


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
    models: Sequence[ModelFacts], capabilities: list[CapabilityFacts]
) -> list[Row]:
    def cell(model: ModelFacts, cap: CapabilityFacts) -> Cell:
        support = model.support(cap.slug)
        return Cell(SUPPORT_TEXT[support], tone=support)

    return [Row(cap.name, tuple(cell(model, cap) for model in models)) for cap in capabilities]


def score_cell(score: ScoreFacts) -> Cell:
    """ "72.8%", with whose claim it is beside it ("measured by SWE-bench")."""
    return Cell(score_text(score.value, score.unit), note=score.claim)


def benchmarks(a: ModelFacts, b: ModelFacts) -> list[Row]:
    """The benchmarks both have a score on, run the same way: one row each."""
    return [
        Row(label, (score_cell(score_a), score_cell(score_b)))
        for label, score_a, score_b in rules.shared_benchmarks(a, b)
    ]


def lineup_benchmarks(models: Sequence[ModelFacts]) -> list[Row]:
    """A row for each benchmark, run one way, that any of the models has a score on: those
    most of the models share first, then by benchmark and setting; "-" for a model
    without a score run that way."""
    scores = [{score.like: score for score in model.scores} for model in models]
    labels = {
        score.like: (score.benchmark, score.setting, score.label)
        for model in models
        for score in model.scores
    }
    shared_by = {like: sum(like in held for held in scores) for like in labels}
    order = sorted(
        labels,
        key=lambda like: (-shared_by[like], labels[like][0].casefold(), *labels[like][:2]),
    )
    return [
        Row(
            labels[like][2],
            tuple(score_cell(held[like]) if like in held else Cell(MISSING) for held in scores),
        )
        for like in order
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
