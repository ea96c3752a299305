"""The editors' admin: who may do what, and a smoke test of every catalog ModelAdmin.

The smoke tests walk `admin.site`'s registry, so a ModelAdmin added later is tested too,
and an option that names a missing field or lookup fails here rather than in front of
an editor.
"""

from decimal import Decimal

import lxml.html
import pytest
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from catalog.admin import ModelFilter
from catalog.editors import EDITORS_GROUP
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.similar import refresh_similar_models
from catalog.sync.models import (
    ProposedChange,
    ProposedMatch,
    SkippedInput,
    SourceIdentity,
    SyncRun,
)

pytestmark = pytest.mark.django_db

CATALOG_ADMINS = sorted(
    (
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "catalog"
    ),
    key=lambda pair: pair[0]._meta.model_name,
)
CATALOG_ADMIN_IDS = [model._meta.model_name for model, _ in CATALOG_ADMINS]
CURATED_MODELS = [
    Organization,
    ModelFamily,
    Provider,
    LanguageModel,
    Route,
    Benchmark,
    BenchmarkScore,
]

# A word each changelist's search must find in the sample catalog below.
SEARCH_TERMS = {
    "organization": "Alibaba",
    "modelfamily": "Qwen3.5",
    "provider": "Router",
    "languagemodel": "Qwen3.5",
    "route": "Router",
    "benchmark": "SWE",
    "benchmarkscore": "Qwen3.5",
    "decisiontag": "Coding",
    "capability": "Vision",
    "syncrun": "models.dev",
    "proposedchange": "Qwen3.5",
    "sourceidentity": "qwen3.5",
    "proposedmatch": "Qwen",
}


@pytest.fixture
def catalog(make_organization, make_provider, make_model, make_route):
    """One record of every catalog model, related the way the admin shows them."""
    organization = make_organization("Alibaba (Qwen)")
    provider = make_provider("OpenRouter")
    # A second of each, so that every related filter has a choice that excludes the first.
    openai = make_organization("OpenAI")
    other_model = make_model(
        "GPT-5.3-Codex-Spark",
        organization=openai,
        family=ModelFamily.objects.create(name="GPT-5", slug="gpt-5", organization=openai),
    )
    make_route(other_model, make_provider("Novita AI", kind=Provider.Kind.INFERENCE_HOST))
    other_benchmark = Benchmark.objects.create(name="Terminal-Bench", slug="terminal-bench")
    BenchmarkScore.objects.create(model=other_model, benchmark=other_benchmark, value=58)
    family = ModelFamily.objects.create(name="Qwen3.5", slug="qwen3-5", organization=organization)
    model = make_model(
        "Qwen3.5-122B-A10B",
        organization=organization,
        family=family,
        capabilities=["vision", "reasoning"],
        released_on="2026-02-24",
        openness=LanguageModel.Openness.OPEN_SOURCE,
    )
    model.decision_tags.set(DecisionTag.objects.filter(name__in=["Coding", "RAG"]))
    benchmark = Benchmark.objects.create(
        name="SWE-bench Verified", slug="swe-bench-verified", category="Coding"
    )
    route = make_route(model, provider, 0.26, 2.08)
    run = SyncRun.objects.create(source="modelsdev", location="/data/models.dev")
    # A proposal about the other organization's model too, for the organization filter.
    ProposedChange.objects.create(
        content_type=ContentType.objects.get_for_model(LanguageModel),
        object_id=other_model.pk,
        field="context_window",
        kind=ProposedChange.Kind.SPEC,
        ours=131072,
        theirs=128000,
        source="modelsdev",
        model=other_model,
    )
    SkippedInput.objects.create(run=run, ref="providers/x/models/y.toml", reason="a dangling link")
    return {
        Organization: organization,
        ModelFamily: family,
        Provider: provider,
        LanguageModel: model,
        Route: route,
        SyncRun: run,
        ProposedChange: ProposedChange.objects.create(
            content_type=ContentType.objects.get_for_model(Route),
            object_id=route.pk,
            field="output_price",
            kind=ProposedChange.Kind.PRICE,
            ours="2.08",
            theirs="2.5",
            change_percent=Decimal("20.19"),
            source="modelsdev",
            model=model,
            first_seen_run=run,
            last_seen_run=run,
        ),
        ProposedMatch: ProposedMatch.objects.create(
            source="modelsdev",
            external_id="abacus/qwen3.5",
            name="Qwen3.5 122B",
            reason="no organization can be told for sure",
            candidate=model,
            last_seen_run=run,
        ),
        SourceIdentity: SourceIdentity.objects.create(
            source="modelsdev",
            external_id="alibaba/qwen3.5-122b-a10b",
            content_type=ContentType.objects.get_for_model(LanguageModel),
            object_id=model.pk,
        ),
        Benchmark: benchmark,
        BenchmarkScore: BenchmarkScore.objects.create(
            model=model, benchmark=benchmark, value=Decimal("72.4")
        ),
        DecisionTag: DecisionTag.objects.get(name="Coding"),
        Capability: Capability.objects.get(slug="vision"),
    }


def admin_url(model, view, obj=None):
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    if view == "changelist":
        return base
    if view == "add":
        return base + "add/"
    return f"{base}{obj.pk}/{view}/"


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


# Permissions.


def test_editor_can_open_and_change_a_route_price(editor_client, form_data, catalog):
    route = catalog[Route]
    url = admin_url(Route, "change", route)
    page = editor_client.get(url)
    data = form_data(page, "route_form")
    data["output_price"] = ["2.50"]

    response = editor_client.post(url, data)

    assert page.status_code == 200
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.output_price == Decimal("2.50")


@pytest.mark.parametrize(
    "url",
    ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/", "/admin/auth/group/add/"],
)
def test_editor_cannot_open_users_or_groups(url, editor_client):
    assert editor_client.get(url).status_code == 403


def test_editor_cannot_open_their_own_user_record(editor, editor_client):
    assert editor_client.get(f"/admin/auth/user/{editor.pk}/change/").status_code == 403


def test_editor_cannot_delete_a_model(editor_client, catalog):
    model = catalog[LanguageModel]
    url = admin_url(LanguageModel, "delete", model)

    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert LanguageModel.objects.filter(pk=model.pk).exists()


def test_editor_has_no_delete_action(editor_client, catalog):
    response = editor_client.get(admin_url(LanguageModel, "changelist"))

    assert "delete_selected" not in response.content.decode()
    assert editor_client.post(
        admin_url(LanguageModel, "changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [catalog[LanguageModel].pk],
            "post": "yes",
        },
    ).status_code in (200, 302)
    assert LanguageModel.objects.filter(pk=catalog[LanguageModel].pk).exists()


@pytest.mark.parametrize("url", ["/admin/", "/admin/catalog/languagemodel/"])
def test_anonymous_user_is_sent_to_the_login_page(url, client):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


def test_anonymous_user_is_sent_to_the_login_page_from_a_change_page(client, catalog):
    url = admin_url(Route, "change", catalog[Route])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


def test_anonymous_post_changes_nothing(client, catalog):
    route = catalog[Route]

    client.post(admin_url(Route, "change", route), {"output_price": "0"})

    route.refresh_from_db()
    assert route.output_price == Decimal("2.08")


def test_editors_group_may_add_change_and_view_curated_models_but_not_delete():
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))

    for model in CURATED_MODELS:
        name = model._meta.model_name
        # Editors also merge two records of one model (a sync may bring one in twice).
        extra = {"merge_languagemodel"} if model is LanguageModel else set()
        assert {codename for app, codename in granted if codename.endswith(f"_{name}")} == {
            f"add_{name}",
            f"change_{name}",
            f"view_{name}",
            *extra,
        }, name
    # Capability support rows are removed from the model page's inline, and a wrong source
    # identity is deleted to split a record from a sync's entry: the only deletes.
    catalog_deletes = {
        codename for app, codename in granted if app == "catalog" and codename.startswith("delete_")
    }
    assert catalog_deletes == {"delete_modelcapability", "delete_sourceidentity"}


def test_editors_group_has_nothing_on_users_groups_or_sessions():
    group = Group.objects.get(name=EDITORS_GROUP)
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))

    assert "catalog" in apps
    assert not apps & {"auth", "admin", "contenttypes", "sessions"}


def test_editor_is_staff_but_not_superuser(editor):
    assert editor.is_staff
    assert not editor.is_superuser
    assert not editor.has_perm("auth.change_user")
    assert editor.has_perm("catalog.change_route")


# Smoke test of every catalog ModelAdmin, for an editor and for a superuser.


def test_every_catalog_model_is_in_the_smoke_test():
    assert set(CATALOG_ADMIN_IDS) == set(SEARCH_TERMS)


@pytest.fixture(params=["editor", "superuser"])
def staff_client(request):
    """The editor's client, then pytest-django's `admin_client` (a superuser); `.user` says who."""
    if request.param == "editor":
        staff_client = request.getfixturevalue("editor_client")
        staff_client.user = request.getfixturevalue("editor")
    else:
        staff_client = request.getfixturevalue("admin_client")
        staff_client.user = request.getfixturevalue("admin_user")
    return staff_client


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_changelist_answers(model, model_admin, staff_client, catalog):
    response = staff_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert catalog[model] in response.context["cl"].result_list


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_add_page_answers_where_adding_is_allowed(model, model_admin, staff_client, catalog):
    may_add = model_admin.has_add_permission(request_for(staff_client.user))

    response = staff_client.get(admin_url(model, "add"))

    assert response.status_code == (200 if may_add else 403)
    # The fixed capability list, and what only a sync writes (its runs and proposals).
    if model not in (Capability, SyncRun, ProposedChange, ProposedMatch):
        assert may_add


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_change_page_answers(model, model_admin, staff_client, catalog):
    response = staff_client.get(admin_url(model, "change", catalog[model]))

    assert response.status_code == 200
    assert response.context["original"] == catalog[model]


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_changelist_answers_every_filter_choice(model, model_admin, staff_client, catalog):
    """Each choice of each list_filter, as the sidebar links it, answers and filters.

    A bad lookup would answer 302 to ?e=1; a filter that does nothing would show the
    sample record under every choice.
    """
    changelist_url = admin_url(model, "changelist")
    changelist = staff_client.get(changelist_url).context["cl"]
    # The routes' model filter shows only once a model is chosen (tested below).
    listed = [spec for spec in model_admin.list_filter if spec is not ModelFilter]
    assert len(changelist.filter_specs) == len(listed)

    for spec in changelist.filter_specs:
        choices = [c for c in spec.choices(changelist) if not c["selected"]]  # all but "All"
        shown_under = 0
        for choice in choices:
            response = staff_client.get(changelist_url + choice["query_string"])
            assert response.status_code == 200, choice["query_string"]
            shown_under += catalog[model] in response.context["cl"].result_list
        assert 1 <= shown_under < len(choices), spec.title


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_changelist_search_finds_the_record(model, model_admin, staff_client, catalog):
    assert model_admin.search_fields, "every catalog changelist has a search box"

    found = staff_client.get(
        admin_url(model, "changelist"), {"q": SEARCH_TERMS[model._meta.model_name]}
    )
    missing = staff_client.get(admin_url(model, "changelist"), {"q": "no-such-thing-anywhere"})

    assert found.status_code == 200
    assert catalog[model] in found.context["cl"].result_list
    assert missing.status_code == 200
    assert list(missing.context["cl"].result_list) == []


def test_the_routes_list_filters_to_one_model_by_its_id(staff_client, catalog):
    route = catalog[Route]
    other = Route.objects.exclude(model=route.model).get()
    url = admin_url(Route, "changelist")

    response = staff_client.get(url, {"model": route.model_id})

    assert list(response.context["cl"].result_list) == [route]
    (spec,) = [s for s in response.context["cl"].filter_specs if isinstance(s, ModelFilter)]
    chosen = [
        choice["display"] for choice in spec.choices(response.context["cl"]) if choice["selected"]
    ]
    assert chosen == [route.model.name]
    assert other in staff_client.get(url).context["cl"].result_list
    # Not a model's id: Django's answer to a bad filter, the list unfiltered with a note.
    assert staff_client.get(url, {"model": "gpt"}).url.endswith("?e=1")


def test_models_changelist_by_release_year(staff_client, catalog):
    response = staff_client.get(admin_url(LanguageModel, "changelist"), {"released_on__year": 2026})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [catalog[LanguageModel]]


# The fields a changelist search can match words in.
TEXT_FIELDS = {"CharField", "SlugField", "TextField", "URLField"}


@pytest.mark.parametrize(("model", "model_admin"), CATALOG_ADMINS, ids=CATALOG_ADMIN_IDS)
def test_declared_search_fields_are_real(model, model_admin):
    """Django's checks skip search_fields; a misspelled one only fails when someone searches."""
    for search_field in model_admin.search_fields:
        path = search_field.lstrip("^=@")
        # Raises FieldDoesNotExist for a misspelled step; ends at the field searched.
        fields = get_fields_from_path(model, path)
        assert [field.name for field in fields] == path.split("__"), search_field
        assert fields[-1].get_internal_type() in TEXT_FIELDS, search_field


def test_admin_system_checks_pass():
    messages = [
        message
        for message in checks.run_checks(tags=[checks.Tags.admin])
        if message.id and message.id.startswith("admin.")
    ]

    assert messages == []


def test_changelists_do_not_query_per_row(editor_client, make_model, make_provider, make_route):
    """list_select_related covers every column: the query count does not grow with the rows."""
    provider = make_provider()
    make_route(make_model("Model 0"), provider, 1, 2)
    urls = [admin_url(model, "changelist") for model in (LanguageModel, Route, BenchmarkScore)]

    def query_counts():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert editor_client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    with_one_row = query_counts()
    benchmark = Benchmark.objects.create(name="Bench", slug="bench")
    for number in range(1, 6):
        model = make_model(f"Model {number}")
        make_route(model, provider, 1, 2)
        BenchmarkScore.objects.create(model=model, benchmark=benchmark, value=number)

    assert query_counts() == with_one_row


# Autocomplete.


def autocomplete(client, model_name, field_name, term):
    return client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": model_name, "field_name": field_name, "term": term},
    )


def test_autocomplete_finds_models_for_a_route(editor_client, catalog):
    response = autocomplete(editor_client, "route", "model", "qwen")

    assert response.status_code == 200
    assert response.json()["results"] == [
        {"id": str(catalog[LanguageModel].pk), "text": "Qwen3.5-122B-A10B"}
    ]


@pytest.mark.parametrize(
    ("model_name", "field_name", "term", "text"),
    [
        ("route", "provider", "router", "OpenRouter"),
        ("languagemodel", "organization", "alibaba", "Alibaba (Qwen)"),
        ("benchmarkscore", "benchmark", "swe", "SWE-bench Verified"),
        ("benchmarkscore", "model", "qwen", "Qwen3.5-122B-A10B"),
    ],
)
def test_autocomplete_fields_answer(model_name, field_name, term, text, editor_client, catalog):
    response = autocomplete(editor_client, model_name, field_name, term)

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [text]


def test_autocomplete_is_closed_to_anonymous_users(client, catalog):
    assert autocomplete(client, "route", "model", "qwen").status_code in (302, 403)


def test_autocomplete_is_closed_to_staff_without_permission(client, django_user_model, catalog):
    client.force_login(django_user_model.objects.create_user("outsider", is_staff=True))

    assert autocomplete(client, "route", "model", "qwen").status_code == 403


def test_editor_sees_no_permission_they_lack_on_the_model_page(editor_client, catalog):
    """Below a model, and on its routes' list and forms: the editor may delete neither its
    scores nor its routes, so there is no delete box, action or link for them."""
    model = catalog[LanguageModel]
    page = editor_client.get(admin_url(LanguageModel, "change", model))
    formsets = {
        formset.formset.prefix: formset for formset in page.context["inline_admin_formsets"]
    }
    routes = editor_client.get(admin_url(Route, "changelist"), {"model": model.pk})
    actions = [name for name, _ in routes.context["action_form"].fields["action"].choices]
    route_page = editor_client.get(admin_url(Route, "change", catalog[Route]))

    assert set(formsets) == {"capability_support", "scores"}  # routes have their own list
    assert not formsets["scores"].formset.can_delete
    assert formsets["capability_support"].formset.can_delete
    assert "mark_reviewed" in actions
    assert "delete_selected" not in actions
    assert not route_page.context["has_delete_permission"]
    assert f"/admin/catalog/route/{catalog[Route].pk}/delete/" not in route_page.content.decode()


def test_editor_adds_a_route_from_the_model_page(editor_client, form_data, catalog):
    """The model page's "Add a route" link opens the route form with the model filled in."""
    model = catalog[LanguageModel]
    page = lxml.html.fromstring(
        editor_client.get(admin_url(LanguageModel, "change", model)).content
    )
    [add_url] = [link.get("href") for link in page.iter("a") if link.text == "Add a route"]
    add_page = editor_client.get(add_url)
    data = form_data(add_page, "route_form")
    assert add_url == f"{admin_url(Route, 'add')}?model={model.pk}"
    assert data["model"] == [str(model.pk)]
    assert model.name in add_page.content.decode()  # the autocomplete's label
    novita = Provider.objects.get(name="Novita AI")
    data["provider"] = [str(novita.pk)]
    data["input_price"] = ["0.4"]
    data["output_price"] = ["3.2"]

    response = editor_client.post(add_url, data)

    assert response.status_code == 302
    route = Route.objects.get(model=model, provider=novita)
    assert (route.input_price, route.output_price, route.is_active) == (
        Decimal("0.4"),
        Decimal("3.2"),
        True,
    )


@pytest.mark.django_db
def test_model_change_page_previews_its_pair_pages(editor_client, make_model):
    model = make_model("Alpha One", capabilities=["vision"])
    make_model("Beta Two", capabilities=["vision"])
    hidden = make_model("Gamma Three", is_published=False)
    refresh_similar_models()  # as the task worker does after these changes

    response = editor_client.get(f"/admin/catalog/languagemodel/{model.pk}/change/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="/models/alpha-one/"' in content
    assert 'href="/compare/alpha-one-vs-beta-two/"' in content
    assert hidden.slug not in content

    unpublished = editor_client.get(f"/admin/catalog/languagemodel/{hidden.pk}/change/")
    assert "appear once it is published" in unpublished.content.decode()
