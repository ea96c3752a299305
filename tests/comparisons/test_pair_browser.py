"""The cost calculator in a real browser, with htmx and without JavaScript.

Headless Chromium against pytest-django's live server, with the demo catalog: change the
traffic, see the section recomputed (swapped in place with htmx, the URL following; a
plain page load without JavaScript), see a bad value refused beside its field, go back;
price both models by list price, cheapest route or a provider they share.
"""

import re

from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

PAIR_PATH = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
QWEN_COST = "#cost .cost-card:nth-of-type(2) .amount"


def submit_traffic(page, requests):
    page.fill("#id_requests", requests)
    page.get_by_role("button", name="Recalculate").click()


def test_htmx_swaps_the_cost_section_and_the_url_follows(demo_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_server.url}{PAIR_PATH}")
    assert page.locator(QWEN_COST).inner_text() == "$728"
    page.locator("h1").evaluate("heading => heading.dataset.marker = 'not reloaded'")

    submit_traffic(page, "2,000,000")

    page.wait_for_url(re.compile(r"requests=2%2C000%2C000"))
    assert page.locator(QWEN_COST).inner_text() == "$1,456"
    # Swapped in place: the rest of the page was not reloaded.
    assert page.locator("h1").get_attribute("data-marker") == "not reloaded"
    page.screenshot(path=tmp_path / "cost-htmx.png", full_page=True)

    page.go_back()
    page.wait_for_url(f"{demo_server.url}{PAIR_PATH}")
    assert page.locator(QWEN_COST).inner_text() == "$728"


def test_a_bad_value_is_refused_beside_its_field_with_htmx(demo_server, browser):
    page = browser.new_page()
    page.goto(f"{demo_server.url}{PAIR_PATH}")

    submit_traffic(page, "-5")

    error = page.locator("#id_requests_error")
    error.wait_for()
    assert "0 or more" in error.inner_text()
    assert page.locator("#id_requests").get_attribute("aria-invalid") == "true"
    assert page.locator(QWEN_COST).count() == 0

    submit_traffic(page, "1000000")
    page.locator(QWEN_COST).wait_for()
    assert page.locator(QWEN_COST).inner_text() == "$728"
    assert page.locator("#id_requests_error").count() == 0


def test_without_javascript_the_form_reloads_the_page(demo_server, browser, tmp_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{demo_server.url}{PAIR_PATH}")

    submit_traffic(page, "2000000")

    # The service mode and the pricing travel too (empty: the standard price, the pair's).
    page.wait_for_url(
        re.compile(
            r"\?requests=2000000&input_tokens=400&output_tokens=300&mode=&pricing=&provider=#cost$"
        )
    )
    assert page.locator(QWEN_COST).inner_text() == "$1,456"
    page.screenshot(path=tmp_path / "cost-no-js.png", full_page=True)

    submit_traffic(page, "abc")
    assert "whole number" in page.locator("#id_requests_error").inner_text()
    context.close()


# Both sold at their makers' own APIs, and both at OpenRouter.
LISTED_PAIR = "/compare/claude-sonnet-4-5-vs-gemini-2-5-pro/"
FIRST_CARD = "#cost .cost-card:nth-of-type(1) .muted >> nth=0"


def price_by(page, pricing, provider=""):
    page.select_option("#id_pricing", pricing)
    page.select_option("#id_provider", provider)
    page.get_by_role("button", name="Recalculate").click()


def test_the_reader_prices_by_list_price_cheapest_route_or_a_provider(
    demo_server, browser, tmp_path
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{demo_server.url}{LISTED_PAIR}")
    assert page.locator(FIRST_CARD).inner_text().startswith("Maker's list price: ")
    assert "at list price" in page.locator("#cost .delta").inner_text()
    page.locator("h1").evaluate("heading => heading.dataset.marker = 'not reloaded'")

    price_by(page, "cheapest")
    page.wait_for_url(re.compile(r"pricing=cheapest"))
    assert page.locator(FIRST_CARD).inner_text().startswith("Cheapest tracked route/tier: ")
    assert "through the cheapest tracked route" in page.locator("#cost .delta").inner_text()

    price_by(page, "provider", "openrouter")
    page.wait_for_url(re.compile(r"pricing=provider&provider=openrouter"))
    assert page.locator(FIRST_CARD).inner_text() == "At OpenRouter: OpenRouter"
    assert "at OpenRouter at this traffic" in page.locator("#cost .delta").inner_text()
    assert page.locator("h1").get_attribute("data-marker") == "not reloaded"
    page.screenshot(path=tmp_path / "pricing-htmx.png", full_page=True)

    price_by(page, "provider")  # no provider picked: said beside the field
    error = page.locator("#id_provider_error")
    error.wait_for()
    assert error.inner_text() == "Choose the provider to price both models at."


def test_without_javascript_the_pricing_choice_reloads_the_page(demo_server, browser, tmp_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{demo_server.url}{LISTED_PAIR}")

    price_by(page, "list", "openrouter")  # a provider with another choice: refused
    assert "Choose “A provider I choose”" in page.locator("#id_provider_error").inner_text()

    price_by(page, "", "openrouter")  # a provider picked alone prices at it
    page.wait_for_url(re.compile(r"pricing=&provider=openrouter#cost$"))
    assert page.locator(FIRST_CARD).inner_text() == "At OpenRouter: OpenRouter"
    page.screenshot(path=tmp_path / "pricing-no-js.png", full_page=True)

    price_by(page, "cheapest")
    page.wait_for_url(re.compile(r"pricing=cheapest&provider=#cost$"))
    assert page.locator(FIRST_CARD).inner_text().startswith("Cheapest tracked route/tier: ")
    context.close()
