"""An editor in a real browser decides on what a sync proposed: a reviewed price the source
changed is approved, another is rejected, and the public page moves only with the first."""

import pytest
from django.contrib.auth.models import Group

from catalog.editors import EDITORS_GROUP
from catalog.models import Route
from catalog.sync.models import ProposedChange
from catalog.sync.runs import execute, start_run
from tests.browser import BROWSER_TEST_MARKS
from tests.catalog.sync.test_modelsdev_parser import write

pytestmark = BROWSER_TEST_MARKS

PASSWORD = "a-long-editor-passphrase-1"
QWEN = "Qwen3.5-122B-A10B"


def entry(name, input_price, output_price):
    """A provider's entry for `name`, stating its prices."""
    return f'name = "{name}"\n[cost]\ninput = {input_price}\noutput = {output_price}\n'


@pytest.fixture
def proposals(demo_server, tmp_path):
    """A models.dev-like tree stating other prices for two reviewed demo routes, synced."""
    write(tmp_path, "providers/openrouter/provider.toml", 'name = "OpenRouter"\n')
    # The demo's own OpenRouter model ids: the routes are found by provider and id.
    models = tmp_path / "providers/openrouter/models"
    write(models, "qwen/qwen3.5-122b-a10b.toml", entry(QWEN, 0.26, 2.5))
    write(models, "inclusionai/ling-2.6-1t.toml", entry("Ling-2.6-1T", 0.07, 0.99))
    (tmp_path / "models").mkdir()
    run = execute(start_run("modelsdev", tmp_path))
    assert run.status == run.Status.SUCCEEDED, run.error
    return {proposal.theirs: proposal for proposal in ProposedChange.objects.filter(status="open")}


@pytest.fixture
def signed_in(demo_server, django_user_model, browser):
    user = django_user_model.objects.create_user("grace", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{demo_server.url}/admin/")
    page.fill("#id_username", "grace")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{demo_server.url}/admin/")
    return page


def decide(page, row_text, action):
    page.locator("#result_list tbody tr").filter(has_text=row_text).locator(
        "input.action-select"
    ).check()
    page.select_option("select[name=action]", action)
    page.get_by_role("button", name="Run").click()
    page.locator(".messagelist .success").wait_for()


def test_an_editor_approves_one_proposal_and_rejects_another(
    demo_server, proposals, signed_in, tmp_path
):
    assert set(proposals) == {"2.5", "0.99"}
    page = signed_in
    page.get_by_role("link", name="Proposed changes").click()
    page.screenshot(path=tmp_path / "proposals.png", full_page=True)

    decide(page, "2.5", "approve_proposals")
    decide(page, "0.99", "reject_proposals")

    qwen = Route.objects.get(model__name=QWEN, provider__slug="openrouter")
    ling = Route.objects.get(model__name="Ling-2.6-1T", provider__slug="openrouter")
    assert str(qwen.output_price.normalize()) == "2.5"
    assert qwen.reviewed_by.username == "grace"
    assert str(ling.output_price.normalize()) == "0.63"  # ours kept
    statuses = dict(ProposedChange.objects.values_list("theirs", "status"))
    assert statuses == {"2.5": "approved", "0.99": "rejected"}
    page.goto(f"{demo_server.url}/models/qwen3-5-122b-a10b/")
    assert "$2.50/1M tokens" in page.locator("#routes").inner_text()
