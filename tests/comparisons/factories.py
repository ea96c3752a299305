"""Plain-data builders of ModelFacts and RouteFacts, so the pair page's rules are tested
without a database: each test states only the facts its rule reads."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from catalog import capabilities
from catalog.facts import NO, UNKNOWN, YES, CapabilityFacts, ModelFacts, ReviewStamp, RouteFacts
from catalog.slugs import slug_from_name
from comparisons.cost import Traffic

CAPABILITIES = tuple(
    CapabilityFacts(slug=capability.slug, name=capability.name, phrase=capability.phrase)
    for capability in capabilities.CAPABILITIES
)

DEFAULT_TRAFFIC = Traffic(requests_per_month=1_000_000, input_tokens=400, output_tokens=300)

UPDATED = datetime(2026, 5, 1, tzinfo=UTC)


def price(value):
    return None if value is None else Decimal(str(value))


def route(
    provider="OpenRouter",
    input_price=None,
    output_price=None,
    tier="",
    reviewed_at=None,
    provider_reviewed_at=None,
):
    """A route; prices are given as numbers or strings (None: not sourced)."""
    label = f"{provider} ({tier})" if tier else provider
    return RouteFacts(
        provider=provider,
        provider_slug=slug_from_name(provider),
        tier=tier,
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


def all_no_except(*slugs):
    """`yes` for `slugs`, a sourced "no" for every other capability."""
    return {"yes": slugs, "no": [cap.slug for cap in CAPABILITIES if cap.slug not in slugs]}


def codex_spark(**fields):
    """GPT-5.3-Codex-Spark as the spec's reference data gives it."""
    fields = {
        "organization": "OpenAI",
        "released_on": date(2026, 2, 12),
        "product_type": "Coding-specialized model",
        "best_for": "custom coding agents, code generation, and tool loops",
        "tags": ("Coding", "RAG", "Agents"),
        "context_window": 131_072,
        "architecture": "decoder only",
        "license_name": "Proprietary",
        "openness": "Proprietary",
        "commercial_use": "with conditions",
        "routes": (route("OpenAI API"),),
        **all_no_except("function-calling", "tool-use", "structured-outputs", "code-execution"),
        **fields,
    }
    return model("GPT-5.3-Codex-Spark", **fields)


def qwen(**fields):
    """Qwen3.5-122B-A10B as the spec's reference data gives it."""
    fields = {
        "organization": "Alibaba (Qwen)",
        "released_on": date(2026, 2, 24),
        "product_type": "Standalone API model",
        "best_for": "reasoning-heavy apps, multimodal apps, and tool-calling agents",
        "tags": ("Coding", "RAG", "Agents"),
        "context_window": 262_144,
        "parameters_total": 122_000_000_000,
        "parameters_active": 10_000_000_000,
        "architecture": "mixture of experts",
        "license_name": "Apache 2.0",
        "license_osi_approved": True,
        "openness": "Open source",
        "commercial_use": "allowed",
        "routes": (
            route("Alibaba Cloud PAI-EAS"),
            route("Novita AI"),
            route("OpenRouter", "0.26", "2.08"),
        ),
        **all_no_except(
            "vision",
            "multimodal",
            "reasoning",
            "function-calling",
            "tool-use",
            "structured-outputs",
        ),
        **fields,
    }
    return model("Qwen3.5-122B-A10B", **fields)
