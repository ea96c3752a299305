"""How long `/cost/` takes uncached, and how many queries it makes, at a catalog's size.

    .venv/bin/python benchmarks/cost_page.py                      # 10,041 models, PostgreSQL
    .venv/bin/python benchmarks/cost_page.py --models 2000 --runs 10
    .venv/bin/python benchmarks/cost_page.py --database-url sqlite:///real-catalog.sqlite3

Without --database-url it builds a throwaway PostgreSQL database `llmref_cost` on the
server of --server-url, as benchmarks/load.py builds its own (the demo catalog and
--models more from tests/builders.py, routes with batch tiers, similar models ranked,
ANALYZEd), and drops it at the end (--keep leaves it for the next run: then it is reused
as it is). With --database-url it reads that populated database and writes nothing.

In this process, through Django's test client with debug off and the page cache (and so
the memo) off, as a server without a cache would answer: each case is asked twice, then
--runs times timed. It prints the median and 90th percentile in ms, the queries of one
request, the answer's size, and whether a page's median is within the issue's 150 ms (the
CSV file of every model is not a page: it is timed, not judged). The filtered case ticks
the first capability; the benchmark case reads the benchmark most published models have a
score on.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from benchmarks import load  # noqa: E402 (after the path)

DATABASE_NAME = "llmref_cost"
TARGET_MS = 150


def cases(capability, benchmark):
    """(name, path, headers, judged): the target is judged on the pages, not on the file of
    every model."""
    return [
        ("default workload", "/cost/", {}, True),
        ("page 3, by list price", "/cost/?order=list&page=3", {}, True),
        ("half the input cached", "/cost/?cached=50", {}, True),
        ("batch mode, 300k input", "/cost/?mode=batch&input_tokens=300000", {}, True),
        ("filtered", f"/cost/?capability={capability}&min_context=128k&max_cost=5000", {}, True),
        ("benchmark column, by score", f"/cost/?benchmark={benchmark}&order=score", {}, True),
        ("htmx results", "/cost/?requests=2000000", {"HTTP_HX_REQUEST": "true"}, True),
        ("API, one page", "/api/v1/cost?page_size=100", {}, True),
        ("CSV, every model", "/cost/workload-cost.csv", {}, False),
    ]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="an existing, populated database")
    parser.add_argument(
        "--server-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="the PostgreSQL server to build the throwaway database on",
    )
    parser.add_argument("--models", type=int, default=10_000, help="models added to the demo's")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per case")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    return parser.parse_args()


def database_exists(server_url) -> bool:
    found = subprocess.run(
        [
            "psql",
            server_url,
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return found == "1"


def measure(client, path, headers, runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        response = client.get(path, **headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, body

    for _ in range(2):
        get()
    with CaptureQueriesContext(connection) as queries:
        status, body = get()
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        get()
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return {
        "status": status,
        "queries": len(queries),
        "bytes": len(body),
        "median": statistics.median(seconds) * 1000,
        "p90": seconds[int(0.9 * (len(seconds) - 1))] * 1000,
    }


def main():
    arguments = parse_arguments()
    database_url = arguments.database_url
    built = False
    if not database_url:
        database_url = load.with_database(arguments.server_url, DATABASE_NAME)
        if not (arguments.keep and database_exists(arguments.server_url)):
            print(f"Building {DATABASE_NAME}: the demo catalog and {arguments.models:,} models…")
            seconds = load.build_catalog(
                arguments.server_url, database_url, arguments.models, DATABASE_NAME
            )
            print(f"  built in {seconds:.0f} s")
        built = not arguments.keep
    try:
        from benchmarks.admin_timings import configure

        os.environ["PAGE_CACHE"] = "0"  # and so no memo: every request reads everything
        configure(database_url)
        from django.core.signals import request_started
        from django.db import reset_queries
        from django.db.models import Count, Q
        from django.test import Client

        from catalog.models import Benchmark, Capability, LanguageModel

        # Django empties the query log as a request starts: keep it to count a request's.
        request_started.disconnect(reset_queries)
        capability = Capability.objects.order_by("position").values_list("slug", flat=True)[0]
        benchmark = (
            Benchmark.objects.annotate(
                scored=Count("scores", filter=Q(scores__model__is_published=True))
            )
            .order_by("-scored", "slug")
            .values_list("slug", flat=True)[0]
        )
        published = LanguageModel.objects.published().count()
        print(f"/cost/ uncached at {published:,} published models, {arguments.runs} runs a case")
        print(f"{'case':<30} {'status':>6} {'queries':>7} {'KB':>7} {'median':>9} {'p90':>9}")
        client = Client()
        for name, path, headers, judged in cases(capability, benchmark):
            result = measure(client, path, headers, arguments.runs)
            over = judged and result["median"] > TARGET_MS
            mark = f"  over {TARGET_MS} ms" if over else ""
            print(
                f"{name:<30} {result['status']:>6} {result['queries']:>7} "
                f"{result['bytes'] / 1024:>7.0f} {result['median']:>7.1f}ms "
                f"{result['p90']:>7.1f}ms{mark}"
            )
    finally:
        if built:
            load.psql(arguments.server_url, f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")


if __name__ == "__main__":
    main()
