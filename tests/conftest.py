"""Shared fixtures: users of each kind, and small catalog factories."""

from datetime import date
from decimal import Decimal

import lxml.html
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connections
from django.test import Client

from catalog.dependencies import forget_memo
from catalog.editors import EDITORS_GROUP
from catalog.models import (
    Capability,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.slugs import slug_from_name
from comparisons.models import TrafficDefaults
from tests.builders import add_models, add_reference_catalog
from tests.sitemaps import CREATED


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "ada", password="not-a-real-password-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_organization(db):
    def make(name="OpenAI", **fields):
        return Organization.objects.create(name=name, slug=slug_from_name(name), **fields)

    return make


@pytest.fixture
def make_provider(db):
    def make(name="OpenRouter", kind=Provider.Kind.AGGREGATOR, **fields):
        return Provider.objects.create(name=name, slug=slug_from_name(name), kind=kind, **fields)

    return make


@pytest.fixture
def make_model(db, make_organization):
    def make(name="Model A", organization=None, capabilities=(), **fields):
        fields.setdefault("product_type", LanguageModel.ProductType.STANDALONE_API)
        fields.setdefault("openness", LanguageModel.Openness.PROPRIETARY)
        fields.setdefault("is_published", True)
        fields.setdefault("context_window", 131_072)
        if organization is None:
            organization = Organization.objects.first() or make_organization()
        model = LanguageModel.objects.create(
            name=name, slug=slug_from_name(name), organization=organization, **fields
        )
        for slug in capabilities:
            ModelCapability.objects.create(
                model=model,
                capability=Capability.objects.get(slug=slug),
                support=ModelCapability.Support.YES,
            )
        return model

    return make


@pytest.fixture
def make_route(db):
    def make(model, provider, input_price=None, output_price=None, **fields):
        return Route.objects.create(
            model=model,
            provider=provider,
            input_price=None if input_price is None else Decimal(str(input_price)),
            output_price=None if output_price is None else Decimal(str(output_price)),
            **fields,
        )

    return make


@pytest.fixture
def retired_cheaper_route(reference_catalog, make_route, make_provider):
    """Qwen at "Old Host" at $0.01 in and out, retired in 2020: cheaper than any of its
    routes (OpenRouter's $2.08 output is the cheapest one serving), and never the cheapest."""
    return make_route(
        reference_catalog.qwen,
        make_provider("Old Host"),
        "0.01",
        "0.01",
        retires_on=date(2020, 1, 1),
    )


@pytest.fixture
def make_editor_client(django_user_model):
    """Another editor, logged in on a client of their own: for two editors at once."""

    def make(username):
        user = django_user_model.objects.create_user(
            username, password="not-a-real-password-1", is_staff=True
        )
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        other_client = Client()
        other_client.force_login(user)
        return other_client

    return make


def browser_form_data(response, form_id):
    """What a browser would submit from the form `form_id` of a rendered page.

    Empty text inputs are sent as "", unticked checkboxes not at all, a multiple select
    as its selected values; buttons are left out (the admin then does a plain "Save").
    """
    form = lxml.html.fromstring(response.content).get_element_by_id(form_id)
    data = {}
    for element in form.inputs:
        name = element.get("name")
        if not name:
            continue
        if element.tag == "input":
            kind = element.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio"):
                if not element.checked:
                    continue
                values = [element.get("value", "on")]
            else:
                values = [element.value or ""]
        elif element.tag == "select":
            values = list(element.value) if element.multiple else [element.value or ""]
        else:
            values = [element.value or ""]
        data.setdefault(name, []).extend(values)
    return data


@pytest.fixture
def form_data():
    """`form_data(response, "route_form")`: the POST data of a rendered form, as sent."""
    return browser_form_data


@pytest.fixture(scope="session", autouse=True)
def close_replica_pool(django_db_setup):
    """A read replica's connection pool (DATABASE_REPLICA_URL, a test mirror) is not closed
    by Django's teardown: close it first, or the test database cannot be dropped."""
    yield
    if "replica" in connections and hasattr(connections["replica"], "close_pool"):
        connections["replica"].close_pool()


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Pages rendered at every request (tests/test_page_cache.py turns the whole-page
    cache on), and no page left cached from an earlier test."""
    settings.PAGE_CACHE = False
    # Where a test turns it on: the key versions read from the database, since a test's
    # writes never commit (the file's copy of them is tested apart, committing).
    settings.PAGE_CACHE_KEY_VERSIONS = "database"
    # The version read from the database: a test's writes never commit, so the cached
    # copy would never be deleted (tests/test_page_cache.py tests that copy apart).
    settings.CATALOG_VERSION_CACHE_SECONDS = 0
    cache.clear()
    forget_memo()  # nor a model's facts kept by an earlier test (config/memo.py)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The production hasher takes seconds per password on a busy machine; tests need none."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_catalog(db):
    """The three reference models of SITE.md §6 with their routes and stated capabilities,
    never reviewed: see `tests.builders.add_reference_catalog`."""
    return add_reference_catalog()


@pytest.fixture
def grow_catalog(db):
    """`grow_catalog(60)`: that many more published models, each with capabilities, tags,
    scores and two routes with price history (see `tests.builders.add_models`): a larger
    catalog for query counts that must not grow with it."""

    def grow(count, name="Scale"):
        return add_models(count, name=name, price_history=True)

    return grow


@pytest.fixture
def sitemap_catalog(make_organization, make_provider, make_model, make_route):
    """The sitemap tests' catalog, built at the frozen instant `tests.sitemaps.CREATED`:
    three published, reviewed models of one family; one published but never reviewed; one
    unpublished.
    OpenRouter serves published models; Idle Cloud only through an inactive route, Lonely
    Host only an unpublished model: neither is listed."""
    with time_machine.travel(CREATED, tick=False):
        TrafficDefaults.load().save()  # pair pages speak of it: its last change counts too
        make_organization("OpenAI", reviewed_at=CREATED)
        # One family: its models' pairs are related, so the sitemap lists them.
        family = ModelFamily.objects.create(name="Letters", slug="letters")
        reviewed = {"reviewed_at": CREATED, "family": family}
        models = {
            name: make_model(name, **fields)
            for name, fields in [
                ("Alpha", reviewed),
                ("Beta", reviewed),
                ("Gamma", reviewed),
                ("Delta", {}),
                ("Hidden", {**reviewed, "is_published": False}),
            ]
        }
        openrouter = make_provider("OpenRouter")
        routes = {
            "alpha": make_route(models["Alpha"], openrouter, 0.26, 2.08),
            "delta": make_route(models["Delta"], openrouter, 1, 2),
        }
        make_route(models["Beta"], make_provider("Idle Cloud"), 1, 2, is_active=False)
        make_route(models["Hidden"], make_provider("Lonely Host"), 1, 2)
    return {"models": models, "routes": routes}


@pytest.fixture
def demo_server(live_server):
    """The live server with the demo catalog loaded."""
    from catalog.demo.loader import load_demo_catalog

    load_demo_catalog()
    return live_server


@pytest.fixture
def browser(demo_server, monkeypatch):
    """Headless Chromium. Playwright runs an event loop in the test's thread, where Django
    refuses database calls; the tests' own ORM calls there are safe (the live server runs
    in its own thread), so they are allowed for the duration of the test."""
    from django.db import connections

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # ORM calls made while Playwright's loop runs get connections of their own
        # (Django keeps them per async context): close them, or they outlive the test
        # database and stop its teardown.
        connections.close_all()


@pytest.fixture
def reader():
    """An anonymous reader (the `client` fixture may be an editor's, logged in)."""
    return Client()


@pytest.fixture
def page_cache(settings):
    """The whole-page cache on (config/page_cache.py), the key versions read from the
    database (see `page_cache_off`)."""
    settings.PAGE_CACHE = True
    return settings
