"""An editor in a real browser, as a new user would: sign in, find a model, fix a price,
mark it reviewed, read the price history; and a new model's slug follows its name."""

import pytest
from django.contrib.auth.models import Group

from catalog.editors import EDITORS_GROUP
from catalog.models import LanguageModel, Route
from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

PASSWORD = "a-long-editor-passphrase-1"


@pytest.fixture
def editor_account(demo_server, django_user_model):
    user = django_user_model.objects.create_user("grace", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def signed_in(demo_server, editor_account, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{demo_server.url}/admin/")
    page.fill("#id_username", "grace")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{demo_server.url}/admin/")
    return page


def test_find_a_model_fix_a_price_mark_it_reviewed_and_read_the_history(
    demo_server, signed_in, tmp_path
):
    page = signed_in
    page.get_by_role("link", name="Routes").first.click()
    page.fill("#searchbar", "Qwen3.5")
    page.keyboard.press("Enter")
    row = page.locator("#result_list tbody tr").filter(has_text="OpenRouter")
    row.get_by_role("link", name="Qwen3.5-122B-A10B").click()

    page.fill("#id_output_price", "2.10")
    page.check("#id_verified_against_source")
    page.get_by_role("button", name="Save and continue editing").click()
    page.locator(".messagelist .success").wait_for()
    page.screenshot(path=tmp_path / "route-saved.png", full_page=True)

    history = page.locator(".field-price_history")
    assert "output price $2.08 → $2.10 by grace" in history.inner_text()
    page.get_by_role("link", name="History").click()
    assert "grace" in page.locator("#change-history").inner_text()


def test_the_stored_price_and_review_stamp_follow_what_the_editor_did(demo_server, signed_in):
    page = signed_in
    route = Route.objects.get(model__slug="qwen3-5-122b-a10b", provider__slug="openrouter")
    page.goto(f"{demo_server.url}/admin/catalog/route/{route.pk}/change/")
    page.fill("#id_input_price", "0.30")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{demo_server.url}/admin/catalog/route/")

    route.refresh_from_db()
    assert str(route.input_price) == "0.300000"
    assert route.reviewed_by is None  # an ordinary save is not a review


def test_a_new_models_slug_follows_its_name_with_dots_as_hyphens(demo_server, signed_in):
    page = signed_in
    page.goto(f"{demo_server.url}/admin/catalog/languagemodel/add/")
    page.locator("#id_name").press_sequentially("GPT-9.1 Turbo", delay=20)
    assert page.locator("#id_slug").input_value() == "gpt-9-1-turbo"
    assert not LanguageModel.objects.filter(slug="gpt-9-1-turbo").exists()


def test_the_admin_works_under_its_content_security_policy(demo_server, signed_in):
    """Every admin page an editor uses loads with no violation of the site's CSP in the
    browser's console (no inline script or style anywhere)."""
    page = signed_in
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    model = LanguageModel.objects.get(name="GPT-5.3-Codex-Spark")
    route = Route.objects.filter(model=model).first()
    for path in [
        "/admin/",
        "/admin/catalog/languagemodel/",
        "/admin/catalog/languagemodel/?q=gpt",
        f"/admin/catalog/languagemodel/{model.pk}/change/",
        f"/admin/catalog/route/{route.pk}/change/",
        f"/admin/catalog/route/{route.pk}/history/",
        "/admin/catalog/route/",
        "/admin/catalog/provider/",
        "/admin/comparisons/trafficdefaults/",
        "/admin/comparisons/featuredcomparison/add/",
        "/admin/catalog/syncrun/",
        f"/admin/catalog/route/?model={model.pk}",
        "/admin/comparisons/modeltoreview/",
        f"/admin/comparisons/modeltoreview/{model.pk}/change/",
    ]:
        page.goto(f"{demo_server.url}{path}")
        page.wait_for_load_state("networkidle")

    assert violations == []
