# LLM Reference — developer commands. `make run` and `make test` are all a newcomer needs.

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000
DJANGO_UPGRADE_ARGS := --target-version 6.1

# The first Python >= 3.12 on this machine (Django 6.1 needs it): pyenv's, then the PATH's.
FIND_PYTHON := for candidate in $$(pyenv which python 2>/dev/null) python3.13 python3.12 python3.14 \
		$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null) python3 python; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    command -v $$candidate; exit 0; fi; \
	done; exit 1

.PHONY: run test test-fast test-slow test-fuzz lint format migrations-check venv install migrate demo editor superuser audit bench clean real-catalog sync

$(PY):
	@python=$$($(FIND_PYTHON)) || { echo "LLM Reference needs Python 3.12 or newer (Django 6.1), and none was found. Install one (pyenv install 3.13) and run make again." >&2; exit 1; }; \
	echo "Creating $(VENV) with $$python ($$($$python --version))"; \
	$$python -m venv $(VENV)

$(VENV)/.installed: $(PY) pyproject.toml
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

venv install: $(VENV)/.installed

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --no-input

demo: migrate
	$(DEV_ENV) $(PY) manage.py load_demo_catalog

## The quick start: a development server with the demo catalog on SQLite, debug on, and the
## task worker beside it (it runs the catalog syncs started in the admin). Stopping the
## server stops the worker: its reloading child first, then the worker itself.
run: demo
	@$(DEV_ENV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'pkill -TERM -P $$worker 2>/dev/null; kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

## The real catalog, for trying a change as an operator gets it: an empty SQLite database
## beside the demo's (real-catalog.sqlite3), the syncs of the public snapshots in
## ../shared/data (DATA=… for others), the similar models' ranking (the task worker's job
## after a sync; none runs here), the catalog's report, then the server on it.
DATA ?= ../shared/data
REAL_DB := $(CURDIR)/real-catalog.sqlite3
REAL_ENV := $(DEV_ENV) DATABASE_URL=sqlite:///$(REAL_DB)
real-catalog: install
	rm -f $(REAL_DB) $(REAL_DB)-wal $(REAL_DB)-shm
	$(REAL_ENV) $(PY) manage.py migrate --no-input
	$(REAL_ENV) $(PY) manage.py sync_catalog modelsdev $(DATA)/models.dev
	$(REAL_ENV) $(PY) manage.py sync_catalog openrouter $(DATA)/models.dev/models.json
	$(REAL_ENV) $(PY) manage.py sync_catalog genai-prices $(DATA)/genai-prices/prices
	$(REAL_ENV) $(PY) manage.py sync_catalog aider $(DATA)/aider
	$(REAL_ENV) $(PY) manage.py refresh_similar
	$(REAL_ENV) $(PY) manage.py catalog_report
	$(REAL_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

## Every configured catalog source (CATALOG_SYNC_*), one run each: for cron (README, "Catalog
## sync"). The environment is the site's own (.env), debug included: none is forced here.
sync: install
	$(PY) manage.py sync_sources

## The test suite (SQLite by default; set DATABASE_URL=postgres://… for PostgreSQL), with
## branch coverage of catalog, comparisons, config and presentation, and the ten slowest
## tests. Spread over the machine's cores (pytest-xdist, at most TEST_WORKERS processes, each
## with its own test database).
TEST_WORKERS ?= 4
PARALLEL := -n auto --maxprocesses=$(TEST_WORKERS)
test: install
	$(DEV_ENV) $(BIN)/pytest $(PARALLEL) -m "not fuzz and not slow" --cov --cov-report=term --durations=10

## Everything but the browser tier (headless Chromium), without coverage: for quick runs.
test-fast: install
	$(DEV_ENV) $(BIN)/pytest $(PARALLEL) -m "not browser and not fuzz and not slow"

## The slow tier (tests over half a minute each; CI runs it on each database): the real
## catalog built from ../shared/data and every assertion about it (its second sync changes
## nothing; 300 of its pair pages agree with their tables), a dump restored into a fresh
## database, a database outage survived.
test-slow: install
	$(DEV_ENV) $(BIN)/pytest -m slow

## 10,000 generated requests to every public URL pattern: none may be a server error.
test-fuzz: install
	$(DEV_ENV) $(BIN)/pytest -m fuzz tests/test_fuzz.py

## What CI checks before the tests: the pre-commit hooks' tools, and makemigrations --check.
lint: install migrations-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(DEV_ENV) $(BIN)/mypy
	$(BIN)/djlint templates --lint --extend-exclude templates/jinja2
	$(BIN)/djlint templates/jinja2 --lint --profile=jinja
	find . -name '*.py' -not -path './.venv/*' -not -path './node_modules/*' -not -path './.git/*' -print0 \
	  | xargs -0 $(BIN)/django-upgrade $(DJANGO_UPGRADE_ARGS) --check

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

## An editor account (staff, in the Editors group): make editor USERNAME=ada
editor: migrate
	@test -n "$(USERNAME)" || { echo "Name the editor: make editor USERNAME=ada" >&2; exit 1; }
	$(DEV_ENV) $(PY) manage.py create_editor $(USERNAME)

## The quality bars (docs in benchmarks/audit.py): the Nu Html Checker on every page type,
## Lighthouse on the home, models, model and pair pages, against gunicorn with debug off.
## Needs Java, Node and Chromium (apt-get install default-jre-headless nodejs npm chromium).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund || npm install --no-audit --no-fund
	@touch $@

## The speed and memory figures (docs at the top of each script).
bench: install
	$(DEV_ENV) $(PY) benchmarks/pair_page.py
	$(PY) benchmarks/sitemap.py

audit: install node_modules/.package-lock.json
	$(PY) benchmarks/audit.py

superuser: migrate
	$(DEV_ENV) $(PY) manage.py createsuperuser

clean:
	rm -rf $(VENV) staticfiles
