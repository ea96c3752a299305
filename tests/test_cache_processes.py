"""The page cache across processes, as production runs it: gunicorn's two workers each keep
pages in their own memory, and a write made by another process (a sync's command, an
editor's request on another worker) reaches both before their next answer, through the
key versions' file on one machine, or through Redis. Slow: it starts real servers."""

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.subprocesses import PROJECT_ROOT, collect_static, production_environment, run_python

pytestmark = pytest.mark.slow

WRITE = """
import django
django.setup()
from decimal import Decimal
from catalog.models import LanguageModel, Route
route = Route.objects.filter(model__slug="{slug}", is_active=True).order_by("pk").first()
route.input_price, route.output_price = Decimal("1.11"), Decimal("{price}")
route.save()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(origin, path):
    request = urllib.request.Request(origin + path, headers={"Host": "testserver"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.headers["X-Cache"], answer.read().decode()


@contextmanager
def gunicorn(env):
    port = free_port()
    command = [str(Path(sys.executable).with_name("gunicorn")), "config.wsgi:application"]
    command += ["--workers", "2", "--threads", "1", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, start_new_session=True)
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get(origin, "/robots.txt")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield origin
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(10)


def redis_url():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/14").ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    redis.Redis.from_url("redis://127.0.0.1:6379/14").flushdb()
    return "redis://127.0.0.1:6379/14"


@pytest.mark.parametrize("shared", ["file", "redis"])
def test_a_write_in_another_process_reaches_every_worker_before_its_next_answer(tmp_path, shared):
    variables = {
        "PAGE_CACHE": "1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE_KEY_VERSIONS": "file",
        "PAGE_CACHE_KEY_VERSIONS_FILE": str(tmp_path / "key-versions"),
        # No catching up with the database within the test: the commit's own copy must do.
        "PAGE_CACHE_RESYNC_SECONDS": "600",
        "CATALOG_VERSION_CACHE_SECONDS": "600",
    }
    if shared == "redis":
        variables["CACHE_URL"] = redis_url()
    env = production_environment(tmp_path, **variables)
    collect_static(env)
    for command in (["manage.py", "migrate", "--no-input"], ["manage.py", "load_demo_catalog"]):
        done = run_python(command, env)
        assert done.returncode == 0, done.stderr
    spark = "/models/gpt-5-3-codex-spark/"
    other = "/models/qwen3-5-122b-a10b/"

    # Each worker renders a page and keeps it (in its own memory, or, with Redis, shared).
    # Which worker answers is the kernel's pick: requests go in bursts of concurrent ones,
    # so that both workers take some, until a whole burst is served from the cache.
    with gunicorn(env) as origin:
        for path in (spark, other):
            for _ in range(20):
                if {cache for cache, _ in burst(origin, path)} == {"hit"}:
                    break
            else:
                raise AssertionError(f"{path} was never served from the cache")

        for price in ("9.75", "8.25"):
            written = run_python(["-c", WRITE.format(slug="gpt-5-3-codex-spark", price=price)], env)
            assert written.returncode == 0, written.stderr
            answers = burst(origin, spark) + burst(origin, spark)
            assert all(f"${price}" in page for _, page in answers), price  # never the old one
            assert [cache for cache, _ in answers].count("miss") <= 2  # once a worker at most
        # A page that does not show the route was kept by both workers.
        assert {cache for cache, _ in burst(origin, other)} == {"hit"}
        assert re.search(r"\$8\.25", get(origin, spark)[1])


def burst(origin, path, size=8):
    """`size` requests at once: (X-Cache, page) of each."""
    with ThreadPoolExecutor(size) as pool:
        return list(pool.map(lambda _: get(origin, path), range(size)))
