"""A new visitor's walk through the site on a phone, in headless Chromium.

Against pytest-django's live server with the demo catalog: the home page; the models list
narrowed with a capability and a maximum price (swapped in place with htmx, the address
following), a bad minimum context refused beside its field, the filters cleared; a model
page with its specs, prices and price history; one of its pair pages read top to bottom,
the cost calculator recomputed in place and undone with Back; the compare picker, with a
suggestion picked and the same model twice refused; a provider page; the 404 page. Every
page fits a 390 px screen (only tables scroll, inside their own box). Full-page screenshots
of each step are left in the test's tmp_path.
"""

import re
from decimal import Decimal

from playwright.sync_api import expect

from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MODEL_SLUG = "qwen3-5-122b-a10b"
MODEL_NAME = "Qwen3.5-122B-A10B"
PAIR_HEADINGS = [
    "Decision scorecard",
    "Decision tradeoffs",
    "Monthly cost at traffic",
    "Switch friction",
    "Specs",
    "Pricing and availability",
    "Capabilities",
    "Benchmarks",
    "Deep dive",
    "FAQ",
    "Continue comparing",
]
AMOUNT = re.compile(r"^\$[\d,]+(\.\d\d)?$")

# Elements wider than the screen, other than those inside a table's own scrolling box.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter(element => !element.closest(".table-wrap"))
    .filter(element => element.getBoundingClientRect().right > width + 1)
    .map(element => element.tagName + " " + element.textContent.trim().slice(0, 40));
}"""


class Walk:
    """One visitor's tab: screenshots numbered in the order taken, each page checked to fit."""

    def __init__(self, page, base_url, screenshots):
        self.page = page
        self.base_url = base_url
        self.screenshots = screenshots
        self.taken = 0

    def goto(self, path):
        return self.page.goto(f"{self.base_url}{path}")

    def look(self, name):
        self.taken += 1
        self.page.screenshot(path=self.screenshots / f"{self.taken:02}-{name}.png", full_page=True)
        assert self.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert self.page.evaluate(OVERFLOWING) == []


def heading_count(page):
    """The number in the models list's results heading: "13 models match the filters"."""
    text = page.locator("#results-title").inner_text()
    match = re.match(r"(\d+) models?\b", text)
    assert match, text
    return int(match.group(1))


def dollars(text):
    return Decimal(text.replace("$", "").replace(",", ""))


def test_a_new_visitor_finds_and_compares_models_on_a_phone(demo_server, browser, tmp_path):
    from catalog.models import Route

    # An editor records a new cached-input price: the model page's price history shows it.
    route = Route.objects.get(model__slug=MODEL_SLUG, provider__slug="openrouter")
    route.cached_input_price = Decimal("0.13")
    route.save()

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    walk = Walk(page, demo_server.url, tmp_path)

    # The home page: what the site is, and a way to compare straight away.
    walk.goto("/")
    expect(page.locator("h1")).to_have_text("Compare large language models")
    expect(page.get_by_role("form", name="Compare two models")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_text(
        [
            "LLM Reference",
            "Models",
            "Providers",
            "Families",
            "Benchmarks",
            "Compare",
            "Cost",
            "Retiring",
        ]
    )
    walk.look("home")

    # Tabbing shows where the focus is: the skip link first, then the brand.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth)]; }"
    )
    assert outline[0] == "solid"
    assert outline[1] >= 2

    # The models list, narrowed in place: a capability, then a maximum output price.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Models").click()
    expect(page.locator("h1")).to_have_text("Language models")
    everything = heading_count(page)
    assert everything > 10
    walk.look("models")
    page.locator("h1").evaluate("heading => heading.dataset.marker = 'not reloaded'")

    page.get_by_label("Vision", exact=True).check()
    page.wait_for_url(re.compile(r"/models/\?.*capability=vision"))
    expect(page.locator("#results-title")).to_have_text(re.compile(r"match the filters$"))
    with_vision = heading_count(page)
    assert 0 < with_vision < everything
    capabilities = page.locator("#results tbody td.capability-list").all_inner_texts()
    assert len(capabilities) == with_vision
    assert all("Vision" in text for text in capabilities)

    page.get_by_label("Maximum output price").fill("5")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"max_price=5"))
    expect(page.locator("#results-title")).not_to_have_text(
        f"{with_vision} models match the filters"
    )
    affordable = heading_count(page)
    assert 0 < affordable < with_vision
    prices = page.locator("#results tbody tr td:nth-child(6)").all_inner_texts()  # cheapest
    assert len(prices) == affordable
    assert all(dollars(price.split("/")[0]) <= 5 for price in prices), prices
    # Swapped in place: the page itself was not reloaded.
    assert page.locator("h1").get_attribute("data-marker") == "not reloaded"
    walk.look("models-filtered")

    # A minimum context of "abc" is refused beside its field, and no model is listed.
    min_context = page.get_by_label("Minimum context window")
    min_context.fill("abc")
    min_context.press("Tab")
    error = page.locator("#id_min_context_error")
    expect(error).to_have_text("Enter a number of tokens, such as 128000 or 128k.")
    expect(page.locator("#results-title")).to_have_text("Check the filters")
    expect(page.locator("#results [role=alert]")).to_contain_text("Minimum context window")
    expect(page.locator("#results table")).to_have_count(0)
    # The form is still there to correct, with what was typed.
    expect(min_context).to_have_value("abc")
    assert "min_context=abc&max_price=5" in page.url
    assert page.locator("h1").get_attribute("data-marker") == "not reloaded"
    walk.look("models-error")

    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(f"{demo_server.url}/models/")
    assert heading_count(page) == everything
    expect(page.get_by_label("Vision", exact=True)).not_to_be_checked()
    expect(min_context).to_have_value("")

    # A model page: its specs, its prices per provider, its price history.
    page.get_by_role("link", name=MODEL_NAME, exact=True).click()
    page.wait_for_url(f"{demo_server.url}/models/{MODEL_SLUG}/")
    expect(page.locator("h1")).to_have_text(MODEL_NAME)
    expect(page.locator("h2")).to_have_text(
        [
            "Specs",
            "Capabilities",
            "Providers and prices",
            "Price history",
            "Benchmarks",
            f"Compare {MODEL_NAME}",
        ]
    )
    specs = page.locator("#specs")
    expect(specs.get_by_role("row", name="Context window")).to_contain_text("262k")
    expect(specs.get_by_role("row", name="License")).to_contain_text("Apache 2.0")
    openrouter = page.locator("#routes tbody tr", has_text="OpenRouter")
    expect(openrouter).to_contain_text("$0.26/1M tokens")
    expect(openrouter).to_contain_text("$2.08/1M tokens")
    change = page.locator("#price-history tbody tr")
    expect(change).to_have_count(1)
    expect(change).to_contain_text("OpenRouter")
    expect(change).to_contain_text("Cached input price")
    expect(change.locator("td").nth(3)).to_have_text("-")
    expect(change.locator("td").nth(4)).to_have_text("$0.13/1M tokens")
    walk.look("model")

    # One of its "compare" links, to a pair page.
    compare_link = page.locator("#compare .link-grid a").first
    other = compare_link.inner_text().removeprefix(f"{MODEL_NAME} vs ")
    compare_link.click()
    page.wait_for_url(re.compile(r"/compare/[a-z0-9-]+-vs-[a-z0-9-]+/$"))
    pair_url = page.url
    title = page.locator("h1").inner_text()
    assert sorted(title.split(" vs ")) == sorted([MODEL_NAME, other])
    first, second = title.split(" vs ")

    # The pair page, top to bottom.
    expect(page.locator("article.pair h2")).to_have_text(PAIR_HEADINGS)
    scorecard = page.locator("#scorecard table")
    expect(scorecard.locator("thead th")).to_have_text(["Signal", first, second])
    for signal in ("Product type", "Context window", "Cheapest output", "Provider routes"):
        expect(scorecard.get_by_role("row", name=signal)).to_be_visible()
    expect(page.locator("#tradeoffs h3")).to_have_text(
        [f"Choose {first} when...", f"Choose {second} when..."]
    )
    expect(page.locator("#switch-friction h3")).to_have_text(
        [f"{first} → {second}", f"{second} → {first}"]
    )
    expect(page.locator("#specs thead th")).to_have_text(["Specification", first, second])
    expect(page.locator("#pricing").get_by_role("row", name="Providers")).to_contain_text(
        "OpenRouter"
    )
    expect(page.locator("#capabilities").get_by_role("row", name="Vision")).to_be_visible()
    questions = page.locator("#faq h3").all_inner_texts()
    assert questions
    assert all(question.endswith("?") for question in questions)
    assert any(question.startswith("Which has a larger context window") for question in questions)
    related = page.locator("#continue .link-grid a")
    assert related.count() >= 3
    for href in related.evaluate_all("links => links.map(link => link.getAttribute('href'))"):
        assert re.fullmatch(r"/compare/[a-z0-9-]+-vs-[a-z0-9-]+/", href), href
    expect(page.locator("#last-reviewed")).to_contain_text("Last reviewed:")
    walk.look("pair")

    # The monthly cost: twice the requests, twice the cost, recomputed in place.
    amounts = page.locator("#cost .cost-card .amount")
    before = amounts.all_inner_texts()
    assert all(AMOUNT.match(amount) for amount in before), before
    expect(page.locator("#id_requests")).to_have_value("1,000,000")
    page.locator("h1").evaluate("heading => heading.dataset.marker = 'not reloaded'")
    page.get_by_label("Requests per month").fill("2,000,000")
    page.get_by_role("button", name="Recalculate").click()
    page.wait_for_url(re.compile(r"\?requests=2%2C000%2C000&"))
    expect(amounts).to_have_text([f"${dollars(amount) * 2:,}" for amount in before])
    expect(page.locator("#cost .delta")).to_contain_text("at this traffic")
    assert page.locator("h1").get_attribute("data-marker") == "not reloaded"
    walk.look("pair-cost-doubled")

    # Back: the default traffic and its costs again.
    page.go_back()
    page.wait_for_url(pair_url)
    expect(amounts).to_have_text(before)
    expect(page.locator("#id_requests")).to_have_value("1,000,000")

    # The last "continue comparing" link opens another pair page.
    related.last.click()
    page.wait_for_url(re.compile(r"/compare/[a-z0-9-]+-vs-[a-z0-9-]+/$"))
    assert page.url != pair_url
    expect(page.locator("h1")).to_have_text(re.compile(r"^.+ vs .+$"))

    # The compare picker: a partial name offers suggestions; one picked, then compared.
    walk.goto("/compare/")
    expect(page.locator("h1")).to_have_text("Compare two models")
    walk.look("picker")
    model_a = page.get_by_label("Model A")
    model_a.press_sequentially("qwen3.5", delay=30)
    suggestions = page.locator("#a-suggestions option")
    expect(suggestions).to_have_count(1)
    expect(suggestions).to_have_attribute("value", MODEL_NAME)
    expect(suggestions).to_have_text(f"{MODEL_NAME} — Alibaba (Qwen)")
    model_a.fill(suggestions.get_attribute("value"))  # what choosing the suggestion does
    page.get_by_label("Model B").fill("Ling-2.6-1T")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(f"{demo_server.url}/compare/ling-2-6-1t-vs-{MODEL_SLUG}/")
    expect(page.locator("h1")).to_have_text(f"Ling-2.6-1T vs {MODEL_NAME}")

    # The same model twice, once by name and once by slug: refused beside Model B.
    walk.goto("/compare/")
    page.get_by_label("Model A").fill("Ling-2.6-1T")
    page.get_by_label("Model B").fill("ling-2-6-1t")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"/compare/\?a=Ling-2.6-1T&b=ling-2-6-1t$"))
    expect(page.locator("#id_b_error")).to_have_text("Pick two different models.")
    expect(page.get_by_label("Model B")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_have_text("Fix the field above to see the comparison.")
    walk.look("picker-same-model")

    # A provider page, from the providers list.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Providers").click()
    expect(page.locator("h1")).to_have_text("Providers")
    walk.look("providers")
    page.locator("#providers").get_by_role("link", name="OpenRouter", exact=True).click()
    page.wait_for_url(f"{demo_server.url}/providers/openrouter/")
    expect(page.locator("h1")).to_have_text("OpenRouter")
    served = page.locator("#models tbody tr", has_text=MODEL_NAME)
    expect(served).to_contain_text("$2.08/1M tokens")
    walk.look("provider")

    # An address that does not exist: a 404 that says so and offers a way on.
    response = walk.goto("/no-such-page")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    expect(page.locator("main")).to_contain_text("/no-such-page")
    expect(page.locator("main").get_by_role("link")).to_have_text(
        ["Browse all models", "Compare two models", "See the providers"]
    )
    walk.look("not-found")
    context.close()


def test_dark_mode_and_a_wide_screen(demo_server, browser, tmp_path):
    """The pair page in dark mode on a phone, and on a desktop-sized screen."""
    dark = browser.new_context(viewport=PHONE, color_scheme="dark", is_mobile=True)
    page = dark.new_page()
    page.goto(f"{demo_server.url}/compare/gpt-5-vs-qwen3-5-122b-a10b/")
    colors = page.evaluate(
        "() => [getComputedStyle(document.body).backgroundColor,"
        " getComputedStyle(document.body).color]"
    )
    assert colors == ["rgb(18, 19, 22)", "rgb(232, 233, 235)"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=tmp_path / "pair-dark.png", full_page=True)
    dark.close()

    wide = browser.new_context(viewport=DESKTOP)
    page = wide.new_page()
    page.goto(f"{demo_server.url}/compare/gpt-5-vs-qwen3-5-122b-a10b/")
    # The two cost cards side by side, and no table needs to scroll.
    cards = page.locator("#cost .cost-card").all()
    assert len(cards) == 2
    assert cards[0].bounding_box()["y"] == cards[1].bounding_box()["y"]
    scrolling = page.locator(".table-wrap").evaluate_all(
        "wraps => wraps.filter(wrap => wrap.scrollWidth > wrap.clientWidth).length"
    )
    assert scrolling == 0
    page.screenshot(path=tmp_path / "pair-desktop.png", full_page=True)
    wide.close()
