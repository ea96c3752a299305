"""Production settings fail fast on a missing secret; development needs no environment.

Each case starts a fresh Python in a subprocess, since settings are read once per process.
"""

import os
from pathlib import Path

import pytest

from tests.subprocesses import run_python

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_VARIABLES = ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS")
PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.CACHES['default']['BACKEND'], "
    "settings.CACHES['default'].get('LOCATION'))"
)


def run(args, **variables):
    """Run `python <args>` in the project with `variables` as the only DJANGO_* settings."""
    env = {name: value for name, value in os.environ.items() if name not in PRODUCTION_VARIABLES}
    # Nor the databases or the cache of the run (CI's PostgreSQL phase exports its URL).
    for name in ("CACHE_URL", "DATABASE_URL", "DATABASE_REPLICA_URL"):
        env.pop(name, None)
    if (PROJECT_ROOT / ".env").exists():
        # settings.py reads a developer's .env for what the environment lacks; an empty
        # value (which settings treat as unset) keeps it from filling the gaps here.
        env.update(dict.fromkeys(PRODUCTION_VARIABLES, ""))
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(variables)
    return run_python(args, env, timeout=120)


@pytest.mark.parametrize("debug", [None, "0", "false"], ids=["unset", "0", "false"])
def test_production_refuses_to_start_without_a_secret_key(debug):
    variables = {"DJANGO_ALLOWED_HOSTS": "llm-reference.example"}
    if debug is not None:
        variables["DJANGO_DEBUG"] = debug

    result = run(["manage.py", "check"], **variables)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run(["manage.py", "check"], DJANGO_SECRET_KEY="a-long-random-production-secret")

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr
    assert "DJANGO_SECRET_KEY" not in result.stderr


def test_production_starts_with_both():
    result = run(
        ["manage.py", "check"],
        DJANGO_SECRET_KEY="a-long-random-production-secret",
        DJANGO_ALLOWED_HOSTS="llm-reference.example",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_have_debug_off():
    result = run(
        ["-c", PRINT_SETTINGS],
        DJANGO_SECRET_KEY="a-long-random-production-secret",
        DJANGO_ALLOWED_HOSTS="llm-reference.example",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "False"


def test_development_needs_no_secret():
    result = run(["-c", PRINT_SETTINGS], DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["True", "django.core.cache.backends.locmem.LocMemCache"]


def test_cache_url_selects_django_redis():
    result = run(["-c", PRINT_SETTINGS], DJANGO_DEBUG="1", CACHE_URL="redis://127.0.0.1:6379/1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django_redis.cache.RedisCache",
        "redis://127.0.0.1:6379/1",
    ]


PRINT_DATABASE = (
    "import django; django.setup(); from django.conf import settings; "
    "database = settings.DATABASES['default']; "
    "pool = database.get('OPTIONS', {}).get('pool'); "
    "print(database['ENGINE'], pool and sorted(pool), database['CONN_MAX_AGE'], "
    "database['OPTIONS'].get('connect_timeout'))"
)


@pytest.mark.parametrize(
    ("pool_variable", "expected"),
    [
        # The pool gives up waiting after a fraction of a second and checks each
        # connection as it leaves it; a connection attempt is given up after 2 s.
        (None, "django.db.backends.postgresql ['check', 'timeout'] 0 2"),
        ("0", "django.db.backends.postgresql False 0 2"),
    ],
)
def test_postgresql_uses_psycopgs_pool_unless_turned_off(pool_variable, expected):
    variables = {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://editor@db.example:5432/llm"}
    if pool_variable is not None:
        variables["DATABASE_POOL"] = pool_variable

    result = run(["-c", PRINT_DATABASE], **variables)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


PRINT_SCALE_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.PAGE_CACHE, settings.CATALOG_VERSION_CACHE_SECONDS, "
    "settings.PAGE_CACHE_KEY_VERSIONS, 'replica' in settings.DATABASES, "
    "settings.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'))"
)
PRODUCTION = {"DJANGO_SECRET_KEY": "not-a-real-secret", "DJANGO_ALLOWED_HOSTS": "example.com"}


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"DJANGO_DEBUG": "1"}, ["False", "0", "file", "False", "None"]),  # rendered at once
        (PRODUCTION, ["True", "0", "file", "False", "None"]),  # SQLite: the versions' file
        (
            {**PRODUCTION, "DATABASE_URL": "postgres://site@db:5432/llm_reference"},
            ["True", "0", "database", "False", "None"],  # writers anywhere: the database
        ),
        (
            {**PRODUCTION, "CACHE_URL": "redis://127.0.0.1:6379/1"},
            ["True", "10", "file", "False", "None"],  # shared: the versions heard from Redis
        ),
        (
            {
                **PRODUCTION,
                "CACHE_URL": "redis://127.0.0.1:6379/1",
                "DATABASE_REPLICA_URL": "postgres://reader@replica:5432/llm_reference",
            },
            ["True", "0", "database", "True", "default"],  # a lagging replica: with its data
        ),
    ],
    ids=["debug", "production", "postgresql", "redis", "redis and a replica"],
)
def test_the_page_cache_and_the_replica_follow_the_environment(variables, expected):
    result = run(["-c", PRINT_SCALE_SETTINGS], **variables)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


def test_the_admin_lives_where_the_environment_says():
    script = (
        "import django; django.setup(); from django.urls import reverse; "
        "from django.conf import settings; "
        "print(reverse('admin:index'), settings.SESSION_EXPIRE_AT_BROWSER_CLOSE, "
        "settings.SESSION_COOKIE_AGE)"
    )
    moved = run(["-c", script], DJANGO_DEBUG="1", DJANGO_ADMIN_URL="/curate-7f3a/")
    default = run(["-c", script], DJANGO_DEBUG="1")

    assert moved.stdout.split() == ["/curate-7f3a/", "True", "28800"]  # a working day
    assert default.stdout.split()[0] == "/admin/"


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"PAGE_CACHE_CDN": "fastly"}, "FASTLY_API_TOKEN, FASTLY_SERVICE_ID"),
        ({"PAGE_CACHE_CDN": "cloudflare", "CLOUDFLARE_API_TOKEN": "t"}, "CLOUDFLARE_ZONE_ID"),
        ({"PAGE_CACHE_CDN": "akamai"}, 'PAGE_CACHE_CDN must be "", "fastly" or "cloudflare"'),
        (
            {
                "PAGE_CACHE_KEY_VERSIONS": "file",
                "DATABASE_REPLICA_URL": "postgres://reader@replica:5432/llm_reference",
            },
            "cannot serve from a read replica",
        ),
    ],
    ids=[
        "fastly without credentials",
        "cloudflare without its zone",
        "unknown cdn",
        "file+replica",
    ],
)
def test_a_page_cache_configured_wrong_refuses_to_start_and_says_why(variables, named):
    result = run(["-c", PRINT_SCALE_SETTINGS], **PRODUCTION, **variables)

    assert result.returncode != 0
    assert named in result.stderr
