"""The reference's newer page kinds in headless Chromium, as a reader sees them: a family
page, a model's price-history chart, a benchmark's price-versus-score chart, a model on
one provider, and what retires soon. On a phone, every page fits its screen (only tables
and charts scroll, inside their own box), no Content-Security-Policy violation is logged,
and the charts are drawn (SVG with its title) beside their tables. Full-page screenshots
of each are left in the test's tmp_path, in light and dark.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from catalog.models import Route
from tests.browser import BROWSER_TEST_MARKS
from tests.test_visitor_browser import OVERFLOWING, PHONE

pytestmark = BROWSER_TEST_MARKS


def with_price_history():
    """GPT-5 mini at OpenAI, first priced 120 days ago and cut 30 days ago; GPT-5 at
    OpenAI dated by its source (a sync) 60 days back."""
    now = timezone.now()
    mini = Route.objects.get(
        model__slug="gpt-5-mini", provider__slug="openai-api", service_mode="", context_above=0
    )
    mini.history.update(history_date=now - timedelta(days=120))
    mini.output_price = Decimal("1.5")
    mini.save()
    mini.history.filter(output_price=Decimal("1.5")).update(history_date=now - timedelta(days=30))
    gpt5 = Route.objects.get(
        model__slug="gpt-5", provider__slug="openai-api", service_mode="", context_above=0
    )
    gpt5.history.update(history_date=now - timedelta(days=200))
    gpt5.input_price = Decimal("1.1")
    gpt5.save()
    gpt5.history.filter(input_price=Decimal("1.1")).update(
        effective_on=timezone.localdate() - timedelta(days=60)
    )


def open_page(browser, url, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(url)
    assert response.status == 200, url
    return page, violations


def check(page, violations, screenshot):
    page.screenshot(path=screenshot, full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(OVERFLOWING) == []
    assert violations == []


def test_families_benchmarks_routes_and_price_charts_on_a_phone(demo_server, browser, tmp_path):
    with_price_history()
    base = demo_server.url

    for scheme in ("light", "dark"):
        page, violations = open_page(browser, f"{base}/families/gpt-5/", scheme)
        expect(page.locator("h1")).to_have_text("GPT-5 family")
        trend = page.locator("#price-trend svg[role=img]")
        expect(trend).to_be_visible()
        expect(trend.locator(":scope > title")).to_have_text("Price history of the GPT-5 family")
        expect(page.locator("#price-trend table")).to_contain_text("GPT-5 mini (OpenAI API)")
        expect(page.locator("#members tbody tr")).to_have_count(4)
        check(page, violations, tmp_path / f"family-{scheme}.png")

        page, violations = open_page(browser, f"{base}/models/gpt-5-mini/", scheme)
        chart = page.locator("#price-history svg[role=img]")
        expect(chart).to_be_visible()
        expect(page.locator("#price-history table").first).to_contain_text("$1.50")
        expect(page.locator("a[href='/families/gpt-5/']")).to_have_text("GPT-5 family")
        check(page, violations, tmp_path / f"model-price-history-{scheme}.png")

        page, violations = open_page(browser, f"{base}/benchmarks/swe-bench-verified/", scheme)
        scatter = page.locator("svg[role=img]").first
        expect(scatter).to_be_visible()
        expect(page.locator("table").first).to_be_visible()
        check(page, violations, tmp_path / f"benchmark-{scheme}.png")

        page, violations = open_page(browser, f"{base}/models/gpt-5/openai-api/", scheme)
        expect(page.locator("h1")).to_contain_text("GPT-5")
        expect(page.locator("svg[role=img]").first).to_be_visible()
        check(page, violations, tmp_path / f"route-{scheme}.png")

        page, violations = open_page(browser, f"{base}/retiring/", scheme)
        check(page, violations, tmp_path / f"retiring-{scheme}.png")
