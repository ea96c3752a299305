"""A larger catalog for benchmarks: published models with routes, capabilities and scores."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    LanguageModel,
    ModelCapability,
    Organization,
    Provider,
    Route,
)


def add_models(count, seed=7, reviewed=True):
    """Bulk-create `count` published models (with two routes, capabilities, two scores each)."""
    if count <= 0:
        return []
    rng = random.Random(seed)
    organization, _ = Organization.objects.get_or_create(
        slug="benchmark-lab", defaults={"name": "Benchmark Lab"}
    )
    providers = [
        Provider.objects.get_or_create(
            slug=f"bench-host-{index}",
            defaults={"name": f"Bench Host {index}", "kind": Provider.Kind.INFERENCE_HOST},
        )[0]
        for index in range(5)
    ]
    benchmarks = [
        Benchmark.objects.get_or_create(slug=f"bench-{index}", defaults={"name": f"Bench {index}"})[
            0
        ]
        for index in range(3)
    ]
    capabilities = list(Capability.objects.all())
    now = timezone.now()
    models = LanguageModel.objects.bulk_create(
        LanguageModel(
            name=f"Bench Model {index:05d}",
            slug=f"bench-model-{index:05d}",
            organization=organization,
            released_on=date(2024, 1, 1) + timedelta(days=rng.randrange(1000)),
            product_type=LanguageModel.ProductType.STANDALONE_API,
            openness=LanguageModel.Openness.OPEN_WEIGHTS,
            context_window=rng.choice([32_768, 131_072, 262_144, 1_000_000]),
            is_published=True,
            reviewed_at=now if reviewed else None,
        )
        for index in range(count)
    )
    ModelCapability.objects.bulk_create(
        ModelCapability(
            model=model,
            capability=capability,
            support=rng.choice(list(ModelCapability.Support.values)),
        )
        for model in models
        for capability in capabilities
    )
    Route.objects.bulk_create(
        Route(
            model=model,
            provider=provider,
            input_price=Decimal(rng.randrange(5, 500)) / 100,
            output_price=Decimal(rng.randrange(20, 2000)) / 100,
        )
        for model in models
        for provider in rng.sample(providers, 2)
    )
    BenchmarkScore.objects.bulk_create(
        BenchmarkScore(
            model=model, benchmark=benchmark, value=Decimal(rng.randrange(100, 900)) / 10
        )
        for model in models
        for benchmark in rng.sample(benchmarks, 2)
    )
    return models
