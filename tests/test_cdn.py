"""The purges at a CDN (config/cdn.py), against a fake purge API on 127.0.0.1: what it
receives for a save and for a sync, and what happens when it is down (the page still
serves; the failure is logged and tried again)."""

import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from catalog.models import Route
from catalog.sync.runs import execute, start_run
from tests.catalog.sync.test_modelsdev_parser import write_kimi

pytestmark = pytest.mark.django_db


class FakeAPI(ThreadingHTTPServer):
    """Records each purge call; answers `status`."""

    def __init__(self):
        self.calls: list[tuple[str, dict, dict]] = []
        self.status = 200

        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                api.calls.append((self.path, dict(self.headers), body))
                self.send_response(api.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"status": "ok"}')

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def fake_api():
    api = FakeAPI()
    thread = threading.Thread(target=api.serve_forever, daemon=True)
    thread.start()
    yield api
    api.shutdown()
    api.server_close()


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """The purge task run at once, as the task worker would run it."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def fastly(settings, fake_api):
    settings.PAGE_CACHE_CDN = "fastly"
    settings.PAGE_CACHE_CDN_API = fake_api.url
    settings.FASTLY_API_TOKEN = "test-token"
    settings.FASTLY_SERVICE_ID = "service-1"
    settings.PAGE_CACHE_CDN_RETRY_SECONDS = (0, 0)
    return fake_api


def purged_keys(api) -> set[str]:
    keys = set()
    for _, _, body in api.calls:
        keys.update(body.get("surrogate_keys", body.get("tags", [])))
    return keys


def test_a_save_purges_its_keys_at_fastly(
    fastly, reference_catalog, django_capture_on_commit_callbacks
):
    route = Route.objects.filter(model=reference_catalog.spark).first()
    with django_capture_on_commit_callbacks(execute=True):
        route.output_price = Decimal("9.75")
        route.save()

    path, headers, _ = fastly.calls[0]
    assert path == "/service/service-1/purge"
    assert headers["Fastly-Key"] == "test-token"
    assert {f"route={route.pk}", f"route.model={reference_catalog.spark.pk}", "catalog"} <= (
        purged_keys(fastly)
    )


def test_a_sync_purges_what_it_changed_at_cloudflare_in_batches(
    settings, fake_api, tmp_path, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_CDN = "cloudflare"
    settings.PAGE_CACHE_CDN_API = fake_api.url
    settings.CLOUDFLARE_API_TOKEN = "test-token"
    settings.CLOUDFLARE_ZONE_ID = "zone-1"
    write_kimi(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        run = execute(start_run("modelsdev", tmp_path))

    assert run.status == "succeeded"
    paths = {path for path, _, _ in fake_api.calls}
    assert paths == {"/client/v4/zones/zone-1/purge_cache"}
    assert all(len(body["tags"]) <= 30 for _, _, body in fake_api.calls)
    assert {"catalog", "languagemodel", "route"} <= purged_keys(fake_api)
    assert all(headers["Authorization"] == "Bearer test-token" for _, headers, _ in fake_api.calls)


def test_a_cdn_that_is_down_costs_a_logged_retry_never_the_save_or_the_page(
    fastly, page_cache, reference_catalog, reader, django_capture_on_commit_callbacks, caplog
):
    fastly.status = 503
    route = Route.objects.filter(model=reference_catalog.spark).first()
    with django_capture_on_commit_callbacks(execute=True):
        route.output_price = Decimal("9.75")
        route.save()

    assert len(fastly.calls) == 3  # the call, then once after each of the two delays
    assert "failed for good" in caplog.text
    assert Route.objects.get(pk=route.pk).output_price == Decimal("9.75")
    page = reader.get(reference_catalog.spark.get_absolute_url())
    assert page.status_code == 200
    assert "s-maxage=86400" in page["Cache-Control"]  # a purged CDN may keep it a day


def test_without_a_cdn_nothing_is_sent_and_shared_caches_keep_pages_minutes(
    settings, fake_api, page_cache, reference_catalog, reader, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_CDN = ""
    route = Route.objects.filter(model=reference_catalog.spark).first()
    with django_capture_on_commit_callbacks(execute=True):
        route.save()

    assert fake_api.calls == []
    assert "s-maxage" not in reader.get(reference_catalog.spark.get_absolute_url())["Cache-Control"]
