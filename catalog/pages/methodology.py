"""The methodology page (`/methodology/`): how the catalog decides what one model is, who
made it, and which source its facts come from. Its lists are read from the rules' own
modules (catalog/sync/identity.py, makers.py, best_source.py), so the page cannot say
other than the code does."""

from dataclasses import dataclass

from django.urls import reverse

from catalog.seo import PageMeta
from catalog.sync import best_source, identity
from catalog.sync.snapshot import SOURCE_NAMES

# How the page names the facts the rules name by field.
FACT_NAMES = {"context_window": "context window", "max_output_tokens": "maximum output"}


@dataclass(frozen=True)
class MethodologyPage:
    sources: list[str]
    regions: list[str]
    quantizations: list[str]
    not_models: list[str]
    route_limits: list[str]
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
        meta=PageMeta(
            title="Methodology: how the catalog decides",
            description=(
                "How LLM Reference tells one model from another, who made it, and which "
                "source each of its facts comes from."
            ),
            canonical_path=reverse("catalog:methodology"),
        ),
    )
