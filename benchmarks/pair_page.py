"""How long the pair page takes to render, and how many queries it makes.

    DJANGO_DEBUG=1 .venv/bin/python benchmarks/pair_page.py [--runs 200] [--models 300]

Builds a throwaway SQLite database (or fills --database-url, which must name an empty
database made for the purpose: it migrates it and loads into it), loads the demo catalog, adds
`--models` extra published models with routes, capabilities and scores (the page must not
slow down with the catalog), then renders the reference pair page through Django's test
client many times and prints the median, 90th percentile and the query count: the full page,
the htmx cost fragment, and the page at a custom traffic.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGE = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--models", type=int, default=300, help="extra models to add")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="pair-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from catalog.demo.loader import load_demo_catalog
    from tests.builders import add_models

    setup_test_environment()
    # Django empties the query log at each request start; keep it to count a request's queries.
    request_started.disconnect(reset_queries)
    call_command("migrate", verbosity=0)
    load_demo_catalog()
    add_models(args.models, name="Bench", seed=7, reviewed=True)
    client = Client()

    cases = [
        ("full page", PAGE, {}),
        (
            "htmx cost fragment",
            f"{PAGE}?requests=2000000&input_tokens=400&output_tokens=300",
            {"HX-Request": "true"},
        ),
        (
            "page at custom traffic",
            f"{PAGE}?requests=2000000&input_tokens=400&output_tokens=300",
            {},
        ),
    ]
    print(f"{connection.vendor}, {args.runs} runs each, catalog of {args.models} extra models")
    print(f"{'case':<26}{'median ms':>10}{'p90 ms':>9}{'queries':>9}{'bytes':>9}")
    for label, url, headers in cases:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers=headers)
        assert response.status_code == 200, response.status_code
        timings = []
        for _ in range(args.runs):
            start = time.perf_counter()
            client.get(url, headers=headers)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(
            f"{label:<26}{statistics.median(timings):>10.1f}{p90:>9.1f}"
            f"{len(queries):>9}{len(response.content):>9}"
        )


if __name__ == "__main__":
    main()
