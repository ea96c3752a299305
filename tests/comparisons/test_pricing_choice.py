"""How the pair page prices its two models: at the maker's list price where both have one,
else through the cheapest tracked routes, named; the calculator's "Price by" choice (list
price, cheapest route, a provider both share), with and without htmx; a free tier or a plan
never a cost; a reseller far below the maker's price marked."""

import pytest
from lxml import html

from catalog.models import Provider
from tests.visible_text import visible_text

LING_VS_QWEN = "/compare/ling-2-6-1t-vs-qwen3-5-122b-a10b/"
HTMX = {"HX-Request": "true"}
BELOW = "below the maker's list price: check the provider"

pytestmark = pytest.mark.django_db


def document(response):
    return html.fromstring(response.content.decode())


def cost_text(response):
    """The cost section's text, a space between cells."""
    section = document(response).get_element_by_id("cost")
    return " ".join(" ".join(section.itertext()).split())


def errors(response, name):
    items = document(response).xpath(f'//ul[@id="id_{name}_error"]/li')
    return [li.text_content() for li in items]


@pytest.fixture
def makers_apis(reference_catalog, make_provider, make_route):
    """Each model's maker sells it at its own API: Alibaba at $0.40/$3.20, inclusionAI at
    $0.57/$2.28 (their list prices, above OpenRouter's)."""
    qwen, ling = reference_catalog.qwen, reference_catalog.ling
    studio = make_provider("Model Studio", kind="first_party", lab=qwen.organization)
    make_route(qwen, studio, "0.40", "3.20")
    bailing = make_provider("Bailing", kind="first_party", lab=ling.organization)
    make_route(ling, bailing, "0.57", "2.28")
    return reference_catalog


def test_without_list_prices_the_verdict_names_the_cheapest_routes(client, reference_catalog):
    text = cost_text(client.get(LING_VS_QWEN))
    assert (
        "Ling-2.6-1T costs $511 less a month than Qwen3.5-122B-A10B at this traffic through "
        "the cheapest tracked routes ($217 through OpenRouter versus $728 through OpenRouter)."
    ) in text
    assert "Maker's list price none tracked" in text


def test_with_both_list_prices_the_verdict_says_at_list_price(client, makers_apis):
    page = visible_text(client.get(LING_VS_QWEN).content)
    # $0.57 × 400 + $2.28 × 300 = $912; $0.40 × 400 + $3.20 × 300 = $1,120.
    assert (
        "Ling-2.6-1T costs $208 less a month than Qwen3.5-122B-A10B at list price at this "
        "traffic ($912 versus $1,120)."
    ) in page
    assert "Ling-2.6-1T costs $208 less a month at list price at the default traffic" in page
    text = cost_text(client.get(LING_VS_QWEN))
    assert "$1,120 Maker's list price: Model Studio" in text
    assert "Cheapest tracked route/tier $728 (OpenRouter)" in text
    pricing = visible_text(client.get(LING_VS_QWEN).content)
    assert "$0.40/1M input tokens, $3.20/1M output tokens (Model Studio)" in pricing


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"pricing": "list"}, "at list price at this traffic ($912 versus $1,120)"),
        ({"pricing": "cheapest"}, "through the cheapest tracked routes ($217 through"),
        ({"pricing": "provider", "provider": "openrouter"}, "at OpenRouter at this traffic"),
        ({"provider": "openrouter"}, "at OpenRouter at this traffic ($217 versus $728)"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_the_reader_prices_by_list_price_cheapest_route_or_a_provider(
    client, makers_apis, query, expected, headers
):
    response = client.get(LING_VS_QWEN, query, headers=headers)
    assert response.status_code == 200
    assert expected in cost_text(response)
    assert (b"<html" in response.content) is not bool(headers)


def test_list_price_asked_for_where_a_maker_sells_none(client, reference_catalog):
    response = client.get(LING_VS_QWEN, {"pricing": "list"})
    assert response.status_code == 200
    text = cost_text(response)
    assert text.count("No list price: its maker sells it through no API we track") == 2
    assert (
        "Cost delta unavailable at list price until both makers have a sourced input and "
        "output token price at their own API."
    ) in text


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"pricing": "overnight"}, "pricing", "Unknown way to price “overnight”: choose one"),
        ({"pricing": "provider"}, "provider", "Choose the provider to price both models at."),
        # Novita AI serves both, but prices neither: not a provider to price them at.
        ({"provider": "novita-ai"}, "provider", "“novita-ai” does not sell both models"),
        ({"pricing": "list", "provider": "openrouter"}, "provider", "Choose “A provider I"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_a_bad_pricing_choice_answers_400_beside_its_field(
    client, reference_catalog, query, field, message, headers
):
    response = client.get(LING_VS_QWEN, query, headers=headers)
    assert response.status_code == 400
    [error] = errors(response, field)
    assert error.startswith(message)


def test_no_shared_provider_says_so(client, reference_catalog):
    response = client.get(
        "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/", {"pricing": "provider"}
    )
    assert response.status_code == 400
    assert errors(response, "provider") == [
        "These two models share no provider that sells both per token."
    ]


def test_a_plan_or_a_free_tier_is_labelled_and_never_a_cost(
    client, reference_catalog, make_provider, make_route
):
    plan = make_provider("Coding Plan", kind=Provider.Kind.SUBSCRIPTION_PLAN)
    make_route(reference_catalog.ling, plan, "0", "0")
    make_route(reference_catalog.qwen, plan, "0", "0")
    free = make_provider("Free Host", kind=Provider.Kind.FREE_TIER)
    make_route(reference_catalog.qwen, free, "0", "0")
    response = client.get(LING_VS_QWEN)
    text = cost_text(response)
    assert "Ling-2.6-1T costs $511 less a month" in text
    assert "Coding Plan standard In a subscription plan -" in text
    assert "Free Host standard Free tier (rate-limited) -" in text
    assert "$0/1M" not in visible_text(response.content)
    # Only OpenRouter sells both per token: the plan is no provider to price them at.
    providers = document(response).xpath('//select[@name="provider"]/option')
    assert [option.text_content() for option in providers] == ["—", "OpenRouter"]


def test_a_reseller_far_below_the_makers_price_is_marked(
    client, makers_apis, make_provider, make_route
):
    make_route(makers_apis.qwen, make_provider("Cheap Host"), "0.10", "0.60")
    text = cost_text(client.get(LING_VS_QWEN, {"pricing": "cheapest"}))
    assert f"$220 Cheapest tracked route/tier: Cheap Host {BELOW}" in text
    assert f"Cheap Host standard {BELOW} $0.10/1M tokens $0.60/1M tokens $220" in text
    model_page = visible_text(client.get("/models/qwen3-5-122b-a10b/").content)
    assert "Cheapest per-token route: Cheap Host, $0.10/1M input tokens and" in model_page
    assert BELOW in model_page


def test_a_provider_without_the_mode_asked_for_says_the_delta_is_unavailable(
    client, reference_catalog
):
    response = client.get(LING_VS_QWEN, {"provider": "openrouter", "mode": "batch"})
    assert response.status_code == 200
    assert (
        "Cost delta unavailable at OpenRouter until it has a sourced input and output token "
        "price for both models."
    ) in cost_text(response)


def test_a_model_only_on_free_tiers_and_local_apps_says_so(
    client, make_model, make_provider, make_route
):
    model = make_model("Open Small")
    make_route(model, make_provider("Free Host", kind=Provider.Kind.FREE_TIER), "0", "0")
    make_route(model, make_provider("Free Two", kind=Provider.Kind.FREE_TIER), "0", "0")
    make_route(model, make_provider("LM Studio", kind=Provider.Kind.LOCAL_APP), "0", "0")
    text = visible_text(client.get("/models/open-small/").content)
    assert "On 2 free tiers and 1 local app: not sold per token, so never a price here." in text
    assert "Runs on your own machine" in text
    assert "$0/1M" not in text
