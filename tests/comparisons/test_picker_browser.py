"""The compare picker in a real browser: type, see suggestions, pick, land on the pair page.

Headless Chromium against pytest-django's live server, with the demo catalog. The
suggestions are a <datalist> that htmx fills; the browser's own pop-up is not part of the
page, so the test reads the options htmx put in it and picks one as a reader would.
"""

import pytest

from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

PAIR_PATH = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"


def record_failure(failed, response):
    if "/autocomplete/" in response.url and response.status != 200:
        failed.append(f"{response.status} {response.url}")


def suggestions(page, field):
    options = page.locator(f"#{field}-suggestions option")
    options.first.wait_for(state="attached")
    return [(option.get_attribute("value"), option.inner_text()) for option in options.all()]


@pytest.mark.parametrize("width", [1280, 390])
def test_type_pick_and_land_on_the_pair_page(demo_server, browser, tmp_path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    failed = []
    page.on("response", lambda response: record_failure(failed, response))

    page.goto(f"{demo_server.url}/compare/")
    page.locator("#id_a").click()  # focusing the empty field asks for nothing it cannot answer
    page.locator("#id_a").press_sequentially("qwen3", delay=40)
    shown = suggestions(page, "a")
    assert ("Qwen3.5-122B-A10B", "Qwen3.5-122B-A10B — Alibaba (Qwen)") in shown
    assert all(label.startswith(f"{value} — ") for value, label in shown)
    page.locator("#id_a").fill("Qwen3.5-122B-A10B")

    page.locator("#id_b").press_sequentially("openai", delay=40)
    assert ("GPT-5.3-Codex-Spark", "GPT-5.3-Codex-Spark — OpenAI") in suggestions(page, "b")
    page.locator("#id_b").fill("GPT-5.3-Codex-Spark")
    page.screenshot(path=tmp_path / f"picker-{width}.png", full_page=True)

    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{demo_server.url}{PAIR_PATH}")

    assert page.locator("h1").inner_text() == "GPT-5.3-Codex-Spark vs Qwen3.5-122B-A10B"
    assert failed == []
    page.screenshot(path=tmp_path / f"pair-{width}.png")


def test_ambiguous_name_in_the_browser_offers_the_models_to_pick(demo_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    page.goto(f"{demo_server.url}/")
    page.locator("#id_a").fill("gpt")
    page.locator("#id_b").fill("Ling-2.6-1T")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{demo_server.url}/compare/?a=gpt&b=Ling-2.6-1T")

    error = page.locator("#id_a_error").inner_text()
    assert error.startswith("“gpt” matches several models: pick one: ")
    # The ambiguous name's models are already in the field's suggestions, even without htmx.
    values = [value for value, _ in suggestions(page, "a")]
    assert "GPT-5.3-Codex-Spark" in values
    page.locator("#id_a").fill("GPT-5.3-Codex-Spark")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{demo_server.url}/compare/gpt-5-3-codex-spark-vs-ling-2-6-1t/")
