"""Shared fixtures: users of each kind, and small catalog factories."""

from decimal import Decimal

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.test import Client

from catalog.editors import EDITORS_GROUP
from catalog.models import (
    Capability,
    LanguageModel,
    ModelCapability,
    Organization,
    Provider,
    Route,
)
from catalog.slugs import slug_from_name


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


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The production hasher takes seconds per password on a busy machine; tests need none."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_catalog(make_organization, make_provider, make_model, make_route):
    """The three reference models of SITE.md §6 with their routes and stated capabilities
    (every capability not listed is a sourced "no"): a small catalog for pair-page tests."""
    from types import SimpleNamespace

    from catalog.models import DecisionTag

    openai = make_organization("OpenAI")
    providers = {
        name: make_provider(name, kind=kind)
        for name, kind in [
            ("OpenAI API", Provider.Kind.FIRST_PARTY),
            ("OpenRouter", Provider.Kind.AGGREGATOR),
            ("Alibaba Cloud PAI-EAS", Provider.Kind.CLOUD),
            ("Novita AI", Provider.Kind.INFERENCE_HOST),
        ]
    }
    tags = {tag.name: tag for tag in DecisionTag.objects.all()}

    def model(name, organization, yes, tag_names, routes, **fields):
        created = make_model(name, organization=organization, capabilities=yes, **fields)
        ModelCapability.objects.bulk_create(
            ModelCapability(
                model=created, capability=capability, support=ModelCapability.Support.NO
            )
            for capability in Capability.objects.exclude(slug__in=yes)
        )
        created.decision_tags.set([tags[tag] for tag in tag_names])
        for provider, input_price, output_price in routes:
            make_route(created, providers[provider], input_price, output_price)
        return created

    spark = model(
        "GPT-5.3-Codex-Spark",
        openai,
        ["function-calling", "tool-use", "structured-outputs", "code-execution"],
        ["Coding", "RAG", "Agents"],
        [("OpenAI API", None, None)],
        released_on="2026-02-12",
        product_type=LanguageModel.ProductType.CODING,
        best_for="custom coding agents, code generation, and tool loops",
        context_window=131_072,
        license_name="Proprietary",
    )
    qwen = model(
        "Qwen3.5-122B-A10B",
        make_organization("Alibaba (Qwen)"),
        ["vision", "multimodal", "reasoning", "function-calling", "tool-use", "structured-outputs"],
        ["Coding", "RAG", "Agents"],
        [
            ("OpenRouter", "0.26", "2.08"),
            ("Alibaba Cloud PAI-EAS", None, None),
            ("Novita AI", None, None),
        ],
        released_on="2026-02-24",
        best_for="reasoning-heavy apps, multimodal apps, and tool-calling agents",
        context_window=262_144,
        parameters_total=122_000_000_000,
        parameters_active=10_000_000_000,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=LanguageModel.Openness.OPEN_SOURCE,
    )
    ling = model(
        "Ling-2.6-1T",
        make_organization("inclusionAI (Ant Group)"),
        ["reasoning", "function-calling", "tool-use", "structured-outputs"],
        ["RAG", "Agents", "Long context"],
        [("OpenRouter", "0.07", "0.63"), ("Novita AI", None, None)],
        released_on="2026-04-23",
        context_window=262_144,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=LanguageModel.Openness.OPEN_SOURCE,
    )
    return SimpleNamespace(spark=spark, qwen=qwen, ling=ling, providers=providers)


@pytest.fixture
def grow_catalog(make_organization, make_provider, make_model, make_route):
    """`grow_catalog(60)`: that many more published models, each with three capabilities, a
    tag, a benchmark score and two priced routes, one re-priced (so it has price history):
    a larger catalog for query counts that must not grow with it."""
    from datetime import date, timedelta

    from catalog.models import Benchmark, BenchmarkScore, DecisionTag

    def grow(count, prefix="Scale"):
        organization = make_organization(f"{prefix} Labs")
        providers = [make_provider(f"{prefix} Cloud {number}") for number in (1, 2)]
        benchmark = Benchmark.objects.create(name=f"{prefix} Bench", slug=f"{prefix.lower()}-bench")
        tag = DecisionTag.objects.order_by("position").first()
        models = []
        for index in range(count):
            model = make_model(
                f"{prefix} Model {index:03}",
                organization=organization,
                capabilities=["vision", "reasoning", "tool-use"],
                released_on=date(2025, 1, 1) + timedelta(days=index),
                context_window=32_000 * (1 + index % 8),
            )
            model.decision_tags.add(tag)
            for provider in providers:
                route = make_route(model, provider, "1.00", str(2 + index % 5))
            route.output_price = Decimal("1.50")
            route.save()
            BenchmarkScore.objects.create(
                model=model,
                benchmark=benchmark,
                value=Decimal("50.5"),
                measured_on=date(2026, 1, 1),
            )
            models.append(model)
        return models

    return grow


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
