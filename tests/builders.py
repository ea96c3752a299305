"""Catalog builders for tests and benchmarks.

`add_reference_catalog()` stores the three reference models of SITE.md §6 from the demo
catalog's entries; `add_models(count)` bulk-creates a larger catalog around them, for query
counts that must not grow with it and for the benchmark scripts.
"""

import random
from dataclasses import fields, replace
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from catalog.demo import data as demo
from catalog.demo.loader import load_entries
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    Organization,
    Provider,
    Route,
)
from catalog.pricing import route_pricing_kind, route_signals
from catalog.similar import refresh_similar_models
from catalog.slugs import slug_from_name

# What SITE.md §6 does not state about the reference models: the tests' reference catalog
# leaves it out (no sources, websites or provider model ids; never reviewed).
NOT_IN_SPEC = {"source_url": "", "website": "", "provider_model_id": "", "reviewed_on": None}


def spec_facts_only(entry):
    """A demo catalog entry (with its routes) stripped of what SITE.md §6 does not state."""
    names = {field.name for field in fields(entry)}
    changes = {name: value for name, value in NOT_IN_SPEC.items() if name in names}
    if "routes" in names:
        changes["routes"] = tuple(spec_facts_only(route) for route in entry.routes)
    return replace(entry, **changes)


def add_reference_catalog():
    """The three reference models of SITE.md §6, their organizations, routes and providers,
    from the demo catalog's entries (a capability they do not list is a sourced "no") with
    only the facts §6 states: unsourced and never reviewed, a small catalog for page tests,
    which add and review what they need.

    Returns a namespace: `spark`, `qwen`, `ling` and `providers` (by name).
    """
    models = demo.REFERENCE_MODELS
    organization_names = {model.organization for model in models}
    provider_names = {route.provider for model in models for route in model.routes}
    load_entries(
        organizations=[
            spec_facts_only(entry)
            for entry in demo.ORGANIZATIONS
            if entry.name in organization_names
        ],
        providers=[
            spec_facts_only(entry) for entry in demo.PROVIDERS if entry.name in provider_names
        ],
        models=[spec_facts_only(entry) for entry in models],
    )
    stored = LanguageModel.objects.in_bulk(
        [slug_from_name(model.name) for model in models], field_name="slug"
    )
    spark, qwen, ling = (stored[slug_from_name(model.name)] for model in models)
    providers = {
        provider.name: provider for provider in Provider.objects.filter(name__in=provider_names)
    }
    return SimpleNamespace(spark=spark, qwen=qwen, ling=ling, providers=providers)


def add_models(
    count,
    *,
    name="Bulk",
    seed=0,
    providers=None,
    routes_per_model=2,
    tiers=False,
    unpriced=False,
    price_history=False,
    unpublished_every=0,
    reviewed=False,
    scored_too=(),
    models_only=False,
):
    """Bulk-create `count` models like real entries, varied at random (from `seed`).

    Each model is "{name} Model 00000"…, of the organization "{name} Labs", with a row for
    every capability (yes, no or unknown), two decision tags, scores on two of three
    "{name} Bench" benchmarks, and routes at `routes_per_model` of `providers` (by default
    two new ones, "{name} Cloud 1" and "2": then every model has a route at each), each
    route with its creation in its price history. As asked:

    - `tiers`: about half the routes also have a "batch" tier;
    - `unpriced`: about half the prices are not sourced (None);
    - `price_history`: each model's last route is re-priced once (a change in its history);
    - `unpublished_every`: every n-th model (the first included) is unpublished;
    - `reviewed`: every record created is stamped as reviewed now;
    - `scored_too`: existing models that also get scores on the new benchmarks;
    - `models_only`: the model rows alone (no capabilities, tags, routes or scores).

    Returns the models, in order.
    """
    rng = random.Random(seed)
    reviewed_at = timezone.now() if reviewed else None
    organization = Organization.objects.create(
        name=f"{name} Labs", slug=slug_from_name(f"{name} Labs"), reviewed_at=reviewed_at
    )
    models = LanguageModel.objects.bulk_create(
        LanguageModel(
            name=f"{name} Model {index:05d}",
            slug=slug_from_name(f"{name} Model {index:05d}"),
            organization=organization,
            product_type=rng.choice(LanguageModel.ProductType.values),
            openness=rng.choice(LanguageModel.Openness.values),
            context_window=rng.choice([None, 8_192, 32_768, 131_072, 262_144, 1_000_000]),
            released_on=rng.choice([None, date(2025, 1, 1) + timedelta(days=rng.randrange(500))]),
            is_published=not (unpublished_every and index % unpublished_every == 0),
            reviewed_at=reviewed_at,
        )
        for index in range(count)
    )
    if models_only:
        return models

    capabilities = list(Capability.objects.all())
    ModelCapability.objects.bulk_create(
        ModelCapability(
            model=model, capability=capability, support=rng.choice(ModelCapability.Support.values)
        )
        for model in models
        for capability in capabilities
    )
    tags = list(DecisionTag.objects.all())
    Through = LanguageModel.decision_tags.through
    Through.objects.bulk_create(
        Through(languagemodel=model, decisiontag=tag)
        for model in models
        for tag in rng.sample(tags, 2)
    )

    if providers is None:
        providers = [
            Provider.objects.create(
                name=f"{name} Cloud {number}",
                slug=slug_from_name(f"{name} Cloud {number}"),
                kind=Provider.Kind.AGGREGATOR,
                reviewed_at=reviewed_at,
            )
            for number in (1, 2)
        ]

    def price(low, high):
        if unpriced and rng.random() < 0.5:
            return None
        return Decimal(rng.randrange(low, high)) / 100

    new_routes = [
        Route(
            model=model,
            provider=provider,
            service_mode=mode,
            input_price=price(5, 500),
            output_price=price(20, 2_000),
            reviewed_at=reviewed_at,
        )
        for model in models
        for provider in rng.sample(providers, routes_per_model)
        for mode in ("", "batch")[: rng.randrange(1, 3) if tiers else 1]
    ]
    for route in new_routes:  # as Route.save tells it: bulk_create does not call it
        route.pricing_kind = route_pricing_kind(route_signals(route))
    routes = bulk_create_with_history(new_routes, Route)
    if price_history:
        last_routes = list({route.model_id: route for route in routes}.values())
        for route in last_routes:
            route.output_price = (route.output_price or Decimal(0)) + Decimal("0.25")
            route.version += 1
            route.updated_at = timezone.now()
        bulk_update_with_history(last_routes, Route, ["output_price", "version", "updated_at"])

    benchmarks = [
        Benchmark.objects.create(
            name=f"{name} Bench {number}",
            slug=slug_from_name(f"{name} Bench {number}"),
            reviewed_at=reviewed_at,
        )
        for number in (1, 2, 3)
    ]
    BenchmarkScore.objects.bulk_create(
        BenchmarkScore(
            model=model,
            benchmark=benchmark,
            value=Decimal(rng.randrange(100, 1_000)) / 10,
            measured_on=date(2026, 1, 1),
            reviewed_at=reviewed_at,
        )
        for model in [*models, *scored_too]
        for benchmark in rng.sample(benchmarks, 2)
    )
    refresh_similar_models()  # as the task worker would after these changes
    return models
