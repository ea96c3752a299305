"""The pair page ("A vs B") as plain data: every section, built from two models' facts by
pure functions, and the one read that loads those facts in a fixed number of queries."""

from dataclasses import dataclass, field, replace

from catalog.facts import capability_list, load_models
from catalog.formatting import usd_amount
from catalog.seo import PageMeta
from catalog.similar import similar_models
from catalog.slugs import pair_slug, pair_url
from comparisons import prose, rules, tables
from comparisons.cost import cheapest_route

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


@dataclass(frozen=True)
class Choice:
    name: str
    bullets: list[str]


@dataclass(frozen=True)
class LastReviewed:
    oldest: object  # datetime of the oldest review among the facts shown, or None
    never_reviewed: list[str]
    last_modified: object  # the latest change or review of anything either model's pages show


@dataclass(frozen=True)
class PairPage:
    a: object
    b: object
    title: str
    intro: list[str]
    scorecard: list
    tradeoffs: list[Choice]
    cost: CostSection
    friction: list[Choice]
    specs: list
    pricing: list
    providers: list  # per model: list of (name, slug)
    routes: list
    capabilities: list
    benchmarks: list
    deep_dive: list[str]
    faq: list
    last_reviewed: LastReviewed
    sources: list  # (model name, source URL)
    related: list = field(default_factory=list)

    @property
    def canonical_path(self):
        return pair_url(self.a.slug, self.b.slug)

    @property
    def meta(self):
        """A pair is indexable once an editor has reviewed both models."""
        return PageMeta(
            title=f"{self.title}: context, price, capabilities",
            description=self.intro[0],
            canonical_path=self.canonical_path,
            indexable=all(model.stamp.reviewed_at is not None for model in (self.a, self.b)),
            og_type="article",
        )


def cost_section(a, b, traffic):
    def model_cost(model):
        cost = cheapest_route(model.routes, traffic)
        if cost is None:
            return ModelCost(model.name, None, None)
        return ModelCost(model.name, usd_amount(cost.monthly), cost.route.label)

    return CostSection(models=[model_cost(a), model_cost(b)], delta=prose.cost_delta(a, b, traffic))


def stamps_shown(a, b):
    """The review stamps of every fact the page shows: models, routes, providers, shared scores."""
    stamps = [a.stamp, b.stamp]
    for model in (a, b):
        for route in model.routes:
            stamps.extend(route.stamps)
    for _, score_a, score_b in rules.shared_benchmarks(a, b):
        stamps.extend([score_a.stamp, score_b.stamp])
    unique = {}
    for stamp in stamps:
        if stamp is not None:
            unique.setdefault(stamp.label, stamp)
    return list(unique.values())


def last_reviewed(a, b):
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


def provider_links(model, traffic):
    slugs = {route.provider: route.provider_slug for route in model.routes}
    return [(name, slugs[name]) for name in prose.ordered_providers(model, traffic)]


def build_pair_page(a, b, capabilities, traffic, default_traffic):
    """Every section of the "A vs B" page. `traffic` drives the cost section only; the
    rest of the page speaks of `default_traffic`, so it reads the same for every visitor."""
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
        pricing=tables.pricing(a, b),
        providers=[provider_links(a, default_traffic), provider_links(b, default_traffic)],
        routes=tables.routes((a, b), traffic),
        capabilities=tables.capabilities_table(a, b, capabilities),
        benchmarks=tables.benchmarks(a, b),
        deep_dive=prose.deep_dive(a, b, capabilities, default_traffic),
        faq=prose.faq(a, b, capabilities, default_traffic),
        last_reviewed=last_reviewed(a, b),
        sources=[(model.name, model.source_url) for model in (a, b) if model.source_url],
    )


def faq_json_ld(questions):
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


def related_pairs(a, b, limit=RELATED_LINKS):
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
    links = []
    for index in range(limit):
        for side in sides:
            if index < len(side) and len(links) < limit:
                links.append(side[index])
    return links


def read_pair_page(slug_a, slug_b, traffic, default_traffic, related=True):
    """The built pair page, or None when either model is unknown or unpublished.

    `related=False` skips the "continue comparing" links (the cost fragment does not
    show them)."""
    models = load_models([slug_a, slug_b])
    if len(models) != 2:
        return None
    a, b = models[slug_a], models[slug_b]
    page = build_pair_page(a, b, capability_list(), traffic, default_traffic)
    return replace(page, related=related_pairs(a, b)) if related else page
