"""The site's quality bars, measured on a server run the way production runs it.

    make audit                                   # installs node_modules first when missing
    .venv/bin/python benchmarks/audit.py [--keep] [--skip-lighthouse] [--real-catalog]

Builds a throwaway SQLite database in a temporary folder, migrates it, loads the demo
catalog, marks every record reviewed (pair pages are indexable only when both models are),
dates its price records 60 days back (so that the price-history charts are drawn),
runs collectstatic, then starts gunicorn (`config.wsgi`) with debug off, a throwaway secret
key, DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost and no SSL redirect, on a free local port.

- The Nu Html Checker (`node_modules/vnu-jar`, run with Java) checks one page of every
  type: home, models (plain, filtered, and with bad filters: 400), a model (unpriced, and
  priced with its price-history chart), a model on one provider, providers, a provider,
  the compare picker (empty, and with bad input: 400), the reference pair page, a pair
  page with bad traffic (400), families, a family, what retires, benchmarks, a benchmark,
  the open data page, /cost/ (plain, filtered with a benchmark, and with bad input: 400), a
  404 page and the 500 page (rendered in-process: nothing on a
  healthy server answers 500). It counts errors, not warnings, and prints them per page
  with the total.
- Lighthouse (`node_modules/.bin/lighthouse`, headless Debian Chromium via CHROME_PATH)
  scores the home, models, model, route, pair, benchmark, family, retiring and cost pages: a
  table of page x category (0-100), with
  a second accessibility run in dark mode (the stylesheet has a dark palette: its contrast
  counts too), then the failing audits of any category below its bar.

With --real-catalog, the database is instead what an operator gets from the syncs of the
public snapshots in ../shared/data (DATA=… for others) and the similar models' ranking,
nothing reviewed; the checker and Lighthouse then read its home page, a corroborated
model's page, a pair page of two related, corroborated models and /cost/, and the checker a
lineup of four models.

The bars: 0 validator errors, SEO 100, accessibility >= 95 (light and dark), best
practices >= 95. Performance is printed, not judged: a throttled mobile run on a shared
machine varies. The server is stopped at the end; the exit status is 1 when a bar is not
met, and the unmet bars are printed last. --keep leaves the temporary folder (database,
downloaded pages, validator and Lighthouse reports) in place and prints where it is.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"

PAIR = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"
LINEUP = "/compare/?models=gpt-5-3-codex-spark,qwen3-5-122b-a10b,ling-2-6-1t,claude-opus-4-5"
DATA = Path(os.environ.get("DATA", PROJECT.parent / "shared" / "data"))
# The real catalog's pages: Claude Haiku 4.5 and Claude Haiku 3, corroborated, of one family.
REAL_PAGES = {
    "home": "/",
    "model": "/models/claude-haiku-4-5/",
    "pair": "/compare/claude-haiku-3-vs-claude-haiku-4-5/",
    "cost": "/cost/",
}
# Checked by the Nu Html Checker only: a lineup is noindex, which Lighthouse's SEO counts.
REAL_LINEUP = "/compare/?models=claude-haiku-4-5,gpt-5,gemini-2-5-pro,deepseek-v3-2"
MODEL = "gpt-5-3-codex-spark"
ROUTE = "/models/qwen3-5-122b-a10b/openrouter/"  # a model on one provider
BENCHMARK = "swe-bench-verified"
FAMILY = "gpt-5"
BARS = {"seo": 100, "accessibility": 95, "best-practices": 95}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--skip-lighthouse", action="store_true", help="run the Nu Html Checker only"
    )
    parser.add_argument(
        "--real-catalog",
        action="store_true",
        help="audit the catalog the syncs of ../shared/data make, not the demo",
    )
    return parser.parse_args()


def production_environment(folder):
    """Debug off, a throwaway key and database: what gunicorn and this process both use."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        # "0", not unset: a developer's .env must not turn debug back on for the audit.
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{folder}/audit.sqlite3",
        CACHE_URL="locmemcache://",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def build_site():
    """Migrate, load the demo catalog, review everything, collect static files; a provider's
    slug for the provider page."""
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command

    from catalog import models
    from catalog.demo.loader import load_demo_catalog

    call_command("migrate", verbosity=0)
    load_demo_catalog()
    reviewed = datetime.now(UTC)
    # The demo's prices were all recorded today, and a price history needs more than a day
    # to draw: recorded 60 days back, the model, route and family pages draw their charts
    # (same prices, no invented change) for the validator and Lighthouse to check.
    models.Route.history.update(history_date=reviewed - timedelta(days=60))
    for model in apps.get_app_config("catalog").get_models():
        if any(field.name == "reviewed_at" for field in model._meta.get_fields()):
            model.objects.update(reviewed_at=reviewed)
    call_command("collectstatic", verbosity=0, interactive=False)
    provider = models.Provider.objects.order_by("slug").values_list("slug", flat=True).first()
    return provider


def build_real_catalog():
    """Migrate, sync the four public snapshots, rank the similar models (the task worker's
    job after a sync), collect static files: nothing reviewed, as an operator starts."""
    import django

    django.setup()
    from django.core.management import call_command

    from catalog.similar import refresh_similar_models
    from catalog.sync.runs import execute, start_run

    call_command("migrate", verbosity=0)
    for source, location in (
        ("modelsdev", DATA / "models.dev"),
        ("openrouter", DATA / "models.dev" / "models.json"),
        ("genai-prices", DATA / "genai-prices" / "prices"),
        ("aider", DATA / "aider"),
    ):
        run = execute(start_run(source, str(location)))
        print(f"Synced {source}: {run.status}", flush=True)
    refresh_similar_models()
    call_command("collectstatic", verbosity=0, interactive=False)


def server_error_page():
    """The 500 page as the handler renders it (no healthy URL answers 500)."""
    from django.test import RequestFactory

    from config.views import server_error

    request = RequestFactory().get("/models/", headers={"host": "127.0.0.1"})
    return server_error(request).content


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port, folder):
    log = open(folder / "gunicorn.log", "wb")  # noqa: SIM115 (closed with the server)
    server = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.close()
            sys.exit("gunicorn stopped at start-up:\n" + (folder / "gunicorn.log").read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2):
                return server, log
        except OSError:
            time.sleep(0.3)
    stop_server(server, log)
    sys.exit("gunicorn did not answer within 30 seconds")


def stop_server(server, log):
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


def fetch(url):
    """Status and body, whatever the status (a 400 or 404 page is checked too)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def validate(pages, folder):
    """Nu Html Checker errors per page label, from one run of the checker over every file."""
    files = {}
    for label, (_, body) in pages.items():
        path = folder / "html" / f"{label.replace(' ', '-')}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(body)
        files[path.name] = label
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
        + [str(folder / "html" / name) for name in files],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        sys.exit(f"The Nu Html Checker did not report (exit {result.returncode}):\n{result.stderr}")
    if result.returncode and not report["messages"]:
        sys.exit(f"The Nu Html Checker failed (exit {result.returncode}) without a message")
    (folder / "vnu.json").write_text(json.dumps(report, indent=2))
    errors = {label: [] for label in pages}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            # The checker names a file "file:/tmp/…/home.html".
            name = message.get("url", "").rpartition("/")[2]
            errors.setdefault(files.get(name, "unknown"), []).append(message)
    return errors


LIGHTHOUSE_ATTEMPTS = 3


def lighthouse(url, output, env, categories=CATEGORIES, dark=False):
    """Lighthouse's JSON report for one URL; `dark` asks for prefers-color-scheme: dark."""
    flags = CHROME_FLAGS + (" --force-dark-mode" if dark else "")
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={flags}",
    ]
    # Lighthouse now and then fails to record the page load's trace (NO_NAVSTART) on a
    # busy machine; that is its own hiccup, not a finding: try again, then give up.
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        if subprocess.run(command, env=env).returncode == 0:
            return json.loads(output.read_text())
        print(f"  (Lighthouse failed on {url}, attempt {attempt} of {LIGHTHOUSE_ATTEMPTS})")
    raise SystemExit(f"Lighthouse could not audit {url}.")


def score(report, category):
    value = report["categories"][category]["score"]
    return None if value is None else round(value * 100)


def lighthouse_table(base, folder, chromium, unmet, audited=None):
    """Print page x category scores (and dark-mode accessibility); note unmet bars."""
    env = dict(os.environ, CHROME_PATH=chromium)
    audited = audited or {
        "home": "/",
        "models": "/models/",
        "model": f"/models/{MODEL}/",
        "route": ROUTE,
        "pair": PAIR,
        "benchmark": f"/benchmarks/{BENCHMARK}/",
        "family": f"/families/{FAMILY}/",
        "retiring": "/retiring/",
        "cost": "/cost/",
    }
    columns = (*CATEGORIES, "a11y (dark)")
    print()
    print(
        "Lighthouse (0-100; bars: SEO 100, accessibility 95 in light and dark, best practices 95)"
    )
    print(f"  {'page':<8}" + "".join(f"{name:>16}" for name in columns))
    notes = []
    for label, path in audited.items():
        report = lighthouse(base + path, folder / f"lighthouse-{label}.json", env)
        dark = lighthouse(
            base + path,
            folder / f"lighthouse-{label}-dark.json",
            env,
            categories=("accessibility",),
            dark=True,
        )
        scores = {name: score(report, name) for name in CATEGORIES}
        scores["a11y (dark)"] = score(dark, "accessibility")
        row = "".join(f"{'-' if s is None else s:>16}" for s in scores.values())
        print(f"  {label:<8}{row}", flush=True)
        checks = [(name, bar, report) for name, bar in BARS.items()]
        checks.append(("a11y (dark)", BARS["accessibility"], dark))
        for name, bar, source in checks:
            if scores[name] is None or scores[name] < bar:
                unmet.append(f"{label} {name} {scores[name]} (the bar is {bar})")
                notes.append(f"  {label}, {name} {scores[name]}:")
                category = "accessibility" if source is dark else name
                notes.extend(failing_audits(source, category))
    if notes:
        print()
        print("Failing audits")
        print("\n".join(notes))


def failing_audits(report, category):
    """Title and a few details of each failing audit that counts in the category."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) == 0 or audit.get("score") is None or audit["score"] >= 1:
            continue
        lines.append(f"    - {audit['title']} ({ref['id']}, score {audit['score']})")
        items = (audit.get("details") or {}).get("items")
        for item in items[:4] if isinstance(items, list) else ():
            node = item.get("node") or {}
            where = node.get("snippet") or item.get("source") or item.get("url") or ""
            text = item.get("description") or node.get("explanation") or ""
            lines.append(f"        {where} {text}".rstrip()[:300])
    return lines


def demo_targets(provider):
    """The demo's page of every type, with the status each must answer."""
    return {
        "home": ("/", 200),
        "models": ("/models/", 200),
        "models filtered": ("/models/?capability=vision", 200),
        "models bad filter": ("/models/?capability=telepathy&min_context=lots", 400),
        "model": (f"/models/{MODEL}/", 200),
        "model, priced": ("/models/gpt-5/", 200),  # its price-history chart drawn
        "route": (ROUTE, 200),
        "providers": ("/providers/", 200),
        "provider": (f"/providers/{provider}/", 200),
        "compare": ("/compare/", 200),
        "compare bad input": ("/compare/?a=no+such+model&b=", 400),
        "pair": (PAIR, 200),
        "pair bad traffic": (f"{PAIR}?requests=lots&input_tokens=-1&output_tokens=", 400),
        "lineup": (LINEUP, 200),
        "lineup bad input": (f"{LINEUP},no-such-model&add=zzz&requests=lots", 400),
        "cost": ("/cost/", 200),
        "cost filtered": ("/cost/?capability=vision&benchmark=swe-bench-verified&order=score", 200),
        "cost bad input": ("/cost/?requests=lots&cached=150&maker=nobody", 400),
        "families": ("/families/", 200),
        "family": (f"/families/{FAMILY}/", 200),
        "retiring": ("/retiring/", 200),
        "benchmarks": ("/benchmarks/", 200),
        "benchmark": (f"/benchmarks/{BENCHMARK}/", 200),
        "open data": ("/data/", 200),
        "not found": ("/models/no-such-model/", 404),
    }


def main():
    args = parse_arguments()
    missing = [str(p) for p in (VNU_JAR, GUNICORN) if not p.exists()]
    if not args.skip_lighthouse and not LIGHTHOUSE.exists():
        missing.append(str(LIGHTHOUSE))
    if missing:
        sys.exit(f"Missing {', '.join(missing)}: run `make install` and `npm ci` first.")
    chromium = (
        os.environ.get("CHROME_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not args.skip_lighthouse and not chromium:
        sys.exit("Lighthouse needs Chromium: apt-get install chromium")

    folder = Path(tempfile.mkdtemp(prefix="llm-reference-audit-"))
    env = production_environment(folder)
    os.environ.update(env)
    sys.path.insert(0, str(PROJECT))
    if args.real_catalog:
        build_real_catalog()
    else:
        provider = build_site()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server, log = start_server(env, port, folder)
    unmet = []
    try:
        targets = {label: (path, 200) for label, path in REAL_PAGES.items()}
        targets["lineup"] = (REAL_LINEUP, 200)
        if not args.real_catalog:
            targets = demo_targets(provider)
        pages = {}
        for label, (path, expected) in targets.items():
            status, body = fetch(base + path)
            if status != expected:
                unmet.append(f"{label} {path} answered {status}, not {expected}")
            pages[label] = (path, body)
        if not args.real_catalog:
            pages["server error"] = ("(500 handler)", server_error_page())

        print(f"Nu Html Checker, errors only ({base})")
        errors = validate(pages, folder)
        for label, (path, _) in pages.items():
            print(f"  {len(errors[label]):>3}  {label:<18} {path}")
            for message in errors[label]:
                print(f"         line {message.get('lastLine', '?')}: {message['message']}")
                if message.get("extract"):
                    print(f"           {' '.join(message['extract'].split())[:160]}")
        stray = errors.get("unknown", [])
        total = sum(len(found) for found in errors.values())
        print(f"  {total:>3}  total")
        for message in stray:
            print(f"         {message.get('url', '')}: {message['message']}")
        if total:
            unmet.append(f"{total} Nu Html Checker errors (the bar is 0)")

        if not args.skip_lighthouse:
            audited = REAL_PAGES if args.real_catalog else None
            lighthouse_table(base, folder, chromium, unmet, audited)
    finally:
        stop_server(server, log)
        if args.keep:
            print(f"\nReports, pages and the database are in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    if unmet:
        print("Bars not met:")
        for line in unmet:
            print(f"  - {line}")
        sys.exit(1)
    print("Every bar is met.")


if __name__ == "__main__":
    main()
