"""The pair page ("A vs B") as plain data: every section, built from two models' facts by
pure functions, and the one read that loads those facts in a fixed number of queries."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from catalog.facts import CapabilityFacts, ModelFacts, ReviewStamp, capability_list, load_models
from catalog.formatting import local_day, usd_amount
from catalog.pricing import BELOW_LIST
from catalog.similar import similar_models
from catalog.slugs import pair_slug, pair_url
from comparisons import prose, rules, tables
from comparisons.cost import (
    AT_PROVIDER,
    CHEAPEST,
    FOR_THE_PAIR,
    LIST_PRICE,
    Pricing,
    Traffic,
    model_cost,
    pair_basis,
)
from comparisons.related import is_related
from presentation.seo import PageMeta

# How many other pairs "Continue comparing" links to.
RELATED_LINKS = 6


@dataclass(frozen=True)
class CostFigure:
    """A monthly cost on one basis, and the route it goes through."""

    label: str  # "Maker's list price", "Cheapest tracked route/tier", "At OpenRouter"
    amount: str | None  # "$728", or None when no route on this basis has both token prices
    route: str | None  # "OpenRouter", "OpenRouter (batch)"
    warning: str = ""  # the route is priced under half the maker's list price


@dataclass(frozen=True)
class ModelCost:
    name: str
    shown: CostFigure  # on the basis the section compares
    others: list[CostFigure]  # the model's figures on the other bases, for reference

    @property
    def amount(self) -> str | None:
        return self.shown.amount

    @property
    def route(self) -> str | None:
        return self.shown.route


@dataclass(frozen=True)
class CostSection:
    models: list[ModelCost]
    delta: str
    mode: str = ""  # the service mode compared ("" for standard)
    basis: str = CHEAPEST  # the basis compared: LIST_PRICE, CHEAPEST or AT_PROVIDER


@dataclass(frozen=True)
class Choice:
    name: str
    bullets: list[str]


@dataclass(frozen=True)
class LastReviewed:
    oldest: datetime | None  # the oldest review among the facts shown
    never_reviewed: list[str]
    # The latest change or review of anything either model's pages show.
    last_modified: datetime | None

    @property
    def oldest_day(self) -> str:
        """The day of the oldest review, as the page shows it; "" when none."""
        return local_day(self.oldest) if self.oldest else ""


@dataclass(frozen=True)
class PairPage:
    a: ModelFacts
    b: ModelFacts
    title: str
    intro: list[str]
    scorecard: list[tables.Row]
    tradeoffs: list[Choice]
    cost: CostSection
    friction: list[Choice]
    specs: list[tables.Row]
    pricing: list[tables.Row]
    providers: list[list[tuple[str, str]]]  # per model: (name, slug)
    routes: list[tables.RouteCostRow]
    capabilities: list[tables.Row]
    benchmarks: list[tables.Row]
    other_scores: list[tuple[str, list[tables.ScoreRow]]]  # per model: (name, its other scores)
    deep_dive: list[str]
    faq: list[prose.Question]
    last_reviewed: LastReviewed
    sources: list[tuple[str, str]]  # (model name, source URL)
    related: list[tuple[str, str]] = field(default_factory=list)  # (label, pair slug)
    # Both models indexable and the pair related (catalog/indexing.py); set by pair_page().
    indexable: bool = False

    @property
    def models(self) -> tuple[ModelFacts, ModelFacts]:
        """The pair's models, as its tables' columns are ordered."""
        return (self.a, self.b)

    @property
    def canonical_path(self) -> str:
        return pair_url(self.a.slug, self.b.slug)

    @property
    def meta(self) -> PageMeta:
        return PageMeta(
            title=f"{self.title}: context, price, capabilities",
            description=self.intro[0],
            canonical_path=self.canonical_path,
            indexable=self.indexable,
            og_type="article",
        )


def basis_label(pricing: Pricing) -> str:
    if pricing.basis == LIST_PRICE:
        return "Maker's list price"
    if pricing.basis == AT_PROVIDER:
        return f"At {pricing.provider_name}"
    return "Cheapest tracked route/tier"


def cost_figure(model: ModelFacts, traffic: Traffic, pricing: Pricing) -> CostFigure:
    cost = model_cost(model, traffic, pricing)
    if cost is None:
        return CostFigure(basis_label(pricing), None, None)
    return CostFigure(
        basis_label(pricing),
        usd_amount(cost.monthly),
        cost.route.label,
        BELOW_LIST if cost.route.below_list else "",
    )


def cost_section(
    a: ModelFacts, b: ModelFacts, traffic: Traffic, pricing: Pricing = FOR_THE_PAIR
) -> CostSection:
    """Each model's monthly cost on the basis compared (the reader's; else the list price
    where both have one, else the cheapest route), beside its list price and cheapest route."""
    basis = pair_basis(a, b, traffic, pricing)
    others = [Pricing(LIST_PRICE), Pricing(CHEAPEST)]

    def costs(model: ModelFacts) -> ModelCost:
        return ModelCost(
            model.name,
            shown=cost_figure(model, traffic, basis),
            others=[cost_figure(model, traffic, other) for other in others if other != basis],
        )

    return CostSection(
        models=[costs(a), costs(b)],
        delta=prose.cost_delta(a, b, traffic, basis),
        mode=traffic.mode,
        basis=basis.basis,
    )


def stamps_shown(a: ModelFacts, b: ModelFacts) -> list[ReviewStamp]:
    """The review stamps of every fact the page shows: models, routes, providers, shared scores."""
    stamps = [a.stamp, b.stamp]
    for model in (a, b):
        for route in model.routes:
            stamps.extend(route.stamps)
    for _, score_a, score_b in rules.shared_benchmarks(a, b):
        stamps.extend([score_a.stamp, score_b.stamp])
    unique: dict[str, ReviewStamp] = {}
    for stamp in stamps:
        if stamp is not None:
            unique.setdefault(stamp.label, stamp)
    return list(unique.values())


def last_reviewed(a: ModelFacts, b: ModelFacts) -> LastReviewed:
    stamps = stamps_shown(a, b)
    reviewed = [stamp.reviewed_at for stamp in stamps if stamp.reviewed_at is not None]
    never = sorted(stamp.label for stamp in stamps if stamp.reviewed_at is None)
    return LastReviewed(
        oldest=min(reviewed) if reviewed else None,
        never_reviewed=never,
        last_modified=max(
            (model.last_modified for model in (a, b) if model.last_modified), default=None
        ),
    )


def provider_links(model: ModelFacts, traffic: Traffic) -> list[tuple[str, str]]:
    slugs = {route.provider: route.provider_slug for route in model.routes}
    return [(name, slugs[name]) for name in prose.ordered_providers(model, traffic)]


def build_pair_page(
    a: ModelFacts,
    b: ModelFacts,
    capabilities: list[CapabilityFacts],
    traffic: Traffic,
    default_traffic: Traffic,
    pricing: Pricing = FOR_THE_PAIR,
) -> PairPage:
    """Every section of the "A vs B" page. `traffic` and `pricing` drive the cost section
    only; the rest of the page speaks of `default_traffic`, priced for the pair (the list
    price where both have one), so it reads the same for every visitor."""
    providers = [provider_links(a, default_traffic), provider_links(b, default_traffic)]
    return PairPage(
        a=a,
        b=b,
        title=prose.title(a, b),
        intro=prose.intro(a, b),
        scorecard=tables.scorecard(a, b),
        tradeoffs=[
            Choice(a.name, prose.tradeoffs(a, b, capabilities, default_traffic)),
            Choice(b.name, prose.tradeoffs(b, a, capabilities, default_traffic)),
        ],
        cost=cost_section(a, b, traffic, pricing),
        friction=[
            Choice(f"{a.name} → {b.name}", prose.switch_friction(a, b, capabilities)),
            Choice(f"{b.name} → {a.name}", prose.switch_friction(b, a, capabilities)),
        ],
        specs=tables.specs(a, b),
        pricing=[*tables.pricing(a, b), tables.providers_row(*providers)],
        providers=providers,
        routes=tables.routes((a, b), traffic),
        capabilities=tables.capabilities_table((a, b), capabilities),
        benchmarks=tables.benchmarks(a, b),
        other_scores=[
            (a.name, tables.other_scores(a, b)),
            (b.name, tables.other_scores(b, a)),
        ],
        deep_dive=prose.deep_dive(a, b, capabilities, default_traffic),
        faq=prose.faq(a, b, capabilities, default_traffic),
        last_reviewed=last_reviewed(a, b),
        sources=[(model.name, model.source_url) for model in (a, b) if model.source_url],
    )


def faq_json_ld(questions: list[prose.Question]) -> dict[str, object]:
    """schema.org FAQPage data with exactly the questions and answers shown."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": item.answer},
            }
            for item in questions
        ],
    }


def related_pairs(
    a: ModelFacts, b: ModelFacts, limit: int = RELATED_LINKS
) -> list[tuple[str, str]]:
    """Up to `limit` other pairs of A and of B with their most similar models, A's and B's
    alternating, as (label, pair slug)."""
    exclude = [a.slug, b.slug]
    sides = [
        [
            (f"{model.name} vs {name}", pair_slug(model.slug, slug))
            for name, slug in similar_models(model, exclude, limit)
        ]
        for model in (a, b)
    ]
    links: list[tuple[str, str]] = []
    for index in range(limit):
        for side in sides:
            if index < len(side) and len(links) < limit:
                links.append(side[index])
    return links


def load_pair(slug_a: str, slug_b: str) -> tuple[ModelFacts, ModelFacts] | None:
    """The facts of two published models, or None when either is unknown or unpublished."""
    models = load_models([slug_a, slug_b])
    if len(models) != 2:
        return None
    return models[slug_a], models[slug_b]


def pair_page(
    a: ModelFacts,
    b: ModelFacts,
    traffic: Traffic,
    default_traffic: Traffic,
    pricing: Pricing = FOR_THE_PAIR,
    related: bool = True,
) -> PairPage:
    """The built pair page, indexable by catalog/indexing.py's rule. `related=False`: only
    what the cost fragment shows, without the "continue comparing" links and the page's
    robots meta."""
    page = build_pair_page(a, b, capability_list(), traffic, default_traffic, pricing)
    if not related:
        return page
    indexable = a.indexable and b.indexable and is_related(a, b)
    return replace(page, related=related_pairs(a, b), indexable=indexable)
