"""The methodology page (`/methodology/`): how the catalog decides what one model is, who
made it, which source its facts come from, and what counts as a price. Its lists are read
from the rules' own modules (catalog/sync/identity.py, makers.py, best_source.py,
catalog/pricing.py, derived.py, corroboration.py, indexing.py), so the page cannot say
other than the code does."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from catalog import corroboration, derived, indexing, pricing, scores
from catalog.formatting import compact_tokens
from catalog.sync import best_source, identity
from catalog.sync.snapshot import AIDER, SOURCE_NAMES
from presentation.seo import PageMeta

# The coding benchmarks' bars, as the page names them (their keys: catalog/derived.py).
NAMES = {
    "swebenchverified": "SWE-Bench Verified",
    "swebenchpro": "SWE-Bench Pro",
    "aiderpolyglot": "Aider Polyglot",
    "livecodebench": "LiveCodeBench",
    "terminalbench21": "Terminal-Bench 2.1",
}
CODING_BAR_NAMES = {NAMES[key]: bar for key, bar in derived.CODING_BARS.items()}
# How the page names a share of the list price.
SHARES = {Decimal("0.5"): "half"}
# How the page names the facts the rules name by field.
FACT_NAMES = {"context_window": "context window", "max_output_tokens": "maximum output"}


@dataclass(frozen=True)
class MethodologyPage:
    sources: list[str]
    regions: list[str]
    quantizations: list[str]
    not_models: list[str]
    route_limits: list[str]
    pricing_labels: list[str]  # what a route not sold per token reads in place of a price
    suspicious_share: str  # "half": under this share of the list price, a price is marked
    leaderboards: list[str]  # the independent measurers a score's page can name
    long_context: str  # "200k": the context window of a "Long context" model
    coding_bars: list[str]  # "SWE-Bench Verified 60%"…
    enough_sources: int  # how many sources must state a model's facts alike
    no_facts_source: str  # the source that states neither context windows nor prices
    similar_ranks: int  # how many similar models make a related pair
    corroboration_indexes: bool  # the operator's CATALOG_INDEX_CORROBORATED
    meta: PageMeta
    last_modified: None = None  # the page changes with the code, not the catalog


def read_methodology_page() -> MethodologyPage:
    return MethodologyPage(
        sources=list(SOURCE_NAMES.values()),
        regions=sorted(set(identity.REGIONS.values())),
        quantizations=sorted(set(identity.QUANTIZATIONS.values())),
        not_models=sorted(
            f"{kind}s" for kind in {*identity.NOT_LANGUAGE_FAMILIES, *identity.NOT_LANGUAGE_NAMES}
        ),
        route_limits=[FACT_NAMES[fact] for fact in sorted(best_source.ROUTE_LIMITS)],
        pricing_labels=[f"“{label}”" for label in pricing.IN_PLACE_OF_PRICE.values()],
        suspicious_share=SHARES.get(pricing.SUSPICIOUS_SHARE, f"{pricing.SUSPICIOUS_SHARE:%}"),
        long_context=compact_tokens(derived.LONG_CONTEXT),
        coding_bars=[f"{name} {bar}%" for name, bar in CODING_BAR_NAMES.items()],
        enough_sources=corroboration.ENOUGH_SOURCES,
        no_facts_source=SOURCE_NAMES[AIDER],
        similar_ranks=indexing.SIMILAR_RANKS,
        corroboration_indexes=indexing.corroboration_indexes(),
        leaderboards=sorted(
            {*scores.LEADERBOARDS.values(), *(name for _, name in scores.SECOND_HAND.values())}
        ),
        meta=PageMeta(
            title="Methodology: how the catalog decides",
            description=(
                "How LLM Reference tells one model from another, who made it, which "
                "source each of its facts comes from, what counts as a price, and which "
                "pages search engines see."
            ),
            canonical_path=reverse("catalog:methodology"),
        ),
    )
