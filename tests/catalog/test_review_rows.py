"""The review page's rows (catalog/review.py): each fact the page shows, beside what each
source states, grouped by value, with where they differ."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from catalog.models import LanguageModel, ModelCapability
from catalog.pricing import PricingKind
from catalog.review import model_rows, route_rows, stated_text
from catalog.sync.models import ModelStatement, RouteStatement


def a_model(**fields):
    organization = SimpleNamespace(name="Zhipu AI")
    values = {
        "name": "GLM-5.1",
        "organization": organization,
        "family": None,
        "released_on": date(2026, 4, 7),
        "released_precision": "day",
        "knowledge_cutoff": None,
        "knowledge_precision": None,
        "context_window": 202_752,
        "max_output_tokens": 131_072,
        "openness": LanguageModel.Openness.OPEN_WEIGHTS,
        "license_name": "MIT",
        "is_deprecated": False,
        "fact_disputes": {},
        "reviewed_at": None,
        "reviewed_by_id": None,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def statement(ref, role=ModelStatement.Role.ROUTE, provider=None, url="", **facts):
    return SimpleNamespace(
        source="modelsdev",
        ref=ref,
        role=role,
        provider=SimpleNamespace(name=provider) if provider else None,
        facts=facts,
        source_url=url,
    )


def row(rows, fact):
    return next(r for r in rows if r.fact == fact)


def test_sources_stating_one_value_make_one_line_and_another_value_is_marked():
    """The real GLM-5.1: 37 of its sources name it "GLM-5.1", 15 "GLM 5.1"."""
    canonical = statement(
        "models/zhipuai/glm-5.1.toml",
        role=ModelStatement.Role.CANONICAL,
        url="https://github.com/x/models/zhipuai/glm-5.1.toml",
        name="GLM-5.1",
    )
    zai = statement("providers/zai/glm-5.1.toml", provider="Z.AI", name="GLM-5.1")
    chutes = statement("providers/chutes/glm-5.1.toml", provider="Chutes", name="GLM 5.1")

    name = row(model_rows(a_model(), [chutes, zai, canonical], {}), "Name")

    assert name.shown == "GLM-5.1"
    first, second = name.stated
    assert (first.value, first.agrees) == ("GLM-5.1", True)
    assert [s.label for s in first.sources] == [
        "models.dev canonical file zhipuai/glm-5.1.toml",
        "models.dev: Z.AI",
    ]
    assert first.sources[0].url == "https://github.com/x/models/zhipuai/glm-5.1.toml"
    assert (second.value, second.agrees) == ("GLM 5.1", False)
    assert [s.label for s in second.sources] == ["models.dev: Chutes"]


def test_a_fact_the_sync_found_disputed_reads_sources_differ():
    disputes = {"released_on": [{"value": "2026-03", "sources": ["models.dev: X"]}]}
    model = a_model(fact_disputes=disputes)
    rows = model_rows(model, [statement("a", released_on="2026-03")], {})

    assert row(rows, "Release date").differ
    assert not row(rows, "Context window").differ
    # A date to the month agrees with a day of it (the sync's own rule).
    assert row(rows, "Release date").shown == "2026-04-07"
    assert row(rows, "Release date").stated[0].agrees is False
    same_month = model_rows(a_model(), [statement("b", released_on="2026-04")], {})
    assert row(same_month, "Release date").stated[0].agrees is True


def test_capabilities_are_rows_in_the_pages_words():
    supports = {"vision": ("Vision", ModelCapability.Support.NO)}
    rows = model_rows(a_model(), [statement("a", **{"capability:vision": "yes"})], supports)

    vision = row(rows, "Capability: Vision")
    assert vision.shown == "No"
    assert (vision.stated[0].value, vision.stated[0].agrees) == ("Yes", False)


def test_numbers_and_openness_read_as_the_page_writes_them():
    assert stated_text("context_window", 202752) == "202,752"
    assert stated_text("openness", "open_weights") == "Open weights"
    assert stated_text("is_deprecated", False) == "no"
    assert stated_text("license_name", None) == "not stated"


def a_route(statements, pricing_kind=PricingKind.PER_TOKEN, **fields):
    values = {
        "pk": 7,
        "provider": SimpleNamespace(name="DeepInfra"),
        "service_mode": "",
        "context_above": 0,
        "serving_marks": (),
        "pricing_kind": pricing_kind,
        "input_price": Decimal("1.4"),
        "output_price": Decimal("4.4"),
        "reviewed_at": None,
        "reviewed_by_id": None,
        "statements": SimpleNamespace(all=lambda: statements),
        "get_pricing_kind_display": lambda: PricingKind(pricing_kind).label,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def route_statement(source, input_price, output_price, context=None):
    return RouteStatement(
        source=source,
        input_price=Decimal(input_price),
        output_price=Decimal(output_price),
        context_window=context,
        source_url=f"https://example.org/{source}",
    )


def test_a_route_whose_sources_state_other_prices_differs():
    agreeing = a_route([route_statement("modelsdev", "1.4", "4.4", 202752)])
    differing = a_route(
        [route_statement("modelsdev", "1.4", "4.4"), route_statement("openrouter", "1.0", "3.2")]
    )

    (same,) = route_rows([agreeing])
    (other,) = route_rows([differing])

    assert same.fact == "Price at DeepInfra"
    assert same.shown == "$1.40 in / $4.40 out per 1M tokens"
    assert same.stated[0].value == "$1.40 in / $4.40 out per 1M tokens, context 202,752"
    assert not same.differ
    assert other.differ
    assert [s.agrees for s in other.stated] == [True, False]
    assert other.record == "route:7"


def test_a_route_not_sold_per_token_shows_how_it_is_paid_for():
    (plan,) = route_rows([a_route([], pricing_kind=PricingKind.SUBSCRIPTION_PLAN)])

    assert plan.shown == "Subscription plan"
    assert plan.stated == ()
