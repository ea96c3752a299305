"""The demo catalog: loads idempotently, holds SITE.md §6 exactly, and the states pages need."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count, Min, Q

from catalog.capabilities import CAPABILITIES
from catalog.demo import data as demo_catalog
from catalog.demo.loader import load_demo_catalog
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)

CURATED = (
    Organization,
    Provider,
    ModelFamily,
    LanguageModel,
    Route,
    Benchmark,
    BenchmarkScore,
)
ALL_TABLES = (
    *CURATED,
    ModelCapability,
    LanguageModel.decision_tags.through,
    Capability,
    DecisionTag,
)

ALL_CAPABILITIES = [capability.name for capability in CAPABILITIES]


@pytest.fixture
def demo(db):
    return load_demo_catalog()


def snapshot():
    return {
        "counts": {table: table.objects.count() for table in ALL_TABLES},
        "stamps": {
            (table.__name__, pk): (updated_at, version, reviewed_at)
            for table in CURATED
            for pk, updated_at, version, reviewed_at in table.objects.values_list(
                "pk", "updated_at", "version", "reviewed_at"
            )
        },
        "support": set(ModelCapability.objects.values_list("model_id", "capability_id", "support")),
        "tags": set(
            LanguageModel.decision_tags.through.objects.values_list(
                "pk", "languagemodel_id", "decisiontag_id"
            )
        ),
        "history": Route.history.count(),
    }


# --- Loading ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_first_load_creates_and_reports_it():
    summary = load_demo_catalog()
    assert summary.created == LanguageModel.objects.count() + Route.objects.count() + (
        Organization.objects.count()
        + Provider.objects.count()
        + ModelFamily.objects.count()
        + Benchmark.objects.count()
        + BenchmarkScore.objects.count()
        + ModelCapability.objects.count()
    )
    assert summary.updated == 0
    assert summary.unchanged == 0
    assert Route.history.count() == Route.objects.count()


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load_demo_catalog()
    before = snapshot()

    summary = load_demo_catalog()

    assert summary.created == 0
    assert summary.updated == 0
    assert summary.unchanged > 0
    assert snapshot() == before


@pytest.mark.django_db
def test_command_prints_the_summary(capsys):
    call_command("load_demo_catalog")
    first = capsys.readouterr().out
    assert "models" in first
    assert f"{len(demo_catalog.MODELS)} created" in first

    call_command("load_demo_catalog")
    second = capsys.readouterr().out
    assert "total" in second
    assert " 0 created, 0 updated," in second


@pytest.mark.django_db
def test_a_changed_fact_updates_only_that_record(monkeypatch, demo):
    spark = LanguageModel.objects.get(slug="gpt-5-3-codex-spark")
    route = Route.objects.get(model__slug="gpt-5", service_mode="", context_above=0)
    history = route.history.count()
    others_before = snapshot()["stamps"]

    models = list(demo_catalog.MODELS)
    index = next(i for i, m in enumerate(models) if m.name == "GPT-5")
    routes = list(models[index].routes)
    routes[0] = dataclasses.replace(routes[0], output_price="11.00")
    models[index] = dataclasses.replace(models[index], routes=tuple(routes))
    monkeypatch.setattr(demo_catalog, "MODELS", tuple(models))

    summary = load_demo_catalog()

    assert (summary.created, summary.updated) == (0, 1)
    route.refresh_from_db()
    assert route.output_price == Decimal("11.00")
    assert route.version == 2
    assert route.history.count() == history + 1
    assert route.reviewed_at is not None  # an ordinary save left the review stamp alone
    after = snapshot()["stamps"]
    changed = {key for key in after if after[key] != others_before[key]}
    assert changed == {("Route", route.pk)}
    spark.refresh_from_db()
    assert spark.version == 1


# --- SITE.md §6, cell by cell ----------------------------------------------------------


def route_rows(model):
    return sorted(
        (r.provider.name, r.tier, r.input_price, r.output_price)
        for r in model.routes.select_related("provider")
    )


def support_of(model):
    return {
        row.capability.name: row.support
        for row in model.capability_support.select_related("capability")
    }


def capability_row(yes):
    return {name: ("yes" if name in yes else "no") for name in ALL_CAPABILITIES}


@pytest.mark.django_db
def test_gpt_5_3_codex_spark_holds_the_reference_facts(demo):
    model = LanguageModel.objects.get(slug="gpt-5-3-codex-spark")
    assert model.name == "GPT-5.3-Codex-Spark"
    assert model.is_published
    assert model.organization.name == "OpenAI"
    assert model.released_on == date(2026, 2, 12)
    assert model.get_product_type_display() == "Coding-specialized model"
    assert model.best_for == "custom coding agents, code generation, and tool loops"
    assert list(model.decision_tags.values_list("name", flat=True)) == ["Coding", "RAG", "Agents"]
    assert model.context_window == 131_072
    assert model.parameters_total is None
    assert model.parameters_active is None
    assert model.get_architecture_display() == "decoder only"
    assert model.license_name == "Proprietary"
    assert model.license_osi_approved is False
    assert model.openness == LanguageModel.Openness.PROPRIETARY
    assert model.commercial_use == LanguageModel.CommercialUse.WITH_CONDITIONS
    assert model.knowledge_cutoff is None
    assert support_of(model) == capability_row(
        {"Function calling", "Tool use", "Structured outputs", "Code execution"}
    )
    assert route_rows(model) == [("OpenAI API", "", None, None)]
    assert model.scores.count() == 0


@pytest.mark.django_db
def test_qwen3_5_122b_a10b_holds_the_reference_facts(demo):
    model = LanguageModel.objects.get(slug="qwen3-5-122b-a10b")
    assert model.name == "Qwen3.5-122B-A10B"
    assert model.is_published
    assert model.organization.name == "Alibaba (Qwen)"
    assert model.released_on == date(2026, 2, 24)
    assert model.get_product_type_display() == "Standalone API model"
    assert model.best_for == "reasoning-heavy apps, multimodal apps, and tool-calling agents"
    assert list(model.decision_tags.values_list("name", flat=True)) == ["Coding", "RAG", "Agents"]
    assert model.context_window == 262_144
    assert model.parameters_total == 122_000_000_000
    assert model.parameters_active == 10_000_000_000
    assert model.get_architecture_display() == "mixture of experts"
    assert model.license_name == "Apache 2.0"
    assert model.license_osi_approved is True
    assert model.openness == LanguageModel.Openness.OPEN_SOURCE
    assert model.commercial_use == LanguageModel.CommercialUse.ALLOWED
    assert model.knowledge_cutoff is None
    assert support_of(model) == capability_row(
        {"Vision", "Multimodal", "Reasoning", "Function calling", "Tool use", "Structured outputs"}
    )
    assert route_rows(model) == [
        ("Alibaba Cloud PAI-EAS", "", None, None),
        ("Novita AI", "", None, None),
        ("OpenRouter", "", Decimal("0.26"), Decimal("2.08")),
    ]
    assert model.scores.count() == 0


@pytest.mark.django_db
def test_ling_2_6_1t_holds_the_reference_facts(demo):
    model = LanguageModel.objects.get(slug="ling-2-6-1t")
    assert model.name == "Ling-2.6-1T"
    assert model.is_published
    assert model.organization.name == "inclusionAI (Ant Group)"
    assert model.released_on == date(2026, 4, 23)
    assert model.get_product_type_display() == "Standalone API model"
    assert model.best_for == (
        "reasoning-heavy apps, tool-calling agents, and provider-routed production"
    )
    assert list(model.decision_tags.values_list("name", flat=True)) == [
        "RAG",
        "Agents",
        "Long context",
    ]
    assert model.context_window == 262_144
    assert model.parameters_total == 1_000_000_000_000
    assert model.parameters_active is None
    assert model.get_architecture_display() == "mixture of experts"
    assert model.license_name == "Apache 2.0"
    assert model.license_osi_approved is True
    assert model.openness == LanguageModel.Openness.OPEN_SOURCE
    assert model.commercial_use == LanguageModel.CommercialUse.ALLOWED
    assert model.knowledge_cutoff is None
    assert support_of(model) == capability_row(
        {"Reasoning", "Function calling", "Tool use", "Structured outputs"}
    )
    assert route_rows(model) == [
        ("Novita AI", "", None, None),
        ("OpenRouter", "", Decimal("0.07"), Decimal("0.63")),
    ]


@pytest.mark.django_db
def test_reference_pair_was_last_reviewed_on_2026_06_04(demo):
    slugs = ["gpt-5-3-codex-spark", "qwen3-5-122b-a10b"]
    models = LanguageModel.objects.filter(slug__in=slugs)
    routes = Route.objects.filter(model__slug__in=slugs)
    providers = Provider.objects.filter(routes__in=routes).distinct()
    stamps = [
        *models.values_list("reviewed_at", flat=True),
        *routes.values_list("reviewed_at", flat=True),
        *providers.values_list("reviewed_at", flat=True),
    ]
    assert None not in stamps
    assert min(stamps).date() == date(2026, 6, 4)
    spark_route = Route.objects.get(model__slug="gpt-5-3-codex-spark")
    assert spark_route.provider.name == "OpenAI API"
    assert spark_route.reviewed_at.date() == date(2026, 6, 4)


@pytest.mark.django_db
def test_reference_pair_shares_no_provider_route(demo):
    spark = set(
        Route.objects.filter(model__slug="gpt-5-3-codex-spark").values_list("provider", flat=True)
    )
    qwen = set(
        Route.objects.filter(model__slug="qwen3-5-122b-a10b").values_list("provider", flat=True)
    )
    assert spark.isdisjoint(qwen)


# --- Size and sources ------------------------------------------------------------------


@pytest.mark.django_db
def test_catalog_size(demo):
    assert LanguageModel.objects.count() >= 33
    assert Organization.objects.filter(models__isnull=False).distinct().count() >= 8
    assert Provider.objects.filter(routes__isnull=False).distinct().count() >= 6
    assert Benchmark.objects.count() >= 4


@pytest.mark.django_db
def test_every_model_and_route_has_a_source_url(demo):
    assert not LanguageModel.objects.filter(source_url="").exists()
    assert not Route.objects.filter(source_url="").exists()
    assert not BenchmarkScore.objects.filter(source_url="").exists()
    assert not Provider.objects.filter(source_url="").exists()
    assert not Organization.objects.filter(source_url="").exists()


@pytest.mark.django_db
def test_slugs_come_from_names(demo):
    assert LanguageModel.objects.get(name="GPT-4.1").slug == "gpt-4-1"
    assert Organization.objects.get(name="Alibaba (Qwen)").slug == "alibaba-qwen"
    assert not LanguageModel.objects.filter(slug__contains="-vs-").exists()


@pytest.mark.django_db
def test_every_stated_capability_has_a_row(demo):
    for data in demo_catalog.MODELS:
        model = LanguageModel.objects.get(name=data.name)
        assert {row.capability.slug: row.support for row in model.capability_support.all()} == (
            data.capabilities
        )


# --- The states every page must handle -------------------------------------------------


@pytest.mark.django_db
def test_a_route_without_a_sourced_price(demo):
    assert Route.objects.filter(input_price__isnull=True, output_price__isnull=True).exists()


@pytest.mark.django_db
def test_a_price_tier_next_to_its_standard_route(demo):
    tiered = Route.objects.exclude(service_mode="", context_above=0)
    assert tiered.exists()
    for route in tiered:
        standard = Route.objects.filter(
            model=route.model, provider=route.provider, service_mode="", context_above=0
        )
        assert standard.exists()


@pytest.mark.django_db
def test_never_reviewed_records(demo):
    assert LanguageModel.objects.filter(reviewed_at__isnull=True).exists()
    assert Route.objects.filter(reviewed_at__isnull=True).exists()
    assert BenchmarkScore.objects.filter(reviewed_at__isnull=True).exists()


@pytest.mark.django_db
def test_an_unpublished_model(demo):
    assert LanguageModel.objects.filter(is_published=False).exists()
    assert LanguageModel.objects.published().count() >= 33


@pytest.mark.django_db
def test_unknown_parameters_and_knowledge_cutoff(demo):
    assert LanguageModel.objects.published().filter(parameters_total__isnull=True).exists()
    assert LanguageModel.objects.published().filter(knowledge_cutoff__isnull=True).exists()
    assert LanguageModel.objects.published().filter(knowledge_cutoff__isnull=False).exists()


@pytest.mark.django_db
def test_some_unknown_capability_support(demo):
    assert ModelCapability.objects.filter(support=ModelCapability.Support.UNKNOWN).exists()


@pytest.mark.django_db
def test_a_benchmark_shared_by_two_published_models_and_models_with_none(demo):
    shared = Benchmark.objects.annotate(
        published=Count("scores__model", filter=Q(scores__model__is_published=True), distinct=True)
    ).filter(published__gte=2)
    assert shared.exists()
    assert LanguageModel.objects.published().filter(scores__isnull=True).exists()


@pytest.mark.django_db
def test_published_models_with_the_same_context_window(demo):
    assert (
        LanguageModel.objects.published()
        .values("context_window")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .exists()
    )


@pytest.mark.django_db
def test_two_published_models_share_a_provider_with_full_prices(demo):
    priced = Route.objects.filter(
        model__is_published=True, input_price__isnull=False, output_price__isnull=False
    )
    per_provider = priced.values("provider").annotate(models=Count("model", distinct=True))
    assert per_provider.filter(models__gte=2).exists()


@pytest.mark.django_db
def test_review_stamps_range_from_overdue_to_recent(demo):
    oldest = Route.objects.aggregate(oldest=Min("reviewed_at"))["oldest"]
    assert oldest.date() < date(2026, 6, 4)
    assert Route.objects.review_overdue().exists()


@pytest.mark.django_db
def test_the_demo_families_group_models_of_their_own_maker(demo):
    families = ModelFamily.objects.prefetch_related("members")
    assert len(families) == len(demo_catalog.FAMILIES)
    for family in families:
        members = list(family.members.all())
        assert len(members) >= 2, family
        assert {member.organization_id for member in members} == {family.organization_id}
    spark = LanguageModel.objects.get(slug="gpt-5-3-codex-spark")
    assert spark.family.name == "GPT-5"
