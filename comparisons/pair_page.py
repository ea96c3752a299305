"""The pair page ("A vs B") as plain data: every section, built from two models' facts by
pure functions, and the one read that loads those facts in a fixed number of queries."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from catalog.facts import CapabilityFacts, ModelFacts, ReviewStamp, capability_list, load_models
from catalog.formatting import local_day, usd_amount
from catalog.seo import PageMeta
from catalog.similar import similar_models
from catalog.slugs import pair_slug, pair_url
from comparisons import prose, rules, tables
from comparisons.cost import Traffic, cheapest_route

# How many other pairs "Continue comparing" links to.
RELATED_LINKS = 6


@dataclass(frozen=True)
class ModelCost:
    name: str
    amount: str | None  # "$728", or None when no route has both token prices
    route: str | None  # "OpenRouter", "OpenRouter (batch)"


@dataclass(frozen=True)
class CostSection:
    models: list[ModelCost]
    delta: str
    mode: str = ""  # the service mode compared ("" for standard)


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
    scorecard: list[tables.PairRow]
    tradeoffs: list[Choice]
    cost: CostSection
    friction: list[Choice]
    specs: list[tables.PairRow]
    pricing: list[tables.PairRow]
    providers: list[list[tuple[str, str]]]  # per model: (name, slug)
    routes: list[tables.RouteCostRow]
    capabilities: list[tables.PairRow]
    benchmarks: list[tables.PairRow]
    deep_dive: list[str]
    faq: list[prose.Question]
    last_reviewed: LastReviewed
    sources: list[tuple[str, str]]  # (model name, source URL)
    related: list[tuple[str, str]] = field(default_factory=list)  # (label, pair slug)

    @property
    def canonical_path(self) -> str:
        return pair_url(self.a.slug, self.b.slug)

    @property
    def meta(self) -> PageMeta:
        """A pair is indexable once an editor has reviewed both models."""
        return PageMeta(
            title=f"{self.title}: context, price, capabilities",
            description=self.intro[0],
            canonical_path=self.canonical_path,
            indexable=all(
                # load_models' facts always carry the model's stamp (None only in hand-built facts).
                model.stamp.reviewed_at is not None  # type: ignore[union-attr]
                for model in (self.a, self.b)
            ),
            og_type="article",
        )


def cost_section(a: ModelFacts, b: ModelFacts, traffic: Traffic) -> CostSection:
    def model_cost(model: ModelFacts) -> ModelCost:
        cost = cheapest_route(model.routes, traffic)
        if cost is None:
            return ModelCost(model.name, None, None)
        return ModelCost(model.name, usd_amount(cost.monthly), cost.route.label)

    return CostSection(
        models=[model_cost(a), model_cost(b)],
        delta=prose.cost_delta(a, b, traffic),
        mode=traffic.mode,
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
) -> PairPage:
    """Every section of the "A vs B" page. `traffic` drives the cost section only; the
    rest of the page speaks of `default_traffic`, so it reads the same for every visitor."""
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
        cost=cost_section(a, b, traffic),
        friction=[
            Choice(f"{a.name} → {b.name}", prose.switch_friction(a, b, capabilities)),
            Choice(f"{b.name} → {a.name}", prose.switch_friction(b, a, capabilities)),
        ],
        specs=tables.specs(a, b),
        pricing=[*tables.pricing(a, b), tables.providers_row(*providers)],
        providers=providers,
        routes=tables.routes((a, b), traffic),
        capabilities=tables.capabilities_table(a, b, capabilities),
        benchmarks=tables.benchmarks(a, b),
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


def read_pair_page(
    slug_a: str, slug_b: str, traffic: Traffic, default_traffic: Traffic, related: bool = True
) -> PairPage | None:
    """The built pair page, or None when either model is unknown or unpublished.

    `related=False` skips the "continue comparing" links (the cost fragment does not
    show them)."""
    models = load_models([slug_a, slug_b])
    if len(models) != 2:
        return None
    a, b = models[slug_a], models[slug_b]
    page = build_pair_page(a, b, capability_list(), traffic, default_traffic)
    return replace(page, related=related_pairs(a, b)) if related else page
