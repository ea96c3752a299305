"""The admin's query counts do not grow with the catalog.

Each page an editor uses is fetched on a catalog of 3 models and on one of 300 (with their
routes, capability rows, scores, price history, source identities, proposed changes and
proposed matches): the same number of queries both times. The catalogs are the module's
(built once each, rolled back after its last test): a test here that needs another catalog
belongs in another module (the model search: tests/catalog/test_admin_search.py).
"""

from decimal import Decimal
from types import SimpleNamespace

import lxml.html
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from catalog.models import (
    Benchmark,
    BenchmarkScore,
    LanguageModel,
    Organization,
    Provider,
    Route,
)
from catalog.sync.models import ProposedChange, ProposedMatch, SourceIdentity, SyncRun
from tests.builders import add_models

pytestmark = pytest.mark.django_db


def add_sync_records(models):
    """What a sync leaves about `models`: an identity for each model, route, provider and
    the organization, a proposed change to each of them (one route per model), and a
    proposed match that may be each model. Ordered so that a changelist's first page holds
    records of every kind, whatever the catalog's size (a page queries once per kind)."""
    run = SyncRun.objects.create(source="modelsdev", location="/data/models.dev")
    types = ContentType.objects.get_for_models(LanguageModel, Route, Provider, Organization)
    organization = models[0].organization
    routes = {}
    for route in Route.objects.filter(model__in=models).select_related("model", "provider"):
        routes.setdefault(route.model, route)
    providers = list(Provider.objects.filter(routes__model__in=models).distinct())
    # Changelists list identities by external id, and proposals newest first.
    shared = [organization, *providers]
    per_model = [record for model, route in routes.items() for record in (model, route)]
    SourceIdentity.objects.bulk_create(
        SourceIdentity(
            source="modelsdev",
            external_id=f"{rank}/{position:05d}",
            content_type=types[type(record)],
            object_id=record.pk,
        )
        for rank, records in enumerate([shared, per_model])
        for position, record in enumerate(records)
    )
    facts = {
        LanguageModel: ("context_window", ProposedChange.Kind.SPEC, 4_096),
        Route: ("output_price", ProposedChange.Kind.PRICE, "9.99"),
        Provider: ("website", ProposedChange.Kind.SPEC, "https://example.com/"),
        Organization: ("website", ProposedChange.Kind.SPEC, "https://example.com/"),
    }

    def proposal(record):
        field, kind, theirs = facts[type(record)]
        model = {LanguageModel: record, Route: getattr(record, "model", None)}.get(type(record))
        return ProposedChange(
            content_type=types[type(record)],
            object_id=record.pk,
            field=field,
            kind=kind,
            theirs=theirs,
            source="modelsdev",
            model=model,
            first_seen_run=run,
            last_seen_run=run,
        )

    ProposedChange.objects.bulk_create(proposal(record) for record in [*per_model, *shared])
    ProposedMatch.objects.bulk_create(
        ProposedMatch(
            source="openrouter",
            external_id=f"somewhere/{model.slug}",
            name=model.name,
            reason="a model of that name at another maker",
            candidate=model,
            organization=organization,
            last_seen_run=run,
        )
        for model in models
    )


@pytest.fixture(scope="module", params=[3, 300], ids=["3 models", "300 models"])
def admin_catalog_model(request, django_db_setup, django_db_blocker):
    """A catalog of 3, then of 300 models, with what a sync leaves about them, built once
    for the module's tests of each size (it takes seconds) in a transaction rolled back
    after them, as tests/real_catalog/conftest.py does; each test's own writes roll back
    with the test. The first model's id."""
    with django_db_blocker.unblock(), transaction.atomic():
        models = add_models(request.param, name="Admin", price_history=True)
        add_sync_records(models)
        yield models[0].pk
        transaction.set_rollback(True)


@pytest.fixture
def admin_catalog(admin_catalog_model):
    """The shared catalog's first model, one of its routes, their provider and
    organization: records of this test's own, whatever an earlier test did to its copies."""
    model = LanguageModel.objects.select_related("organization").get(pk=admin_catalog_model)
    route = model.routes.select_related("provider").first()
    return SimpleNamespace(
        model=model, route=route, provider=route.provider, organization=model.organization
    )


def change_url(record):
    return f"/admin/catalog/{record._meta.model_name}/{record.pk}/change/"


def routes_of(model):
    """The routes list filtered to `model`, where its routes are edited."""
    return f"/admin/catalog/route/?model={model.pk}"


AUTOCOMPLETE = "/admin/autocomplete/?app_label=catalog&model_name=route&field_name=model"
# PostgreSQL's model search reads the organizations the term names first.
SEARCH = 1 if connection.vendor == "postgresql" else 0

# Each page an editor uses, and its queries (for an editor, whatever the catalog's size).
# A POST of the routes list of one model (two rows) that changes one row's price, in one
# transaction: the rows read; the changed row validated (its id, model and provider, its
# uniqueness and check constraints) and its version checked, the untouched row not at all;
# its write and history, and the catalog's version with the keys it touched (three
# queries: catalog/changes.py); its pricing kind and its model's
# corroboration refreshed; the change logged. Neither more untouched rows nor a larger
# catalog add to it.
POST_ONE_ROW = 41

PAGES = {
    "model changelist": (lambda c: "/admin/catalog/languagemodel/", 12),
    "model changelist, searched": (
        lambda c: "/admin/catalog/languagemodel/?q=Admin+Model",
        12 + SEARCH,
    ),
    "model change form": (lambda c: change_url(c.model), 14),
    "route changelist": (lambda c: "/admin/catalog/route/", 8),
    # Where a model's routes are edited, as its change form links to it.
    "route changelist of one model": (lambda c: routes_of(c.model), 9),
    "route change form": (lambda c: change_url(c.route), 8),
    "route history": (lambda c: change_url(c.route).replace("/change/", "/history/"), 8),
    "provider change form": (lambda c: change_url(c.provider), 7),
    "organization change form": (lambda c: change_url(c.organization), 7),
    "benchmark score changelist": (lambda c: "/admin/catalog/benchmarkscore/", 8),
    "proposed change changelist": (lambda c: "/admin/catalog/proposedchange/", 12),
    "proposed match changelist": (lambda c: "/admin/catalog/proposedmatch/", 7),
    "source identity changelist": (lambda c: "/admin/catalog/sourceidentity/", 12),
    "model autocomplete": (lambda c: f"{AUTOCOMPLETE}&term=admin", 6 + SEARCH),
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_catalog(
    page, admin_catalog, editor_client, django_assert_num_queries
):
    url, queries = PAGES[page]
    editor_client.get(url(admin_catalog))  # warm: content types are cached after a first use

    with django_assert_num_queries(queries):
        response = editor_client.get(url(admin_catalog))

    assert response.status_code == 200


def inline_rows(response):
    return {
        formset.formset.prefix: len(formset.formset.forms)
        for formset in response.context["inline_admin_formsets"]
    }


def routes_table(response):
    """The model form's read-only routes table: (route change form's URL, provider) a row."""
    document = lxml.html.fromstring(response.content)
    return [
        (row.xpath("./td[1]/a/@href")[0], row.xpath("./td[1]")[0].text_content())
        for row in document.xpath("//table[@class='routes-table']/tbody/tr")
    ]


def test_the_model_change_form_lists_every_row_below_it(editor_client, admin_catalog):
    """The rows whose queries are counted above are there: capabilities and scores as
    inline rows, routes and the ids in the sources as read-only lists."""
    model = admin_catalog.model
    response = editor_client.get(change_url(model))
    content = response.content.decode()

    assert inline_rows(response) == {"capability_support": 10, "scores": 2}
    assert routes_table(response) == [
        (change_url(route), route.provider.name)
        for route in model.routes.order_by("provider__name")
    ]
    assert f'href="{routes_of(model)}"' in content  # "Edit these routes"
    (identity,) = SourceIdentity.objects.filter(
        content_type=ContentType.objects.get_for_model(LanguageModel), object_id=model.pk
    )
    assert f"<li>modelsdev: {identity.external_id}</li>" in content  # the ids in the sources


@pytest.mark.parametrize("admin_catalog_model", [3], indirect=True, ids=["3 models"])
def test_the_model_change_form_does_not_query_per_row(
    admin_catalog, editor_client, make_provider, make_route, django_assert_num_queries
):
    """More routes, scores and identities below the model: still the same queries."""
    model = admin_catalog.model
    model_type = ContentType.objects.get_for_model(LanguageModel)
    for number in range(3):
        make_route(model, make_provider(f"More Cloud {number}"), 1, 2)
        SourceIdentity.objects.create(
            source="openrouter",
            external_id=f"more/{number}",
            content_type=model_type,
            object_id=model.pk,
        )
    benchmark = Benchmark.objects.create(name="More Bench", slug="more-bench")
    BenchmarkScore.objects.create(model=model, benchmark=benchmark, value=50)
    url, queries = PAGES["model change form"]
    editor_client.get(url(admin_catalog))

    with django_assert_num_queries(queries):
        response = editor_client.get(url(admin_catalog))

    assert inline_rows(response)["scores"] == 3
    assert len(routes_table(response)) == 5
    assert response.content.decode().count("<li>openrouter: more/") == 3


# The routes list of one model, where its routes are edited.


def test_the_routes_list_of_one_model_edits_its_routes_only(editor_client, admin_catalog):
    """The rows whose queries are counted above: the model's two routes, editable."""
    model = admin_catalog.model
    response = editor_client.get(routes_of(model))

    assert list(response.context["cl"].result_list) == list(model.routes.all())
    assert [form.instance for form in response.context["cl"].formset.forms] == list(
        model.routes.all()
    )


def test_saving_one_row_of_the_routes_list_saves_that_route_only(
    admin_catalog, editor_client, form_data, django_assert_num_queries
):
    """A POST of the list with one price changed, in as many queries at either size: the
    row is saved (its version moves on), the other row is neither saved nor refused."""
    model = admin_catalog.model
    page = editor_client.get(routes_of(model))
    data = form_data(page, "changelist-form")
    changed, untouched = model.routes.all()
    assert data["form-0-id"] == [str(changed.pk)]
    assert data["form-1-id"] == [str(untouched.pk)]
    data["form-0-output_price"] = ["12.34"]
    data["_save"] = ["Save"]

    with django_assert_num_queries(POST_ONE_ROW):
        response = editor_client.post(routes_of(model), data)

    assert response.status_code == 302
    saved = Route.objects.get(pk=changed.pk)
    assert (saved.output_price, saved.version) == (Decimal("12.34"), changed.version + 1)
    assert Route.objects.get(pk=untouched.pk).updated_at == untouched.updated_at
    assert Route.objects.get(pk=untouched.pk).version == untouched.version
