"""With production settings (debug off), `check --deploy` is clean and every page type
answers with the security headers; the HTTPS redirect cannot be skipped by a client's own
X-Forwarded-Proto.

Settings are read once per process, so each case runs a fresh Python on a throwaway SQLite
database with the demo catalog and the collected static files (in a temporary folder).
"""

import json

import pytest

from tests.subprocesses import collect_static, production_environment, run_python

PAGES = {
    "home": ("/", {}),
    "models list": ("/models/", {}),
    "models list, htmx": ("/models/?sort=price", {"HTTP_HX_REQUEST": "true"}),
    "model page": ("/models/gpt-5-3-codex-spark/", {}),
    "providers": ("/providers/", {}),
    "provider page": ("/providers/openrouter/", {}),
    "pair page": ("/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/", {}),
    "cost fragment": (
        "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/?requests=2000000",
        {"HTTP_HX_REQUEST": "true"},
    ),
    "picker": ("/compare/", {}),
    "autocomplete": ("/compare/autocomplete/?q=gpt", {}),
    "sitemap index": ("/sitemap.xml", {}),
    "pairs sitemap": ("/sitemap-pairs.xml", {}),
    "robots.txt": ("/robots.txt", {}),
    "not found": ("/models/no-such-model/", {}),
    "bad input": ("/models/?min_context=lots", {}),
    "admin login": ("/admin/login/", {}),
}

SERVE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from catalog.demo.loader import load_demo_catalog
call_command("migrate", verbosity=0)
load_demo_catalog()
pages = json.loads(sys.argv[1])
client = Client(HTTP_HOST="llm-reference.example")
answers = {}
for name, (path, headers) in pages.items():
    response = client.get(path, secure=True, **headers)
    answers[name] = {
        "status": response.status_code,
        "headers": dict(response.items()),
        "cookies": {key: dict(morsel) for key, morsel in response.cookies.items()},
    }
plain = client.get("/", HTTP_X_FORWARDED_PROTO="https")
answers["plain http, forged proxy header"] = {
    "status": plain.status_code, "headers": dict(plain.items())
}
print(json.dumps(answers))
"""


def production(folder, **variables):
    return production_environment(folder, DJANGO_ALLOWED_HOSTS="llm-reference.example", **variables)


def run(args, env):
    return run_python(args, env)


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("headers")
    env = production(folder)
    collect_static(env)
    result = run(["-c", SERVE, json.dumps(PAGES)], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_deployment_checklist_is_clean(tmp_path):
    result = run(["manage.py", "check", "--deploy"], production(tmp_path))

    assert result.returncode == 0, result.stderr
    # Silenced, as config/settings.py says why: W021 (HSTS preload: a choice) and axes.W006
    # (lockouts counted per account, not per address, which behind a proxy is the proxy's).
    assert "System check identified no issues (2 silenced)." in result.stdout


@pytest.mark.parametrize("page", PAGES)
def test_every_page_type_carries_the_security_headers(answers, page):
    answer = answers[page]
    headers = answer["headers"]

    assert answer["status"] in (200, 400, 404), answer["status"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    for cookie in answer["cookies"].values():
        assert cookie["secure"] is True
        assert cookie["samesite"] == "Lax"
    if page == "admin login":
        assert answer["cookies"]["csrftoken"]
        assert "no-store" in headers["Cache-Control"]
        assert "private" in headers["Cache-Control"]
    elif answer["status"] == 200:
        assert headers["Cache-Control"].startswith("public, max-age=60")


def test_a_client_cannot_skip_the_https_redirect_with_its_own_proxy_header(answers):
    answer = answers["plain http, forged proxy header"]

    assert answer["status"] == 301
    assert answer["headers"]["Location"] == "https://llm-reference.example/"


def test_a_bad_host_is_one_line_in_the_log_not_a_traceback(tmp_path):
    script = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client(HTTP_HOST='attacker.example').get('/').status_code)"
    )
    result = run(["-c", script], production(tmp_path, DJANGO_LOG_LEVEL="INFO"))

    assert result.stdout.split() == ["400"]
    log = [line for line in result.stderr.splitlines() if "attacker.example" in line]
    assert log == [
        "Invalid HTTP_HOST header: 'attacker.example'. You may need to add "
        "'attacker.example' to ALLOWED_HOSTS."
    ]
    assert "Traceback" not in result.stderr
