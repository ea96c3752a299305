"""Faults survived: the database down gives a designed 503 page within a second (or the
stored copy of a page), /healthz says what is down, and a page needing no database is
still served. The cache down is tests/test_page_cache.py's; a failed sync or save leaving
the data as it was is tests/catalog/sync/test_apply.py's and tests/catalog/test_stale_save.py's.
"""

import json
import os
import shlex
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client

from catalog.models import ModelCapability
from tests.subprocesses import collect_static, production_environment, run_python

# A PostgreSQL nobody listens to: connections are refused at once, as when the server is
# stopped on a reachable host.
NO_DATABASE = "postgres://postgres@127.0.0.1:1/llm_reference"

SERVE = """
import json, time
import django
django.setup()
from django.test import Client
from django.urls import get_resolver
get_resolver().url_patterns  # the URLconf imported (the API's schemas built) before timing
client = Client(raise_request_exception=False)
answers = {}
for path in ("/", "/models/", "/healthz", "/robots.txt"):
    started = time.monotonic()
    response = client.get(path)
    answers[path] = {
        "status": response.status_code,
        "seconds": time.monotonic() - started,
        "headers": dict(response.items()),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def without_database(tmp_path_factory):
    env = production_environment(
        tmp_path_factory.mktemp("site"),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=NO_DATABASE,
        PAGE_CACHE="1",
    )
    collect_static(env)
    result = run_python(["-c", SERVE], env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("path", ["/", "/models/"])
def test_a_page_without_its_database_is_a_designed_503_within_a_second(without_database, path):
    answer = without_database[path]

    assert answer["status"] == 503
    assert answer["seconds"] < 1.5  # the pool gives up after 0.4 s (twice: cache, view)
    assert answer["headers"]["Retry-After"] == "30"
    assert answer["headers"]["Cache-Control"] == "no-store"
    assert "The catalog is unavailable" in answer["body"]
    assert "try again in a minute" in answer["body"]


def test_healthz_says_what_is_down(without_database):
    answer = without_database["/healthz"]
    checks = json.loads(answer["body"])

    assert answer["status"] == 503
    assert checks["database"].startswith("down: OperationalError")
    assert checks["cache"] == "ok"
    assert answer["headers"]["Cache-Control"] == "no-store"


def test_a_page_that_needs_no_database_is_still_served(without_database):
    assert without_database["/robots.txt"]["status"] == 200


@pytest.mark.django_db
def test_healthz_is_ok_when_all_is_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_a_stored_page_is_served_while_the_database_is_down(
    settings, reference_catalog, monkeypatch
):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_KEY_VERSIONS = "database"
    reader = Client()
    url = reference_catalog.spark.get_absolute_url()
    stored = reader.get(url)

    def database_down(*args):
        raise OperationalError("couldn't get a connection after 0.40 sec")

    monkeypatch.setattr("config.key_versions.DatabaseVersions.newest", database_down)
    started = time.monotonic()
    response = reader.get(url)

    assert response.status_code == 200
    assert response.content == stored.content
    assert (stored["X-Cache"], response["X-Cache"]) == ("miss", "hit")
    assert time.monotonic() - started < 1


@pytest.mark.django_db
def test_an_admin_save_that_fails_halfway_leaves_the_record_as_it_was(
    editor_client, form_data, reference_catalog, monkeypatch
):
    """The model is saved, then the rows below it: a failure at a capability row rolls the
    model back too (the admin saves a form and its inlines in one transaction)."""
    model = reference_catalog.spark
    version = model.version
    url = f"/admin/catalog/languagemodel/{model.pk}/change/"
    data = form_data(editor_client.get(url), "languagemodel_form")
    row = model.capability_support.select_related("capability").first()
    assert data["capability_support-0-id"] == [str(row.pk)]
    support = next(value for value in ModelCapability.Support.values if value != row.support)
    data["name"] = ["Renamed, then rolled back"]
    data["capability_support-0-support"] = [support]

    def fail(*args, **kwargs):
        raise OperationalError("the database went away in the middle of the save")

    monkeypatch.setattr("catalog.models.ModelCapability.save", fail)
    editor_client.raise_request_exception = False
    response = editor_client.post(url, data)

    assert response.status_code == 503
    model.refresh_from_db()
    assert model.name == "GPT-5.3-Codex-Spark"
    assert model.version == version  # its save undone, not only its name
    assert ModelCapability.objects.get(pk=row.pk).support == row.support


OUTAGE = """
import json, shlex, subprocess, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import close_old_connections
from django.test import Client
from catalog.demo.loader import load_demo_catalog

server_command = json.loads(sys.argv[1])  # [..., "{action}"]: pg_ctl, maybe through su

def server(action):
    command = [part.replace("{action}", action) for part in server_command]
    subprocess.run(command, check=True, capture_output=True)

call_command("migrate", verbosity=0)
load_demo_catalog()
client = Client(raise_request_exception=False)

def get(path):
    close_old_connections()  # as a server does around each request
    started = time.monotonic()
    response = client.get(path)
    close_old_connections()
    return [response.status_code, time.monotonic() - started]

results = {"up": get("/models/")}
server("stop")
results["down"] = [get("/models/?sort=price"), get("/healthz"), get("/providers/")]
for _ in range(8):  # a longer outage: the pool's delays between attempts grow
    time.sleep(1)
    get("/providers/")
server("start")
results["back"] = [get("/providers/"), get("/healthz")]
print(json.dumps(results))
"""


def as_cluster_owner(command: str) -> list[str]:
    """`command` run as the postgres user when this is root (PostgreSQL refuses root)."""
    return ["su", "postgres", "-c", command] if os.geteuid() == 0 else shlex.split(command)


@pytest.mark.slow  # a throwaway PostgreSQL started, stopped and started: half a minute
def test_a_database_outage_is_survived_and_the_first_request_after_it_succeeds(tmp_path):
    """A throwaway PostgreSQL cluster, stopped and started again under the site."""
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not binaries:
        pytest.skip("no PostgreSQL server binaries to start a throwaway cluster with")
    pg_ctl = binaries[-1]
    folder = Path(tempfile.mkdtemp(prefix="outage-"))  # readable by the postgres user
    folder.chmod(0o777)
    data = folder / "cluster"
    port = 54_000 + os.getpid() % 1_000
    control = f"{pg_ctl} -D {data} -o '-p {port} -k {folder}' -l {folder}/log -w"
    env = production_environment(
        tmp_path,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/postgres",
        PAGE_CACHE="0",
    )
    try:
        initdb = f"{pg_ctl.parent}/initdb -D {data} -A trust -U postgres"
        subprocess.run(as_cluster_owner(initdb), check=True, capture_output=True)
        subprocess.run(as_cluster_owner(f"{control} start"), check=True, capture_output=True)
        collect_static(env)
        server = json.dumps(as_cluster_owner(f"{control} {{action}}"))
        result = run_python(["-c", OUTAGE, server], env, timeout=180)
    finally:
        subprocess.run(
            as_cluster_owner(f"{pg_ctl} -D {data} -m immediate stop"), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
    results = json.loads(result.stdout.strip().splitlines()[-1])

    assert results["up"][0] == 200
    for status, seconds in results["down"]:
        assert status == 503
        assert seconds < 1.5  # the pool gives up after 0.4 s, twice at most
    assert [status for status, _ in results["back"]] == [200, 200]  # at once
