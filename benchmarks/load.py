"""The site under load, served as production serves it, at two catalog sizes.

    .venv/bin/python benchmarks/load.py                        # 41 and 10,041 models
    .venv/bin/python benchmarks/load.py --models 3000 --duration 15
    .venv/bin/python benchmarks/load.py --database-url postgres://postgres@db:5432/postgres

For each size (the demo catalog alone, then with --models more models from
tests/builders.py) it creates a throwaway PostgreSQL database `llmref_load` on the server
of --database-url (dropped at the end; the named database itself is never written),
migrates it, loads the catalog, ranks the similar models and ANALYZEs. It collects the
static files, starts its own Redis (`redis-server` on a free port, nothing saved to disk)
and two gunicorn servers (gthread, --workers × --threads, debug off) on free ports: one
with the whole-page cache on Redis, one without. wrk (Debian's `wrk`) then sends
--connections connections from two threads for --duration seconds per case, asking for
gzip or Brotli as browsers do, and the script prints req/s, p50 and p99 latency and the
ratio of req/s to the static file's (the ceiling: WhiteNoise serving a stylesheet).

Cases: the static file; one pair page; 2,000 different pair pages (uncached, on a cold
cache just emptied, and on a warm cache that has seen them all); a model page; `/models/`;
the first pairs sitemap page (50,000 URLs); the htmx cost fragment. "uncached" is the
server without the page cache; "cached" the other, warmed first. Then one uncached
sitemap page alone (seconds, and the peak resident memory of the worker that served it),
and the admin's pages (benchmarks/admin_timings.py, in this process, on the same database).

Load goes to 127.0.0.1 only, for a bounded time. Nothing else should run meanwhile: the
machine's cores are shared by wrk, gunicorn, PostgreSQL and Redis.
"""

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DATABASE_NAME = "llmref_load"
ACCEPT_ENCODING = "gzip, deflate, br"
PAIR_PAGE = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
MODEL_PAGE = "/models/gpt-5-3-codex-spark/"
FRAGMENT = f"{PAIR_PAGE}?requests=2000000&input_tokens=400&output_tokens=300"
DIFFERENT_PAIRS = 2_000

WRK_PATHS_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local next_path = 1
function setup(thread) thread:set("offset", math.random(#paths)) end
function init(args) next_path = offset end
function request()
  next_path = next_path %% #paths + 1
  return wrk.format(nil, paths[next_path])
end
"""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--models", type=int, default=10_000, help="models added to the demo catalog's 41"
    )
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server to create the throwaway database on",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per case")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--skip-small", action="store_true", help="only the large catalog")
    return parser.parse_args()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def psql(server_url, statement):
    subprocess.run(
        ["psql", server_url, "-q", "-v", "ON_ERROR_STOP=1", "-c", statement],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def site_environment(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-never-used-to-serve-anything",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "DATABASE_URL": database_url,
        **extra,
    }


def run_in_site(script, database_url):
    """What `script` prints, run by Python in the project with the site's settings."""
    return subprocess.run(
        [PYTHON, "-c", script],
        cwd=PROJECT,
        env=site_environment(database_url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def build_catalog(server_url, database_url, models, name=DATABASE_NAME):
    """The throwaway database `name` (at `database_url`): migrated, the demo catalog,
    `models` more, ranked, analyzed."""
    psql(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(server_url, f"CREATE DATABASE {name}")
    script = f"""
import django
django.setup()
from django.core.management import call_command
from catalog.demo.loader import load_demo_catalog
from catalog.similar import refresh_similar_models
from tests.builders import add_models
call_command("migrate", verbosity=0)
load_demo_catalog()
for start in range(0, {models}, 2_000):
    add_models(min(2_000, {models} - start), name=f"Load{{start // 2_000}}", seed=start,
               reviewed=True, tiers=True)
refresh_similar_models()
"""
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "-c", script], cwd=PROJECT, env=site_environment(database_url), check=True
    )
    # Vacuumed and analyzed now, so that autovacuum does not run during the measurements.
    psql(database_url, "VACUUM ANALYZE")
    return time.perf_counter() - started


@contextmanager
def redis_server():
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: socket.create_connection(("127.0.0.1", port), timeout=0.2).close())
        yield f"redis://127.0.0.1:{port}/0", port
    finally:
        process.terminate()
        process.wait()


def flush_redis(port):
    subprocess.run(["redis-cli", "-p", str(port), "FLUSHALL"], check=True, stdout=subprocess.PIPE)


@contextmanager
def gunicorn(environment, workers, threads):
    port = free_port()
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "config.wsgi:application",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=PROJECT, env=environment, start_new_session=True)
    origin = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(origin + "/"))
        yield origin, process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def wait_for(attempt, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return attempt()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def worker_peak_memory(process):
    """The largest peak resident size (VmHWM) among the server's workers, in MB."""
    peaks = []
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return max(peaks)


DURATION_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * DURATION_UNITS[unit]


def wrk(url, arguments, script=None):
    """(req/s, p50 ms, p99 ms, non-2xx/3xx answers) of one wrk run."""
    return wrk_figures(wrk_output(url, arguments, script))


def wrk_output(url, arguments, script=None) -> str:
    """What one wrk run prints."""
    command = [
        "wrk",
        "--threads",
        "2",
        "--connections",
        str(arguments.connections),
        "--duration",
        f"{arguments.duration}s",
        "--latency",
        "--header",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
    ]
    if script:
        command += ["--script", script]
    return subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout


def wrk_figures(output: str):
    """(req/s, p50 ms, p99 ms, non-2xx/3xx answers) of what wrk printed."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


def pair_paths(database_url, count):
    """`count` different pair pages of published models, canonical URLs, at random."""
    script = f"""
import random
import django
django.setup()
from catalog.models import LanguageModel
from catalog.slugs import pair_url
slugs = list(LanguageModel.objects.published().values_list("slug", flat=True))
rng = random.Random(7)
pairs = set()
while len(pairs) < min({count}, len(slugs) * (len(slugs) - 1) // 2):
    a, b = rng.sample(slugs, 2)
    pairs.add(pair_url(a, b))
print("\\n".join(sorted(pairs)))
"""
    output = run_in_site(script, database_url)
    paths = output.split()
    random.Random(7).shuffle(paths)
    return paths


def static_path():
    manifest = (PROJECT / "staticfiles" / "staticfiles.json").read_text()
    hashed = re.search(r'"css/site\.css":\s*"([^"]+)"', manifest).group(1)
    return f"/static/{hashed}"


def measure(label, origin, path, arguments, rows, script=None):
    rate, p50, p99, errors = wrk(origin + path, arguments, script)
    rows.append((label, rate, p50, p99, errors))
    print(f"  {label:<38}{rate:>9,.0f} req/s  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms", flush=True)
    return rate


def run_size(arguments, server_url, models, workdir):
    database_url = with_database(server_url, DATABASE_NAME)
    print(f"\n== {41 + models:,} models ==", flush=True)
    built = build_catalog(server_url, database_url, models)
    print(f"  catalog built in {built:.0f} s", flush=True)
    paths = pair_paths(database_url, DIFFERENT_PAIRS)
    paths_file = workdir / "pairs.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    script = workdir / "pairs.lua"
    script.write_text(WRK_PATHS_SCRIPT % paths_file)
    rows = []
    extra = {}
    with redis_server() as (cache_url, redis_port):
        cached_env = site_environment(database_url, CACHE_URL=cache_url, PAGE_CACHE="1")
        plain_env = site_environment(database_url, CACHE_URL=cache_url, PAGE_CACHE="0")
        with (
            gunicorn(cached_env, arguments.workers, arguments.threads) as (cached, _),
            gunicorn(plain_env, arguments.workers, arguments.threads) as (plain, process),
        ):
            sitemap = "/sitemap-pairs.xml"
            ceiling = measure("static file", cached, static_path(), arguments, rows)
            cases = [
                ("pair page", PAIR_PAGE),
                ("model page", MODEL_PAGE),
                ("/models/", "/models/"),
                ("pairs sitemap page", sitemap),
            ]
            for label, path in cases:
                measure(f"{label}, uncached", plain, path, arguments, rows)
                fetch(cached + path, {"Accept-Encoding": ACCEPT_ENCODING})
                measure(f"{label}, cached", cached, path, arguments, rows)
            measure("htmx cost fragment, uncached", plain, FRAGMENT, arguments, rows)
            fragment_headers = {"Accept-Encoding": ACCEPT_ENCODING, "HX-Request": "true"}
            fetch(cached + FRAGMENT, fragment_headers)
            measure("htmx cost fragment, cached", cached, FRAGMENT, arguments, rows)
            # (2,000 pairs, or all there are: 780 of the demo catalog's 40 published models.)
            print(f"  ({len(paths):,} different pair pages)")
            measure("different pair pages, uncached", plain, "/", arguments, rows, script)
            flush_redis(redis_port)
            measure("different pair pages, cold cache", cached, "/", arguments, rows, script)
            for path in paths:  # every one seen once: all in the cache
                fetch(cached + path, {"Accept-Encoding": ACCEPT_ENCODING})
            measure("different pair pages, warm cache", cached, "/", arguments, rows, script)

        extra["sitemap"] = sitemap_alone(plain_env, arguments)
    extra["admin"] = admin_timings(database_url)
    return ceiling, rows, extra


def sitemap_alone(environment, arguments):
    """One uncached pairs sitemap page on a server of its own (one worker): its URLs, the
    median seconds of 5 requests, and the worker's peak resident memory before and after
    (MB): what serving the page added to a worker that had served the home page."""
    with gunicorn(environment, 1, arguments.threads) as (origin, process):
        fetch(origin + "/")
        before = worker_peak_memory(process)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            body = fetch(origin + "/sitemap-pairs.xml")
            timings.append(time.perf_counter() - started)
        return body.count(b"<loc>"), statistics.median(timings), before, worker_peak_memory(process)


def admin_timings(database_url):
    """The admin's pages, timed in a separate process on the same database."""
    script = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from benchmarks.admin_timings import admin_timings
User = get_user_model()
user = User.objects.create_superuser("load-benchmark", password=None)
try:
    client = Client()
    client.force_login(user)
    for label, median, queries, _ in admin_timings(client, runs=5):
        print(f"{label}\\t{median}\\t{queries}")
finally:
    user.delete()
"""
    output = run_in_site(script, database_url)
    rows = []
    for line in output.splitlines():
        label, median, queries = line.split("\t")
        rows.append((label, float(median), int(queries)))
    return rows


def print_report(results):
    print("\n## Results\n")
    sizes = list(results)
    header = "| case | " + " | ".join(
        f"{size:,} models: req/s (× static) · p50 · p99 ms" for size in sizes
    )
    print(header + " |")
    print("|---|" + "---|" * len(sizes))
    labels = [label for label, *_ in results[sizes[0]][1]]
    for index, label in enumerate(labels):
        cells = []
        for size in sizes:
            ceiling, rows, _ = results[size]
            _, rate, p50, p99, errors = rows[index]
            note = f", {errors} errors" if errors else ""
            cells.append(f"{rate:,.0f} ({rate / ceiling:.2f}×) · {p50:.1f} · {p99:.1f}{note}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    for size in sizes:
        _, _, extra = results[size]
        urls, seconds, before, after = extra["sitemap"]
        print(
            f"\n{size:,} models: one uncached pairs sitemap page ({urls:,} URLs) in "
            f"{seconds:.2f} s; the worker's peak resident memory {before:.0f} MB before, "
            f"{after:.0f} MB after."
        )
        print(f"Admin at {size:,} models (median of 5, ms, queries):")
        for label, median, queries in extra["admin"]:
            print(f"  {label:<48}{median:>8.1f} ms {queries:>4} queries")
    if len(sizes) == 2:
        small, large = ({label: rate for label, rate, *_ in results[size][1]} for size in sizes)
        key = "pair page, uncached"
        print(
            f"\nUncached pair page at {sizes[1]:,} models: {large[key] / small[key]:.2f}× "
            f"its req/s at {sizes[0]:,}."
        )


def main():
    arguments = parse_arguments()
    for tool in ("wrk", "redis-server", "redis-cli", "psql"):
        if shutil.which(tool) is None:
            raise SystemExit(
                f"{tool} is needed (Debian: apt-get install wrk redis-server postgresql-client)"
            )
    server_url = arguments.database_url
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=PROJECT,
        env=site_environment(with_database(server_url, "postgres")),
        check=True,
    )
    sizes = [0, arguments.models] if not arguments.skip_small else [arguments.models]
    results = {}
    with tempfile.TemporaryDirectory(prefix="load-benchmark-") as name:
        try:
            for models in sizes:
                results[41 + models] = run_size(arguments, server_url, models, Path(name))
        finally:
            psql(server_url, f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
    print_report(results)


if __name__ == "__main__":
    main()
