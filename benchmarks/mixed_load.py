"""A minute of mixed traffic against the site as production serves it: no error, no 5xx.

    .venv/bin/python benchmarks/mixed_load.py                  # 1,000 more models, 60 s
    .venv/bin/python benchmarks/mixed_load.py --models 10000 --duration 120

Builds the catalog as benchmarks/load.py does (a throwaway PostgreSQL database, dropped at
the end), starts its own Redis and one gunicorn (gthread, 2 workers × 4 threads, debug
off, the page cache on), and has wrk send --connections connections for --duration
seconds, each request drawn from a mix: pair pages of 500 different pairs (some with a
custom traffic), their htmx cost fragments, model and provider pages, the models list with
filters, sorts and pages, the sitemaps, the picker and its autocomplete, and bad inputs (a
page that does not exist, a malformed pair, filters that are not numbers, a page past the
end). It prints req/s, p50/p99 and the answers by status class; it fails (exit 1) on any
socket error or any 5xx.
"""

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load import (  # noqa: E402 (the project's root, above, first)
    DATABASE_NAME,
    build_catalog,
    gunicorn,
    milliseconds,
    pair_paths,
    psql,
    redis_server,
    site_environment,
    with_database,
)

# Each request: a path, and whether it is an htmx request (the cost fragment).
BAD_INPUTS = [
    "/models/no-such-model/",
    "/compare/not-a-pair/",
    "/compare/gpt-5-3-codex-spark-vs-no-such-model/",
    "/models/?min_context=lots&max_price=-1",
    "/models/?page=999999",
    "/models/?page=0",
    "/compare/?a=&b=nothing",
    "/compare/autocomplete/?q=" + "x" * 200,
    "/sitemap-nothing.xml",
    "/sitemap-pairs.xml?p=999999",
    "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/?requests=NaN&input_tokens=-5",
]

WRK_SCRIPT = """
threads = {}
local requests = {}
for line in io.lines("%(paths)s") do
  local htmx, path = line:match("^(%%d) (.+)$")
  requests[#requests + 1] = {path = path, htmx = htmx == "1"}
end
statuses = {}  -- a global: done() reads each thread's with thread:get()
local index = 1
function setup(thread)
  thread:set("offset", math.random(#requests))
  table.insert(threads, thread)
end
function init(args) index = offset end
function request()
  index = index %% #requests + 1
  local entry = requests[index]
  local headers = {["Accept-Encoding"] = "gzip, deflate, br"}
  if entry.htmx then headers["HX-Request"] = "true" end
  return wrk.format("GET", entry.path, headers)
end
function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  statuses[class] = (statuses[class] or 0) + 1
end
function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for class, count in pairs(counts) do totals[class] = (totals[class] or 0) + count end
  end
  for class, count in pairs(totals) do
    io.write(string.format("status %%s %%d\\n", class, count))
  end
end
"""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=1_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    return parser.parse_args()


def mix(pairs):
    """The requests, as "<htmx 0|1> <path>" lines, in a shuffled mix."""
    rng = random.Random(11)
    lines = []
    for pair in pairs:
        lines.append(f"0 {pair}")
        if rng.random() < 0.3:
            lines.append(f"0 {pair}?requests={rng.randrange(1, 10**7)}&output_tokens=500")
            lines.append(f"1 {pair}?requests={rng.randrange(1, 10**7)}")
    for slug in {pair.split("/")[2].split("-vs-")[0] for pair in pairs}:
        lines.append(f"0 /models/{slug}/")
    lines += [
        f"0 /models/?sort={sort}&page={page}"
        for sort in ("name", "price", "context", "released")
        for page in (1, 2, 3)
    ]
    lines += ["0 /models/?capability=reasoning", "1 /models/?sort=price&page=2"]
    lines += ["0 /", "0 /providers/", "0 /providers/openrouter/", "0 /compare/"]
    lines += ["0 /compare/autocomplete/?q=gpt", "0 /compare/?a=GPT-5.3-Codex-Spark&b=Qwen3.5"]
    lines += ["0 /sitemap.xml", "0 /sitemap-models.xml", "0 /sitemap-pairs.xml"]
    lines += [f"0 {path}" for path in BAD_INPUTS] * 20
    rng.shuffle(lines)
    return lines


def main():
    arguments = parse_arguments()
    server_url = arguments.database_url
    database_url = with_database(server_url, DATABASE_NAME)
    project = Path(__file__).resolve().parents[1]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=project,
        env=site_environment(with_database(server_url, "postgres")),
        check=True,
    )
    with tempfile.TemporaryDirectory(prefix="mixed-load-") as name:
        folder = Path(name)
        try:
            built = build_catalog(server_url, database_url, arguments.models)
            print(f"{41 + arguments.models:,} models, built in {built:.0f} s", flush=True)
            lines = mix(pair_paths(database_url, 500))
            (folder / "requests.txt").write_text("\n".join(lines) + "\n")
            script = folder / "mixed.lua"
            script.write_text(WRK_SCRIPT % {"paths": folder / "requests.txt"})
            with redis_server() as (cache_url, _):
                environment = site_environment(database_url, CACHE_URL=cache_url, PAGE_CACHE="1")
                with gunicorn(environment, 2, 4) as (origin, _):
                    result = subprocess.run(
                        [
                            "wrk",
                            "--threads", "2",
                            "--connections", str(arguments.connections),
                            "--duration", f"{arguments.duration}s",
                            "--latency",
                            "--script", str(script),
                            origin,
                        ],
                        capture_output=True,
                        text=True,
                    )  # fmt: skip
                    if result.returncode:
                        raise SystemExit(f"wrk failed: {result.stderr or result.stdout}")
                    output = result.stdout
        finally:
            psql(server_url, f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    statuses = dict(re.findall(r"^status (\dxx) (\d+)$", output, re.MULTILINE))
    socket_errors = re.search(r"Socket errors: (.+)", output)
    print(f"{len(lines):,} different requests in the mix; {total:,} sent in {arguments.duration} s")
    print(f"{rate:,.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print("answers: " + ", ".join(f"{count} {cls}" for cls, count in sorted(statuses.items())))
    print(f"socket errors: {socket_errors.group(1) if socket_errors else 'none'}")
    if socket_errors or int(statuses.get("5xx", 0)):
        raise SystemExit("FAILED: errors or 5xx answers under load")


if __name__ == "__main__":
    main()
