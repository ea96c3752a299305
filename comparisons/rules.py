"""The conditions the pair page's claims rest on, as pure functions of two models' facts.

Each returns what holds (a model, a list of capabilities, a number) or None / [] when it
does not, so that a sentence appears exactly when its condition holds. "Unknown" never
counts as "no": a capability is only *missing* where the data says "no".
"""

from dataclasses import dataclass
from decimal import Decimal

from catalog.facts import NO, YES, CapabilityFacts, ModelFacts, ScoreFacts
from catalog.formatting import price_per_million, usd_amount
from comparisons.cost import FOR_THE_PAIR, Pricing, RouteCost, Traffic, model_cost, pair_basis


def unique_capabilities(
    model: ModelFacts, other: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[CapabilityFacts]:
    """What `model` exposes and `other` is known not to."""
    return [
        cap
        for cap in capabilities
        if model.support(cap.slug) == YES and other.support(cap.slug) == NO
    ]


def capabilities_to_recheck(
    source: ModelFacts, target: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[CapabilityFacts]:
    """What `source` exposes that `target` is not known to (no, or unknown)."""
    return [
        cap
        for cap in capabilities
        if source.support(cap.slug) == YES and target.support(cap.slug) != YES
    ]


def shared_capabilities(
    a: ModelFacts, b: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[CapabilityFacts]:
    return [cap for cap in capabilities if a.support(cap.slug) == YES == b.support(cap.slug)]


def capability_differences(
    a: ModelFacts, b: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[tuple[CapabilityFacts, ModelFacts]]:
    """(capability, the model that has it) where exactly one is known to have it."""
    differences = []
    for cap in capabilities:
        support_a, support_b = a.support(cap.slug), b.support(cap.slug)
        if support_a == YES and support_b == NO:
            differences.append((cap, a))
        elif support_b == YES and support_a == NO:
            differences.append((cap, b))
    return differences


def larger_context(a: ModelFacts, b: ModelFacts) -> ModelFacts | None:
    """The model with the strictly larger known context window, or None."""
    if a.context_window is None or b.context_window is None:
        return None
    if a.context_window == b.context_window:
        return None
    return a if a.context_window > b.context_window else b


def provider_count(model: ModelFacts) -> int:
    """Tracked provider routes: each provider once, whatever its tiers."""
    return len(model.providers)


def broader_coverage(a: ModelFacts, b: ModelFacts) -> ModelFacts | None:
    """The model tracked at strictly more providers, or None."""
    count_a, count_b = provider_count(a), provider_count(b)
    if count_a == count_b:
        return None
    return a if count_a > count_b else b


def shared_providers(a: ModelFacts, b: ModelFacts) -> list[str]:
    providers_b = set(b.providers)
    return [provider for provider in a.providers if provider in providers_b]


def shared_priced_providers(a: ModelFacts, b: ModelFacts) -> list[tuple[str, str]]:
    """(slug, name) of the providers that sell both models per token (a route of each with
    both token prices), by name: where the calculator can price both at one provider."""

    def priced(model: ModelFacts) -> dict[str, str]:
        return {r.provider_slug: r.provider for r in model.routes if r.has_token_prices}

    priced_b = priced(b)
    shared = {slug: name for slug, name in priced(a).items() if slug in priced_b}
    return sorted(shared.items(), key=lambda item: (item[1].casefold(), item[0]))


@dataclass(frozen=True)
class Offer:
    """A lowest price, and the service mode it is bought in ("" for standard)."""

    price: Decimal
    mode: str = ""


def lowest_offer(model: ModelFacts, price_field: str) -> Offer | None:
    """The lowest sourced price among the routes in force, base context tier only: the
    standard way of buying when any standard route states it, else another service mode
    (said with the price, so a batch price never passes for the standard one)."""
    base = [route for route in model.routes if not route.retired and route.context_above == 0]
    for routes in (
        [route for route in base if route.service_mode == ""],
        [route for route in base if route.service_mode != ""],
    ):
        offers = [
            Offer(getattr(route, price_field), route.service_mode)
            for route in routes
            if getattr(route, price_field) is not None
        ]
        if offers:
            return min(offers, key=lambda offer: (offer.price, offer.mode))
    return None


def offer_text(offer: Offer | None, unit: str = "tokens") -> str:
    """ "$2.08/1M output tokens", "$1.04/1M output tokens (batch)", or "-"."""
    if offer is None:
        return price_per_million(None, unit)
    text = price_per_million(offer.price, unit)
    return f"{text} ({offer.mode})" if offer.mode else text


def lowest_price(model: ModelFacts, price_field: str) -> Decimal | None:
    offer = lowest_offer(model, price_field)
    return offer.price if offer else None


def shared_benchmarks(a: ModelFacts, b: ModelFacts) -> list[tuple[str, ScoreFacts, ScoreFacts]]:
    """(row label, score of a, score of b) for each benchmark both have a score on, run the
    same way (the same harness, variant, dataset and version): like with like only."""
    scores_b = {score.like: score for score in b.scores}
    return [
        (score.label, score, scores_b[score.like])
        for score in sorted(a.scores, key=lambda score: (score.benchmark, score.setting))
        if score.like in scores_b
    ]


def other_scores(model: ModelFacts, other: ModelFacts) -> list[ScoreFacts]:
    """`model`'s scores that `other` has no like of, by benchmark and setting."""
    shared = {score.like for score in other.scores}
    return sorted(
        (score for score in model.scores if score.like not in shared),
        key=lambda score: (score.benchmark, score.setting),
    )


@dataclass(frozen=True)
class CostComparison:
    cheaper: ModelFacts
    cheaper_cost: RouteCost
    dearer: ModelFacts
    dearer_cost: RouteCost
    pricing: Pricing  # the basis compared: list price, cheapest route, or one provider

    @property
    def saving(self) -> Decimal:
        return self.dearer_cost.monthly - self.cheaper_cost.monthly

    @property
    def is_tie(self) -> bool:
        """The two read the same as the page shows money ("$728" and "$728")."""
        return usd_amount(self.cheaper_cost.monthly) == usd_amount(self.dearer_cost.monthly)


def cost_comparison(
    a: ModelFacts, b: ModelFacts, traffic: Traffic, pricing: Pricing = FOR_THE_PAIR
) -> CostComparison | None:
    """Which model is cheaper at `traffic`, on `pricing`'s basis ("": at list price when
    both have one, else through the cheapest routes), when both have a complete token price.

    None when either lacks one; `is_tie` when they cost the same to the cent.
    """
    basis = pair_basis(a, b, traffic, pricing)
    cost_a, cost_b = model_cost(a, traffic, basis), model_cost(b, traffic, basis)
    if cost_a is None or cost_b is None:
        return None
    if cost_b.monthly < cost_a.monthly:
        return CostComparison(b, cost_b, a, cost_a, basis)
    return CostComparison(a, cost_a, b, cost_b, basis)
