"""An editor in a real browser works the review queue: opens it, picks a model whose
sources differ, approves a sync's proposal on its review page, reviews the model from the
keyboard and moves on to the next one; the public page then shows the review date."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from catalog.editors import EDITORS_GROUP
from catalog.models import LanguageModel, Route
from catalog.sync.models import ModelStatement, ProposedChange
from comparisons import review_queue
from tests.browser import BROWSER_TEST_MARKS

pytestmark = BROWSER_TEST_MARKS

PASSWORD = "a-long-editor-passphrase-2"


@pytest.fixture
def disputed_model(demo_server):
    """The demo's model first in the queue, never reviewed, whose sources differ on its
    context window, with a sync's proposal to re-price one of its routes."""
    LanguageModel.objects.update(reviewed_at=None, reviewed_by=None)
    model = review_queue.queue().first()
    LanguageModel.objects.filter(pk=model.pk).update(
        fact_disputes={"context_window": [{"value": 8192, "sources": ["OpenRouter"]}]}
    )
    ModelStatement.objects.create(
        source="openrouter",
        ref=f"{model.slug}-entry",
        model=model,
        role=ModelStatement.Role.ROUTE,
        facts={"context_window": 8192},
        source_url="https://openrouter.ai/models",
    )
    route = Route.objects.filter(model=model, output_price__isnull=False).first()
    ProposedChange.objects.create(
        content_type=ContentType.objects.get_for_model(Route),
        object_id=route.pk,
        field="output_price",
        kind=ProposedChange.Kind.PRICE,
        ours=str(route.output_price),
        theirs=str(route.output_price * 2),
        change_percent=100,
        source="openrouter",
        model=model,
    )
    return model, route, route.output_price * 2


@pytest.fixture
def signed_in(demo_server, django_user_model, browser):
    user = django_user_model.objects.create_user("hedy", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{demo_server.url}/admin/")
    page.fill("#id_username", "hedy")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{demo_server.url}/admin/")
    return page


def test_an_editor_reviews_a_disputed_model_approves_a_proposal_and_moves_on(
    demo_server, disputed_model, signed_in, tmp_path
):
    model, route, proposed_price = disputed_model
    page = signed_in
    page.get_by_role("link", name="Review queue").click()
    page.get_by_role("link", name="Sources differ").click()
    page.locator("#result_list").get_by_role("link", name=model.name, exact=True).click()

    facts = page.locator("table.review-rows").first
    context_row = facts.locator("tr", has_text="Context window")
    assert "sources differ" in context_row.inner_text()
    assert "8,192 (not what the page shows), 1 source: OpenRouter" in " ".join(
        context_row.inner_text().split()
    )

    page.get_by_role("button", name="Approve").click()
    page.locator(".messagelist .success").wait_for()
    route.refresh_from_db()
    assert route.output_price == proposed_price
    page.screenshot(path=tmp_path / "review-page.png", full_page=True)

    # From the keyboard: "r" moves to "Mark the whole model reviewed", Enter submits it.
    page.keyboard.press("r")
    page.keyboard.press("Enter")
    page.locator(".messagelist .success").wait_for()
    model.refresh_from_db()
    assert model.reviewed_at.date() == timezone.localdate()

    # "n" opens the next model due in the queue.
    next_pk = review_queue.next_in_queue(model.pk)
    page.keyboard.press("n")
    page.wait_for_url(f"**/admin/comparisons/modeltoreview/{next_pk}/change/")

    page.goto(f"{demo_server.url}{model.get_absolute_url()}")
    footer = page.locator("#last-reviewed").inner_text()
    assert f"Model facts last reviewed: {timezone.localdate().isoformat()}" in footer
