"""The catalog sync at scale: the four public snapshots in ../shared/data synced into an
empty database, then again over the result. Prints, per source and pass, the wall time
and the peak memory of the `sync_catalog` process, and the catalog's size at the end.

    .venv/bin/python benchmarks/sync.py                       # SQLite (a throwaway file)
    .venv/bin/python benchmarks/sync.py --database-url postgres://postgres@127.0.0.1:5432/postgres

With --database-url, a throwaway database `bench_sync_<pid>` is created beside the one
named and dropped at the end; yours is never touched. Targets (issue 8): first sync
≤ 60 s and ≤ 500 MB, re-sync ≤ 20 s.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SOURCES = [
    ("modelsdev", DATA / "models.dev"),
    ("openrouter", DATA / "models.dev" / "models.json"),
    ("genai-prices", DATA / "genai-prices" / "prices"),
    ("aider", DATA / "aider"),
]
PYTHON = sys.executable


def run(args, env):
    """(seconds, peak MB, stdout's last line) of `manage.py *args` in a child process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"manage.py {' '.join(map(str, args))} failed ({process.returncode})")
    last = output.strip().splitlines()[-1] if output.strip() else ""
    return seconds, usage.ru_maxrss / 1024, last


def postgres_database(url):
    """A throwaway database beside the one `url` names: (its URL, a function dropping it)."""
    import psycopg

    parts = urlsplit(url)
    name = f"bench_sync_{os.getpid()}"
    admin = psycopg.connect(url, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop():
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", help="a PostgreSQL server to make a throwaway database on"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"The public snapshots are not at {DATA}.")

    drop = None
    if args.database_url:
        database_url, drop = postgres_database(args.database_url)
        engine = "PostgreSQL"
    else:
        folder = tempfile.mkdtemp()
        database_url = f"sqlite:///{folder}/bench.sqlite3"
        engine = "SQLite"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    try:
        run(["migrate", "--no-input", "-v0"], env)
        print(f"Catalog sync on {engine}, from an empty catalog")
        print(f"{'pass':<8} {'source':<13} {'seconds':>8} {'peak MB':>8}  result")
        totals = {}
        for label in ("first", "again"):
            totals[label] = 0.0
            for source, location in SOURCES:
                seconds, peak, last = run(["sync_catalog", source, str(location)], env)
                totals[label] += seconds
                print(f"{label:<8} {source:<13} {seconds:8.1f} {peak:8.0f}  {last}")
        print(f"all four: first {totals['first']:.1f} s, again {totals['again']:.1f} s")
        shell = (
            "from catalog.models import LanguageModel, Provider, Route; "
            "print(LanguageModel.objects.published().count(), "
            "Provider.objects.serving_published_models().count(), Route.objects.count())"
        )
        completed = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", shell],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        models, providers, routes = completed.stdout.split()[-3:]
        print(f"catalog: {models} published models, {providers} providers, {routes} routes")
    finally:
        if drop:
            drop()


if __name__ == "__main__":
    main()
