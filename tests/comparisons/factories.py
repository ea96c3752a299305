"""Plain-data builders of ModelFacts and RouteFacts, so the pair page's rules are tested
without a database: each test states only the facts its rule reads."""

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from catalog import capabilities
from catalog.demo import data as demo
from catalog.facts import (
    NO,
    UNKNOWN,
    YES,
    CapabilityFacts,
    ModelFacts,
    ReviewStamp,
    RouteFacts,
    ScoreFacts,
)
from catalog.formatting import tier_name
from catalog.models import LanguageModel
from catalog.slugs import slug_from_name
from comparisons.cost import Traffic
from tests.builders import spec_facts_only

CAPABILITIES = tuple(
    CapabilityFacts(slug=capability.slug, name=capability.name, phrase=capability.phrase)
    for capability in capabilities.CAPABILITIES
)

DEFAULT_TRAFFIC = Traffic(requests_per_month=1_000_000, input_tokens=400, output_tokens=300)

UPDATED = datetime(2026, 5, 1, tzinfo=UTC)


def price(value):
    return None if value is None else Decimal(str(value))


def score(benchmark, value, unit="%", **fields):
    """A score on `benchmark` (its slug its name, lowered and hyphenated)."""
    return ScoreFacts(
        benchmark=benchmark,
        benchmark_slug=benchmark.lower().replace(" ", "-"),
        value=Decimal(value),
        unit=unit,
        higher_is_better=True,
        **fields,
    )


def route(
    provider="OpenRouter",
    input_price=None,
    output_price=None,
    tier="",
    reviewed_at=None,
    provider_reviewed_at=None,
    context_above=0,
    retires_on=None,
    retired=False,
):
    """A route; prices are given as numbers or strings (None: not sourced). `tier` names
    a service mode ("batch"); `context_above` makes it a context tier."""
    label = f"{provider} ({tier})" if tier else provider
    return RouteFacts(
        provider=provider,
        provider_slug=slug_from_name(provider),
        tier=tier_name(tier, context_above),
        service_mode=tier,
        context_above=context_above,
        retires_on=retires_on,
        retired=retired,
        input_price=price(input_price),
        output_price=price(output_price),
        stamps=(
            ReviewStamp(f"{label} route", reviewed_at, UPDATED),
            ReviewStamp(f"{provider} (provider)", provider_reviewed_at, UPDATED),
        ),
    )


def model(name="Model A", *, yes=(), no=(), unknown=(), reviewed_at=None, **fields):
    """A model; capabilities listed in `yes` / `no` / `unknown` (by slug), others absent.

    Defaults: a standalone API model with no context window, routes, tags or release date.
    """
    fields.setdefault("product_type", "Standalone API model")
    fields.setdefault("last_modified", UPDATED)
    # A route's own stamp names its model, as comparisons.facts does ("A on X route").
    fields["routes"] = tuple(
        replace(
            each,
            stamps=(
                replace(each.stamps[0], label=f"{name} on {each.label} route"),
                *each.stamps[1:],
            ),
        )
        for each in fields.get("routes", ())
    )
    capabilities = {
        **dict.fromkeys(unknown, UNKNOWN),
        **dict.fromkeys(no, NO),
        **dict.fromkeys(yes, YES),
    }
    return ModelFacts(
        name=name,
        slug=slug_from_name(name),
        capabilities=capabilities,
        stamp=ReviewStamp(f"{name} (model)", reviewed_at, UPDATED),
        **fields,
    )


def reference_model(name, **fields):
    """A reference model of SITE.md §6 from the demo catalog's entry, with only the facts
    §6 states (as `tests.builders.add_reference_catalog` stores them: no source, never
    reviewed) and its routes in the order the catalog reads them; `fields` override."""
    data = spec_facts_only(next(entry for entry in demo.REFERENCE_MODELS if entry.name == name))
    facts = {
        "organization": data.organization,
        "released_on": data.released_on,
        "product_type": LanguageModel.ProductType(data.product_type).label,
        "best_for": data.best_for,
        "tags": data.decision_tags,
        "context_window": data.context_window,
        "max_output_tokens": data.max_output_tokens,
        "parameters_total": data.parameters_total,
        "parameters_active": data.parameters_active,
        "architecture": LanguageModel.Architecture(data.architecture).label,
        "license_name": data.license_name,
        "license_osi_approved": data.license_osi_approved,
        "openness": LanguageModel.Openness(data.openness).label,
        "commercial_use": LanguageModel.CommercialUse(data.commercial_use).label,
        "knowledge_cutoff": data.knowledge_cutoff,
        "source_url": data.source_url,
        "routes": tuple(
            route(
                each.provider,
                each.input_price,
                each.output_price,
                tier_name(each.service_mode, each.context_above),
            )
            for each in sorted(
                data.routes, key=lambda each: (each.provider, each.service_mode, each.context_above)
            )
        ),
        **{
            support: [slug for slug, stated in data.capabilities.items() if stated == value]
            for support, value in (("yes", YES), ("no", NO), ("unknown", UNKNOWN))
        },
    }
    return model(data.name, **{**facts, **fields})


def codex_spark(**fields):
    return reference_model("GPT-5.3-Codex-Spark", **fields)


def qwen(**fields):
    return reference_model("Qwen3.5-122B-A10B", **fields)
