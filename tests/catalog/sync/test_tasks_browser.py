"""An editor in a real browser starts a catalog sync from the admin and sees it end, under
the site's Content Security Policy (htmx from django-htmx's static files, nothing inline).

The first test's task runs at enqueue (Django's ImmediateBackend); the second moves a run
on by hand, as the worker would, and watches the page follow it with htmx.
"""

import pytest

from catalog.models import LanguageModel
from catalog.sync.models import SyncRun
from tests.browser import BROWSER_TEST_MARKS
from tests.catalog.sync.test_apply import tree as tree  # noqa: F401 (a fixture)
from tests.catalog.sync.test_tasks import IMMEDIATE, make_run
from tests.catalog.test_admin_browser import editor_account as editor_account  # noqa: F401 (a fixture)
from tests.catalog.test_admin_browser import signed_in as signed_in  # noqa: F401 (a fixture)

pytestmark = BROWSER_TEST_MARKS


@pytest.fixture
def console(signed_in):
    """What the signed-in page logs to its console from here on (a CSP refusal would show)."""
    messages = []
    signed_in.on("console", lambda message: messages.append(message.text))
    return messages


def refused_by_csp(console):
    return [text for text in console if "Content Security Policy" in text]


# The run writes its progress through the `progress` connection too, on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")
def test_an_editor_starts_a_sync_from_the_admin_and_sees_it_end(
    demo_server, signed_in, console, settings, tree, tmp_path
):
    settings.TASKS = IMMEDIATE
    settings.CATALOG_SYNC_SOURCES = {"modelsdev": str(tree)}
    page = signed_in

    page.goto(f"{demo_server.url}/admin/catalog/syncrun/")
    page.get_by_role("link", name="Start a sync").click()
    page.get_by_label(f"modelsdev, from {tree}").check()
    page.get_by_role("button", name="Start the sync").click()

    run = SyncRun.objects.get()
    page.wait_for_url(f"{demo_server.url}/admin/catalog/syncrun/{run.pk}/change/")
    progress = page.locator("#sync-run-progress")
    progress.get_by_text("Succeeded").wait_for()
    page.screenshot(path=tmp_path / "sync-run-ended.png", full_page=True)
    assert "entries (100%)" in progress.inner_text()
    assert progress.get_attribute("data-hx-trigger") is None  # ended: no more polling
    assert run.started_by.username == "grace"
    assert LanguageModel.objects.filter(name="Kimi K2.5").exists()
    assert not refused_by_csp(console)


def test_a_runs_page_follows_it_while_it_runs_and_reloads_when_it_ends(
    demo_server, signed_in, console, tmp_path
):
    """What the worker does, done here by hand: the run moves on, then ends."""
    run = make_run(status="running", progress_step="reading the source")
    page = signed_in
    page.goto(f"{demo_server.url}/admin/catalog/syncrun/{run.pk}/change/")
    progress = page.locator("#sync-run-progress")
    assert progress.get_attribute("data-hx-trigger") == "every 2s"

    SyncRun.objects.filter(pk=run.pk).update(
        progress_done=1234, progress_total=5531, progress_step="routes"
    )
    page.get_by_text("1,234 of 5,531 entries (22%)").wait_for(timeout=10_000)
    page.screenshot(path=tmp_path / "sync-run-midway.png", full_page=True)

    SyncRun.objects.filter(pk=run.pk).update(
        status="succeeded", progress_done=5531, progress_step="done", created=42
    )
    with page.expect_navigation(timeout=10_000):  # HX-Refresh: the whole page, once
        pass
    progress.get_by_text("Succeeded").wait_for()
    assert progress.get_attribute("data-hx-trigger") is None
    assert "42" in progress.locator("table").inner_text()
    assert not refused_by_csp(console)
