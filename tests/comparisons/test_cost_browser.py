"""/cost/ in a real browser, with htmx and without JavaScript: set a workload, see the
ranking and the address follow, fix a bad number, page on, and go back. Headless Chromium
against the live server with the demo catalog."""

import re

import pytest

from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS


def first_cost(page):
    return page.locator("#results tbody tr").first.locator("td").nth(4).inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no JavaScript"])
def test_set_a_workload_and_read_the_ranking(demo_server, browser, tmp_path, javascript):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{demo_server.url}/cost/")
    assert page.locator("h1").inner_text() == "What a workload costs on every model"
    before = first_cost(page)
    heading = page.locator("#results-title").inner_text()
    assert re.fullmatch(r"\d+ models ranked", heading), heading

    page.locator("#id_requests").fill("2,000,000")
    if javascript:
        page.locator("#id_requests").dispatch_event("change")  # htmx asks on a change
    else:
        page.get_by_role("button", name="Rank the models").click()
    page.wait_for_url(re.compile(r".*/cost/\?.*requests=2%2C000%2C000.*"))
    page.wait_for_function(
        "text => document.querySelector('#results tbody tr td:nth-child(6)').innerText !== text",
        arg=before,
    )
    assert "2,000,000 requests a month" in page.locator("#results").inner_text()

    # A bad number: the reason beside the field, and no ranking.
    page.locator("#id_cached").fill("150")
    if javascript:
        page.locator("#id_cached").dispatch_event("change")
    else:
        page.get_by_role("button", name="Rank the models").click()
    error = page.locator("#id_cached_error")
    error.get_by_text("Enter a percentage from 0 to 100").wait_for()
    assert page.locator("#results-title").inner_text() == "Check the form"
    assert page.locator("#results tbody tr").count() == 0

    page.locator("#id_cached").fill("50")
    if javascript:
        page.locator("#id_cached").dispatch_event("change")
    else:
        page.get_by_role("button", name="Rank the models").click()
    page.wait_for_url(re.compile(r".*cached=50.*"))
    page.locator("#results tbody tr").first.wait_for()
    assert error.inner_text() == ""
    assert "50% of the input read from cache" in page.locator("#results").inner_text()
    page.screenshot(path=tmp_path / f"cost-{javascript}.png", full_page=True)

    page.go_back()
    page.wait_for_url(re.compile(r".*cached=150.*"))
    context.close()


def test_a_maker_filter_and_the_csv_link_follow_the_form(demo_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{demo_server.url}/cost/")
    maker = page.locator("#id_maker option").nth(1)
    name, slug = maker.inner_text(), maker.get_attribute("value")
    page.locator("#id_maker").select_option(slug)
    page.wait_for_url(re.compile(rf".*maker={slug}.*"))
    page.locator("#results tbody tr").first.wait_for()
    makers = set(page.locator("#results tbody tr td:nth-child(3)").all_inner_texts())
    assert makers == {name}
    csv_link = page.get_by_role("link", name="CSV").get_attribute("href")
    assert f"maker={slug}" in csv_link
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    lines = download.value.path().read_text().splitlines()
    assert lines[0].startswith("rank,model,model_slug")
    assert len(lines) - 1 == page.locator("#results tbody tr").count()
    context.close()
