"""The embedded default under load: SQLite, each process's own memory as the page cache,
the key versions in a file every process maps (config/key_versions.py), no Redis.

    make real-catalog
    .venv/bin/python benchmarks/embedded_load.py --database real-catalog.sqlite3
    .venv/bin/python benchmarks/embedded_load.py --database db.sqlite3 --duration 15

Serves a COPY of the SQLite database it is given with gunicorn (gthread, --workers ×
--threads, debug off), once with the page cache and once without, and sends load with wrk
(benchmarks/load.py's helpers: 127.0.0.1 only, bounded in time, gzip or Brotli asked as
browsers do). Prints req/s, p50 and p99 and the ratio to the static file's req/s (the
ceiling: WhiteNoise serving a stylesheet, in the same run) for: one pair page and one model
page, cached (each worker warmed first) and uncached; 2,000 different pair pages uncached,
and the same 2,000 on a cold page cache, as production meets a crawler: the page cache on
(a model's facts kept for its next pair, config/memo.py) in new processes, each page asked
once (wrk's two threads walk the list from its start and its middle, for --cold-duration
seconds, and count the answers' X-Cache: the row says how many were hits).
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.load import (  # noqa: E402
    ACCEPT_ENCODING,
    PROJECT,
    PYTHON,
    WRK_PATHS_SCRIPT,
    fetch,
    gunicorn,
    measure,
    pair_paths,
    site_environment,
    static_path,
    wrk_figures,
    wrk_output,
)

# wrk's threads walk the paths from evenly spaced starts, each its own stretch, and count
# the page cache's answers (X-Cache: hit, miss).
WRK_ONCE_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local threads = {}
function setup(thread)
  -- load.wrk runs two threads: the first starts at the list's start, the second at its middle
  thread:set("next_path", math.floor(#threads * #paths / 2))
  table.insert(threads, thread)
end
function init(args)
  hits, misses = 0, 0
end
function request()
  next_path = next_path %% #paths + 1
  return wrk.format(nil, paths[next_path])
end
function response(status, headers, body)
  if headers["X-Cache"] == "hit" then hits = hits + 1 else misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); m = m + thread:get("misses") end
  io.write(string.format("X-Cache hits %%d misses %%d\\n", h, m))
end
"""


def first_pair_and_model(database_url) -> tuple[str, str]:
    from benchmarks.load import run_in_site

    script = """
import django
django.setup()
from catalog.models import LanguageModel
from catalog.slugs import pair_url
a, b = LanguageModel.objects.published().order_by("-corroborated_by", "slug")[:2]
print(pair_url(a.slug, b.slug), a.get_absolute_url())
"""
    pair, model = run_in_site(script, database_url).split()
    return pair, model


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a populated SQLite catalog")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per case")
    parser.add_argument(
        "--cold-duration",
        type=int,
        default=5,
        help="seconds of the cold page cache's case: short enough that no page is asked twice",
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed (Debian: apt-get install wrk)")

    with tempfile.TemporaryDirectory(prefix="embedded-load-") as name:
        work = Path(name)
        copy = work / "catalog.sqlite3"
        shutil.copyfile(arguments.database, copy)
        database_url = f"sqlite:///{copy}"
        extra = {"PAGE_CACHE_KEY_VERSIONS_FILE": str(work / "key-versions")}
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            cwd=PROJECT,
            env=site_environment(database_url),
            check=True,
        )
        pair, model = first_pair_and_model(database_url)
        paths = pair_paths(database_url, 2_000)
        (work / "pairs.txt").write_text("\n".join(paths) + "\n")
        script = work / "pairs.lua"
        script.write_text(WRK_PATHS_SCRIPT % (work / "pairs.txt"))
        rows = []
        cached_env = site_environment(database_url, PAGE_CACHE="1", **extra)
        plain_env = site_environment(database_url, PAGE_CACHE="0", **extra)
        print(f"{pair} and {model}; {arguments.workers}×{arguments.threads} gunicorn", flush=True)
        with gunicorn(cached_env, arguments.workers, arguments.threads) as (cached, _):
            ceiling = measure("static file", cached, static_path(), arguments, rows)
            for label, path in (("pair page", pair), ("model page", model)):
                for _ in range(4 * arguments.workers):  # each worker's memory warmed
                    fetch(cached + path, {"Accept-Encoding": ACCEPT_ENCODING})
                measure(f"{label}, cached", cached, path, arguments, rows)
        with gunicorn(plain_env, arguments.workers, arguments.threads) as (plain, _):
            for label, path in (("pair page", pair), ("model page", model)):
                measure(f"{label}, uncached", plain, path, arguments, rows)
            measure("2,000 different pair pages, uncached", plain, "/", arguments, rows, script)
        once = work / "once.lua"
        once.write_text(WRK_ONCE_SCRIPT % (work / "pairs.txt"))
        with gunicorn(cached_env, arguments.workers, arguments.threads) as (cold, _):
            cold_arguments = argparse.Namespace(
                **{**vars(arguments), "duration": arguments.cold_duration}
            )
            output = wrk_output(cold + "/", cold_arguments, once)
            hits, misses = map(int, re.search(r"X-Cache hits (\d+) misses (\d+)", output).groups())
            rate, p50, p99, errors = wrk_figures(output)
            label = (
                f"2,000 different pair pages, cold page cache ({hits:,} hits in {hits + misses:,})"
            )
            rows.append((label, rate, p50, p99, errors))
            print(f"  {label}: {rate:,.0f} req/s  p50 {p50:.1f} ms  p99 {p99:.1f} ms", flush=True)

    print("\n| case | req/s (× static) · p50 · p99 ms |\n|---|---|")
    for label, rate, p50, p99, errors in rows:
        note = f", {errors} errors" if errors else ""
        print(f"| {label} | {rate:,.0f} ({rate / ceiling:.2f}×) · {p50:.1f} · {p99:.1f}{note} |")


if __name__ == "__main__":
    main()
