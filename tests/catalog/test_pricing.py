"""The pricing rules (catalog/pricing.py) on the real routes that motivated them, and how
a stored route's kind is kept: told again by the rules, unless an editor set it."""

from decimal import Decimal

from catalog.models import Organization, Provider, Route
from catalog.pricing import (
    PricingKind,
    RouteSignals,
    below_list_price,
    in_place_of_price,
    marked_below_list,
    route_pricing_kind,
    token_prices,
)
from catalog.pricing_kinds import refresh_pricing_kinds

D = Decimal


def kind(**signals):
    return route_pricing_kind(RouteSignals(**signals))


def test_a_subscription_plan_prices_nothing_per_token():
    # Alibaba Coding Plan states $0 for Qwen3.5 Plus; GitHub Copilot states API prices.
    assert kind(provider_kind="subscription_plan", input_price=D(0), output_price=D(0)) == (
        PricingKind.SUBSCRIPTION_PLAN
    )
    assert kind(provider_kind="subscription_plan", input_price=D(3), output_price=D(15)) == (
        PricingKind.SUBSCRIPTION_PLAN
    )


def test_free_variants_free_tiers_and_local_apps():
    # OpenRouter's deepseek/deepseek-r1:free
    assert kind(free_variant=True, provider_kind="aggregator", input_price=D(0)) == "free_tier"
    # Nvidia's NIM endpoints: $0 at a free-tier platform; a price it states is a price.
    assert kind(provider_kind="free_tier", input_price=D(0), output_price=D(0)) == "free_tier"
    assert kind(provider_kind="free_tier", input_price=D("0.6"), output_price=D("2.4")) == (
        "per_token"
    )
    # LM Studio's GPT OSS 20B runs on the reader's machine.
    assert kind(provider_kind="local_app", input_price=D(0), output_price=D(0)) == "local"


def test_a_zero_price_is_believed_only_from_the_seller():
    zero = {"input_price": D(0), "output_price": D(0)}
    # Z.AI's own API gives GLM-4.5-Flash away; OpenRouter's own list prices Owl Alpha at 0.
    assert kind(provider_kind="first_party", at_lab_api=True, **zero) == "free_tier"
    assert kind(provider_kind="aggregator", sellers_own_list=True, **zero) == "free_tier"
    # Poe bills in points bought with a plan: its $0 for GPT-5.3 Codex Spark is no price.
    assert kind(provider_kind="aggregator", provider_name="Poe", **zero) == "subscription_plan"
    # Vercel's Llama 4 Scout file is a link to Meta's free Llama API: Vercel's $0 says nothing.
    assert kind(provider_kind="aggregator", provider_name="Vercel AI Gateway", **zero) == (
        "unknown"
    )


def test_prices_above_zero_are_per_token_and_nothing_stated_is_unknown():
    # Anthropic's Claude Opus 4.5
    assert kind(provider_kind="first_party", input_price=D(5), output_price=D(25)) == "per_token"
    assert kind(provider_kind="aggregator", output_price=D(2)) == "per_token"
    assert kind(provider_kind="aggregator") == "unknown"
    # A $0 beside a price is not believed.
    assert kind(provider_kind="aggregator", input_price=D(0), output_price=D(2)) == "unknown"


def test_only_a_per_token_routes_prices_are_prices():
    assert token_prices("per_token", D(1), D(2)) == (D(1), D(2))
    for other in ("free_tier", "subscription_plan", "local", "unknown"):
        assert token_prices(other, D(0), D(0)) == (None, None)
    assert in_place_of_price("free_tier") == "Free tier (rate-limited)"
    assert in_place_of_price("subscription_plan") == "In a subscription plan"
    assert in_place_of_price("per_token") == in_place_of_price("unknown") == ""


def test_a_price_under_half_the_makers_list_price_is_marked():
    anthropic = (D(5), D(25))  # Claude Opus 4.5 at Anthropic
    assert below_list_price((D("0.71"), D("3.57")), anthropic)  # QiHang
    assert not below_list_price((D("4.3"), D(21)), anthropic)  # Poe
    # 302.AI's GLM-4.5: its input is under half Z.AI's, its output is not.
    assert not below_list_price((D("0.286"), D("1.142")), (D("0.6"), D("2.2")))
    assert not below_list_price((None, None), anthropic)
    qihang = ("per_token", True, False, (D("0.71"), D("3.57")), anthropic)
    assert marked_below_list(*qihang)
    assert not marked_below_list("per_token", True, True, *qihang[3:])  # the maker itself
    assert not marked_below_list("per_token", False, False, *qihang[3:])  # a batch tier
    assert not marked_below_list("free_tier", True, False, *qihang[3:])


def test_a_route_tells_its_kind_when_saved_and_keeps_an_editors(make_model):
    model = make_model("Qwen3.5 Plus")
    plan = Provider.objects.create(name="Alibaba Coding Plan", slug="acp", kind="aggregator")
    route = Route.objects.create(model=model, provider=plan, input_price=0, output_price=0)
    assert route.pricing_kind == "unknown"  # a $0 at an aggregator

    Provider.objects.filter(pk=plan.pk).update(kind="subscription_plan")
    assert refresh_pricing_kinds() == 1
    route.refresh_from_db()
    assert route.pricing_kind == "subscription_plan"

    Route.objects.filter(pk=route.pk).update(pricing_kind="free_tier", pricing_kind_by_editor=True)
    assert refresh_pricing_kinds() == 0
    route.refresh_from_db()
    route.save()
    assert route.pricing_kind == "free_tier"


def test_a_labs_own_api_gives_its_zero_away(make_model):
    zhipu = Organization.objects.create(name="Zhipu AI", slug="zhipu-ai")
    model = make_model("GLM-4.5-Flash", organization=zhipu)
    zai = Provider.objects.create(name="Z.AI", slug="z-ai", kind="first_party", lab=zhipu)
    route = Route.objects.create(model=model, provider=zai, input_price=0, output_price=0)
    assert route.pricing_kind == "free_tier"
