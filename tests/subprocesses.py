"""The site in a fresh Python: for tests of what settings decide at start-up (read once per
process), each case runs `python` in the project with an environment of its own."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TEST_SECRET_KEY = "a-long-random-test-only-secret-0123456789-abcdefghijklmnopqrstuv"


def site_environment(**variables):
    """This process's environment without the site's own variables, then `variables`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PAGE_CACHE"))}
    env.pop("CACHE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(variables)
    return env


def production_environment(folder, **variables):
    """Debug off with a throwaway secret, a SQLite database and static files in `folder`,
    and no log below CRITICAL; `variables` win."""
    return site_environment(
        **{
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": TEST_SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_LOG_LEVEL": "CRITICAL",
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'site.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(Path(folder) / "static"),
            **variables,
        }
    )


def run_python(args, env, timeout=300):
    """`python <args>` in the project; its completed process, output as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def collect_static(env):
    """collectstatic into the environment's DJANGO_STATIC_ROOT (debug off needs it)."""
    collected = run_python(["manage.py", "collectstatic", "--no-input", "--verbosity", "0"], env)
    assert collected.returncode == 0, collected.stderr
