"""A lineup of models in a real browser, with htmx and without JavaScript: add a model by
name, remove one, watch the address follow, go back, and land on a pair's page when two
are left. Headless Chromium against the live server with the demo catalog."""

import pytest

from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

SPARK, QWEN, LING = "gpt-5-3-codex-spark", "qwen3-5-122b-a10b", "ling-2-6-1t"


def columns(page):
    return page.locator("#specs thead th").all_inner_texts()[1:]


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no JavaScript"])
def test_add_and_remove_models_and_the_address_follows(demo_server, browser, tmp_path, javascript):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    page.goto(f"{demo_server.url}/compare/{SPARK}-vs-{QWEN}/")
    page.locator("#id_add").fill("Ling-2.6-1T")
    page.get_by_role("button", name="Compare with a third").click()
    page.wait_for_url(f"{demo_server.url}/compare/?models={SPARK},{QWEN},{LING}")
    assert [name.casefold() for name in columns(page)] == [
        "gpt-5.3-codex-spark",
        "qwen3.5-122b-a10b",
        "ling-2.6-1t",
    ]

    page.locator("#id_add").fill("Claude Opus 4.5")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(f"**/compare/?models={SPARK},{QWEN},{LING},claude-opus-4-5")
    assert len(columns(page)) == 4
    assert page.locator("h1").inner_text().endswith("vs Claude Opus 4.5")
    assert page.title().startswith(page.locator("h1").inner_text())
    assert page.locator("#id_add").count() == 0  # four is the most
    page.screenshot(path=tmp_path / "four.png", full_page=True)

    page.get_by_role("button", name="Remove GPT-5.3-Codex-Spark").click()
    page.wait_for_url(f"**/compare/?models={QWEN},{LING},claude-opus-4-5")
    assert len(columns(page)) == 3

    page.go_back()
    page.wait_for_url(f"**/compare/?models={SPARK},{QWEN},{LING},claude-opus-4-5")
    assert len(columns(page)) == 4

    page.goto(f"{demo_server.url}/compare/?models={QWEN},{SPARK},{LING}")
    page.get_by_role("button", name="Remove Ling-2.6-1T").click()
    page.wait_for_url(f"{demo_server.url}/compare/{SPARK}-vs-{QWEN}/")
    context.close()
