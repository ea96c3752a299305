"""The catalog sync started from the admin and run as a background task: who may start one,
which sources, the form's refusals, the run's progress display (polled with htmx while the
run is queued or running), and the progress written where other connections see it.

Tasks run at enqueue here (Django's ImmediateBackend, through the `settings` fixture).
"""

import pytest
from django.contrib.auth.models import Permission
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from catalog.models import LanguageModel
from catalog.sync.models import SyncRun
from catalog.sync.runs import start_run
from catalog.sync.tasks import (
    PROGRESS_DATABASE,
    ProgressRecorder,
    configured_sources,
    live_progress,
    run_sync,
)
from tests.catalog.sync.test_apply import tree as tree  # noqa: F401 (a fixture)

# On PostgreSQL a run's progress goes through the `progress` connection (a mirror of default).
pytestmark = pytest.mark.django_db(databases="__all__")

START_URL = reverse("admin:catalog_syncrun_start")
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
POLLING = 'data-hx-trigger="every 2s"'


@pytest.fixture
def configured(settings, tree):
    """models.dev configured at `tree` (test_apply's), the other sources not; tasks run at
    enqueue."""
    settings.TASKS = IMMEDIATE
    settings.CATALOG_SYNC_SOURCES = {"modelsdev": str(tree)}
    return settings


@pytest.fixture
def staff_without_start(django_user_model):
    """Staff who may look at runs but not start one, on a client of their own."""
    user = django_user_model.objects.create_user("grace", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_syncrun"))
    staff_client = Client()
    staff_client.force_login(user)
    return staff_client


def make_run(**fields):
    return SyncRun.objects.create(source="modelsdev", location="/data", **fields)


def change_url(run):
    return reverse("admin:catalog_syncrun_change", args=[run.pk])


def progress_url(run):
    return reverse("admin:catalog_syncrun_progress", args=[run.pk])


def test_an_editor_starts_a_sync_that_runs_in_the_background(configured, editor, editor_client):
    page = editor_client.get(START_URL)
    assert page.status_code == 200
    assert 'name="source" value="modelsdev"' in page.text

    response = editor_client.post(START_URL, {"source": "modelsdev"})

    run = SyncRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == change_url(run)
    assert run.started_by == editor
    assert run.location == configured.CATALOG_SYNC_SOURCES["modelsdev"]
    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    assert run.progress_done == run.progress_total > 0
    assert run.progress_step == "done"
    assert LanguageModel.objects.filter(name="Kimi K2.5").exists()

    run_page = editor_client.get(response["Location"])
    assert run_page.status_code == 200
    assert "is queued" in run_page.text  # the message that sent the editor here
    assert "Succeeded" in run_page.text
    assert POLLING not in run_page.text  # it has ended: nothing to follow
    assert "django_htmx/htmx-2.min.js" in run_page.text


def test_a_dry_run_from_the_admin_writes_nothing(configured, editor_client):
    editor_client.post(START_URL, {"source": "modelsdev", "dry_run": "on"})

    run = SyncRun.objects.get()
    assert run.dry_run
    assert run.status == SyncRun.Status.SUCCEEDED
    assert run.created > 0
    assert not LanguageModel.objects.exists()


def test_the_run_list_offers_the_start_page_to_editors_only(
    configured, editor_client, staff_without_start
):
    list_url = reverse("admin:catalog_syncrun_changelist")

    assert START_URL in editor_client.get(list_url).text
    assert START_URL not in staff_without_start.get(list_url).text


def test_staff_without_the_permission_may_not_start_a_sync(configured, staff_without_start):
    assert staff_without_start.get(START_URL).status_code == 403
    assert staff_without_start.post(START_URL, {"source": "modelsdev"}).status_code == 403
    assert not SyncRun.objects.exists()


def test_anonymous_users_are_sent_to_the_login_page(configured, client):
    response = client.post(START_URL, {"source": "modelsdev"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not SyncRun.objects.exists()


def test_a_source_that_is_not_configured_is_refused_by_name(configured, editor_client):
    response = editor_client.post(START_URL, {"source": "openrouter"})

    assert response.status_code == 400
    assert "openrouter is not configured: set CATALOG_SYNC_OPENROUTER" in response.text
    assert not SyncRun.objects.exists()


def test_an_unknown_source_is_refused(configured, editor_client):
    response = editor_client.post(START_URL, {"source": "../../etc"})

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not SyncRun.objects.exists()


def test_with_no_source_configured_the_page_names_the_variables_to_set(settings, editor_client):
    settings.CATALOG_SYNC_SOURCES = {}

    page = editor_client.get(START_URL)
    refused = editor_client.post(START_URL, {"source": "modelsdev"})

    assert page.status_code == 200
    assert "No source is configured" in page.text
    for variable in [
        "CATALOG_SYNC_MODELSDEV",
        "CATALOG_SYNC_OPENROUTER",
        "CATALOG_SYNC_GENAI_PRICES",
    ]:
        assert variable in page.text
    assert 'name="source"' not in page.text
    assert refused.status_code == 400
    assert not SyncRun.objects.exists()


def test_configured_sources_keep_the_sources_order_and_drop_empty_ones(settings):
    settings.CATALOG_SYNC_SOURCES = {"genai-prices": "/g", "openrouter": "", "modelsdev": "/m"}

    assert configured_sources() == {"modelsdev": "/m", "genai-prices": "/g"}


@pytest.mark.parametrize("method", ["get", "head"])
def test_opening_the_start_page_never_starts_a_sync(method, configured, editor_client):
    response = getattr(editor_client, method)(START_URL, {"source": "modelsdev"})

    assert response.status_code == 200
    assert not SyncRun.objects.exists()


def test_a_source_that_cannot_be_read_ends_the_run_as_failed(configured, editor_client, tmp_path):
    configured.CATALOG_SYNC_SOURCES = {"modelsdev": str(tmp_path / "missing")}

    response = editor_client.post(START_URL, {"source": "modelsdev"}, follow=True)

    run = SyncRun.objects.get()
    assert run.status == SyncRun.Status.FAILED
    assert run.error
    assert run.error in response.text


@pytest.mark.parametrize("status", [SyncRun.Status.QUEUED, SyncRun.Status.RUNNING])
def test_the_progress_of_an_unfinished_run_is_polled(status, editor_client):
    run = make_run(status=status, progress_done=1234, progress_total=5531, progress_step="routes")

    fragment = editor_client.get(progress_url(run), headers={"HX-Request": "true"})
    page = editor_client.get(change_url(run))

    assert fragment.status_code == 200
    assert POLLING in fragment.text
    assert f'data-hx-get="{progress_url(run)}"' in fragment.text
    assert "1,234 of 5,531 entries (22%)" in fragment.text
    assert "routes" in fragment.text
    assert "HX-Refresh" not in fragment.headers
    assert "HX-Request" in fragment["Vary"]
    assert POLLING in page.text  # the run's page starts polling


def test_a_run_still_reading_shows_an_indeterminate_bar(editor_client):
    run = make_run(status="running", progress_step="reading the source")

    fragment = editor_client.get(progress_url(run)).text

    assert '<progress max="100" aria-label="progress">' in fragment  # no value: indeterminate
    assert "reading the source" in fragment


@pytest.mark.parametrize("status", [SyncRun.Status.SUCCEEDED, SyncRun.Status.FAILED])
def test_the_progress_of_an_ended_run_stops_polling_and_reloads_the_page(status, editor_client):
    run = make_run(
        status=status,
        progress_done=10,
        progress_total=10,
        created=1234,
        error="boom" if status == SyncRun.Status.FAILED else "",
    )

    fragment = editor_client.get(progress_url(run), headers={"HX-Request": "true"})
    plain = editor_client.get(progress_url(run))

    assert fragment.status_code == 200
    assert POLLING not in fragment.text
    assert "data-hx-get" not in fragment.text
    assert "<td>1,234</td>" in fragment.text
    assert fragment["HX-Refresh"] == "true"  # the whole page, with its skipped inputs
    assert "HX-Refresh" not in plain.headers
    if status == SyncRun.Status.FAILED:
        assert "boom" in fragment.text


def test_the_progress_fragment_is_for_staff_who_may_view_runs(client, django_user_model):
    run = make_run()
    client.force_login(django_user_model.objects.create_user("nobody", is_staff=True))

    assert client.get(progress_url(run)).status_code == 403


def test_the_progress_of_a_missing_run_is_not_found(editor_client):
    assert editor_client.get("/admin/catalog/syncrun/999999/progress/").status_code == 404


def test_a_run_that_is_no_longer_queued_is_not_run_again(settings, tree):
    settings.TASKS = IMMEDIATE
    run = start_run("modelsdev", tree)
    SyncRun.objects.filter(pk=run.pk).update(status=SyncRun.Status.FAILED, error="stopped")

    result = run_sync.enqueue(run.pk)

    assert result.return_value == "failed"
    run.refresh_from_db()
    assert run.error == "stopped"
    assert not LanguageModel.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")
def test_progress_inside_the_runs_transaction_is_seen_by_other_connections_where_possible():
    run = make_run(status="running")
    recorder = ProgressRecorder(run)

    with transaction.atomic():
        recorder(5, 10, "models")
        if live_progress():  # PostgreSQL: through a second connection, committed at once
            seen = SyncRun.objects.using(PROGRESS_DATABASE).get(pk=run.pk)
            assert (seen.progress_done, seen.progress_total, seen.progress_step) == (
                5,
                10,
                "models",
            )
        else:  # SQLite: a second writer would wait on this transaction; nothing is written
            assert PROGRESS_DATABASE not in connections.settings
            assert SyncRun.objects.get(pk=run.pk).progress_step == ""
    # Either way the run keeps the figures, for `execute`'s final save.
    assert (run.progress_done, run.progress_total, run.progress_step) == (5, 10, "models")


@pytest.mark.skipif(not live_progress(), reason="progress is written mid-run on PostgreSQL only")
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")
def test_progress_is_written_at_each_step_and_at_most_twice_a_second_between():
    run = make_run(status="running")
    now = [0.0]
    recorder = ProgressRecorder(run, clock=lambda: now[0])

    def seen():
        return SyncRun.objects.using(PROGRESS_DATABASE).get(pk=run.pk).progress_done

    recorder(100, 1000, "models")
    now[0] = 0.2
    recorder(200, 1000, "models")
    assert seen() == 100  # too soon after the last write
    now[0] = 0.3
    recorder(300, 1000, "routes")
    assert seen() == 300  # a new step
    now[0] = 0.9
    recorder(400, 1000, "routes")
    assert seen() == 400  # half a second on
    now[0] = 1.0
    recorder(1000, 1000, "done")
    assert seen() == 1000
