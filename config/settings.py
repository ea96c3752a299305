"""Settings for LLM Reference: one module, read from the environment.

With no environment at all the site runs for development (SQLite in the project
folder, debug on only when DJANGO_DEBUG says so, a throwaway secret). With debug
off, a missing DJANGO_SECRET_KEY or DJANGO_ALLOWED_HOSTS stops start-up.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from psycopg_pool import ConnectionPool

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env")  # optional; the environment itself wins

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# The site's name, wherever a page, a title or the admin says it.
SITE_NAME = "LLM Reference"


def required_in_production(name, development_default):
    """A variable production cannot do without: named in the error when it is missing."""
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return development_default
    raise ImproperlyConfigured(
        f"{name} is not set. It is required when DJANGO_DEBUG is off; "
        f"set it in the environment, or set DJANGO_DEBUG=1 for development."
    )


SECRET_KEY = required_in_production(
    "DJANGO_SECRET_KEY", "django-insecure-development-only-key-never-used-in-production"
)
ALLOWED_HOSTS = [
    host.strip()
    for host in required_in_production("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(
        ","
    )
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # the admin model search's GIN index (PostgreSQL only)
    "django_htmx",
    "django_http_compression",
    "simple_history",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "catalog",
    "comparisons",
    "config.apps.SiteConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public reads from the read replica, when there is one (config/replica.py).
    "config.replica.ReplicaReadsMiddleware",
    # Answers 304 when a page's Last-Modified (or ETag) matches; above every middleware
    # that may still change the response, as Django's docs ask.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for anonymous readers (config/page_cache.py): above the compression, so
    # that a page is stored compressed, and above everything a stored page can skip.
    "config.page_cache.PageCacheMiddleware",
    # gzip, Brotli or Zstandard, as the client accepts (django-http-compression).
    "django_http_compression.middleware.HttpCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its page.
    "axes.middleware.AxesMiddleware",
]

# Failed logins are counted per account (django-axes): after AXES_FAILURE_LIMIT in a row,
# the account cannot log in for AXES_COOLOFF_TIME, whatever the password, and the login
# answers 429 with a page that says when to try again. Counted per account, not per
# address: behind a proxy every address is the proxy's.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "catalog.admin.lockout.locked_out"
AXES_VERBOSE = False
# django-axes warns (W006) when the address is not among the lockout parameters; it is
# left out on purpose (above), and counting per account is not bypassed by new cookies.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# Django's renderer, with inputs and selects written out in Python (config/form_renderer.py).
FORM_RENDERER = "config.form_renderer.FormRenderer"

# The public pages are Jinja2 templates (templates/jinja2/, config/jinja2.py); the admin,
# forms' widgets, sitemaps and feeds are Django's. Jinja2 comes first: a name it does not
# have (admin/…) falls through to Django's engine.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "config.jinja2.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging: pages keep reading while the task worker holds a catalog sync's
    # long write transaction (in SQLite's default journal mode they fail "database is
    # locked" once it spills to disk).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    # Every transaction takes the write lock when it begins (BEGIN IMMEDIATE): a stale-save
    # check then reads what no other writer can change before it writes, as the row lock
    # of SELECT … FOR UPDATE makes sure on PostgreSQL; a busy database waits, up to 5 s.
    DATABASES["default"]["OPTIONS"].update({"transaction_mode": "IMMEDIATE", "timeout": 5})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's connection pool; persistent connections and the pool exclude each other.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A database that is down must cost a request a second, not a worker: a wait for a
    # connection from the pool is given up after DATABASE_POOL_TIMEOUT seconds (the pool
    # connects in the background, each attempt given up after DATABASE_CONNECT_TIMEOUT),
    # well under gunicorn's own 30 s; the reader gets the 503 page (catalog/views.py),
    # or a stored copy of the page, and /healthz says what is down.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["connect_timeout"] = env.int("DATABASE_CONNECT_TIMEOUT", default=2)
    # No JIT compilation: it pays off for long analytic queries, not a page's. /cost/'s one
    # grouped query over every route took 226 ms with it (92 ms of them compiling) and 79 ms
    # without, at 10,041 models (benchmarks/cost_page.py).
    options["options"] = "-c jit=off"
    if env.bool("DATABASE_POOL", default=True):
        options["pool"] = {
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=0.4),
            # A connection is checked as it leaves the pool (one round trip): one the
            # database dropped (a restart) is replaced at once, not handed to a request.
            "check": ConnectionPool.check_connection,
        }
    else:
        options["pool"] = False
    # A second connection to the same database, for a catalog sync's progress: written while
    # the run's own transaction is open, so the admin sees it move (catalog/sync/tasks.py).
    # One plain connection per worker, no pool; in tests, a mirror of default.
    DATABASES["progress"] = {
        **DATABASES["default"],
        "OPTIONS": {**DATABASES["default"]["OPTIONS"], "pool": False},
        "TEST": {"MIRROR": "default"},
    }

# An optional read replica of the primary (PostgreSQL streaming replication, say): public
# pages read from it, the admin, the sync and every write use the primary (config/replica.py).
# In tests it mirrors the primary, as Django's test runner does for a replica.
if replica_url := env.str("DATABASE_REPLICA_URL", default=""):
    replica = env.db_url_config(replica_url)
    DATABASES["replica"] = {
        **replica,
        # Connected as the primary is (the pool, health checks), its own options first.
        "OPTIONS": {**DATABASES["default"].get("OPTIONS", {}), **replica.get("OPTIONS", {})},
        "CONN_MAX_AGE": DATABASES["default"].get("CONN_MAX_AGE", 0),
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["config.replica.ReplicaRouter"]

# Background tasks (Django's django.tasks API): stored in the database by django-tasks-db
# and run by its worker, `python manage.py db_worker` (`make run` starts one). Tests switch
# to Django's ImmediateBackend through the `settings` fixture.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Where the admin's "Catalog sync" page reads each source from: a path or a URL, one
# variable per source. A source left unset is not offered there (sync_catalog still reads
# any path or URL it is given).
CATALOG_SYNC_SOURCES = {
    source: location
    for source, variable in [
        ("modelsdev", "CATALOG_SYNC_MODELSDEV"),
        ("openrouter", "CATALOG_SYNC_OPENROUTER"),
        ("genai-prices", "CATALOG_SYNC_GENAI_PRICES"),
        ("aider", "CATALOG_SYNC_AIDER"),
    ]
    if (location := env.str(variable, default=""))
}

# Whether a model page no editor has reviewed may be indexed by search engines when two
# independent sources state its facts alike (catalog/indexing.py). False: reviewed only.
CATALOG_INDEX_CORROBORATED = env.bool("CATALOG_INDEX_CORROBORATED", default=True)

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # django-redis: one client per process, where Django's own backend builds a client
    # for every call (most of a cached page's time). A server that is down or slow costs
    # a quarter of a second at most, never the page (config/page_cache.py reads through
    # its errors).
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    )
elif CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    # One process's memory: room for a few thousand pages (each a few KB compressed).
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 5_000)

# The whole-page cache for anonymous readers (config/page_cache.py): on unless debugging
# (a template being edited must show at once). PAGE_CACHE_RELEASE names the deployed code
# in every key, so that a new release never serves pages the old one rendered: set it to
# the release's commit or version. MAX_AGE and STALE_WHILE_REVALIDATE are what public
# pages tell browsers and CDNs (seconds); an editor's change reaches the readers of a CDN
# within their sum at most.
PAGE_CACHE = env.bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_TIMEOUT = 24 * 60 * 60
PAGE_CACHE_RELEASE = env.str("PAGE_CACHE_RELEASE", default="")
# Where the page cache reads the key versions (config/key_versions.py): "database" (one
# query per page served: right anywhere, a read replica included, whose versions lag as
# its data does), or "file", a copy in a file mapped into every process's memory (no
# query): right only where every writer runs on this machine, as SQLite's do (the
# default there). PAGE_CACHE_RESYNC_SECONDS bounds how long a write that missed the file
# (its writer died between its commit and its copy) can go unseen.
ONE_MACHINE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
PAGE_CACHE_KEY_VERSIONS = env.str(
    "PAGE_CACHE_KEY_VERSIONS",
    default="file" if ONE_MACHINE and "replica" not in DATABASES else "database",
)
if PAGE_CACHE_KEY_VERSIONS not in ("database", "file"):
    raise ImproperlyConfigured('PAGE_CACHE_KEY_VERSIONS must be "database" or "file".')
if PAGE_CACHE_KEY_VERSIONS == "file" and "replica" in DATABASES:
    # The file hears the primary's commits, while pages would read a replica that lags.
    raise ImproperlyConfigured('PAGE_CACHE_KEY_VERSIONS="file" cannot serve from a read replica.')
PAGE_CACHE_KEY_VERSIONS_FILE = env.str("PAGE_CACHE_KEY_VERSIONS_FILE", default="")
PAGE_CACHE_RESYNC_SECONDS = env.float("PAGE_CACHE_RESYNC_SECONDS", default=5.0)
# Where the cache is shared by every process (Redis) and pages are read from the primary,
# each process hears the key versions from Redis instead (config/version_feed.py), and
# catches up with the database every this many seconds; 0: no feed.
CATALOG_VERSION_CACHE_SECONDS = env.int(
    "CATALOG_VERSION_CACHE_SECONDS",
    default=10
    if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    and "replica" not in DATABASES
    else 0,
)
# A CDN in front (config/cdn.py): "" (none), "fastly" or "cloudflare". Each commit's keys are
# purged there through its API (PAGE_CACHE_CDN_API, its real one unless a test's), with
# the credentials below; so shared caches may then keep a page PAGE_CACHE_CDN_S_MAXAGE
# seconds (a day), while browsers, which nobody can purge, keep PAGE_CACHE_MAX_AGE.
PAGE_CACHE_CDN = env.str("PAGE_CACHE_CDN", default="")
CDN_CREDENTIALS = {
    "": (),
    "fastly": ("FASTLY_API_TOKEN", "FASTLY_SERVICE_ID"),
    "cloudflare": ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID"),
}
if PAGE_CACHE_CDN not in CDN_CREDENTIALS:
    raise ImproperlyConfigured('PAGE_CACHE_CDN must be "", "fastly" or "cloudflare".')
FASTLY_API_TOKEN = env.str("FASTLY_API_TOKEN", default="")
FASTLY_SERVICE_ID = env.str("FASTLY_SERVICE_ID", default="")
CLOUDFLARE_API_TOKEN = env.str("CLOUDFLARE_API_TOKEN", default="")
CLOUDFLARE_ZONE_ID = env.str("CLOUDFLARE_ZONE_ID", default="")
if missing := [name for name in CDN_CREDENTIALS[PAGE_CACHE_CDN] if not globals()[name]]:
    raise ImproperlyConfigured(f"PAGE_CACHE_CDN={PAGE_CACHE_CDN} needs {', '.join(missing)}.")
PAGE_CACHE_CDN_API = env.str(
    "PAGE_CACHE_CDN_API",
    default={"fastly": "https://api.fastly.com", "cloudflare": "https://api.cloudflare.com"}.get(
        PAGE_CACHE_CDN, ""
    ),
)
PAGE_CACHE_CDN_RETRY_SECONDS = (1, 5, 30)
PAGE_CACHE_CDN_S_MAXAGE = env.int("PAGE_CACHE_CDN_S_MAXAGE", default=24 * 60 * 60)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.int("PAGE_CACHE_STALE_WHILE_REVALIDATE", default=240)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Content Security Policy (Django's own): no inline scripts or styles anywhere public.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
}

# Headers every answer carries (SecurityMiddleware's, with Django's defaults written out),
# and the browser features no page uses (django-permissions-policy).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
# Only editors have sessions: one ends when the browser closes, or after a working day.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60

# Two-factor login for the admin (django-otp, TOTP): with DJANGO_ADMIN_REQUIRE_OTP on, the
# admin asks every account for the code of an authenticator app besides its password, and
# an account without a confirmed TOTP device cannot enter (config/urls.py).
ADMIN_REQUIRE_OTP = env.bool("DJANGO_ADMIN_REQUIRE_OTP", default=False)
OTP_TOTP_ISSUER = SITE_NAME

# Where the admin lives (DJANGO_ADMIN_URL, e.g. "curate-7f3a/"): not named in robots.txt,
# so a path of one's own keeps it out of the scanners' first guesses.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # HTTP Strict Transport Security: a year, subdomains included. Preloading (a browser
    # list that is slow to leave) is the operator's choice: DJANGO_HSTS_PRELOAD=1.
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # check --deploy's W021 only says "not preloaded": that is the choice made above.
        SILENCED_SYSTEM_CHECKS.append("security.W021")
    # Whether a request came over HTTPS is gunicorn's to say (wsgi.url_scheme), from the
    # X-Forwarded-Proto of the proxies it trusts (--forwarded-allow-ips, 127.0.0.1 by
    # default): Django trusts the header itself only when told that no client can reach
    # it but through the proxy, which then always sets it.
    if env.bool("DJANGO_TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "config.logging.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # A request for a host the site does not serve: anyone can send one, so one line
        # each (which host), not a traceback at ERROR.
        "django.security.DisallowedHost": {
            "handlers": ["one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
SIMPLE_HISTORY_REVERT_DISABLED = True  # reverting would bypass the stale-save guard
