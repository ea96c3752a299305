"""The data rules the database enforces itself, and the clear errors forms give for them.

The database tests write through the ORM (`.objects.create` / `.update`), past every
form and validator, so only the constraints stand between bad data and the tables.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from catalog.models import PRICE_FIELDS, Benchmark, LanguageModel, Organization, Provider, Route

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(make_model, make_provider, make_route):
    return make_route(make_model("Qwen3.5-122B-A10B"), make_provider("OpenRouter"), 0.26, 2.08)


def assert_refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


# The database refuses bad data.


@pytest.mark.parametrize("field", PRICE_FIELDS)
def test_database_refuses_a_negative_price_on_create(field, make_model, make_provider):
    model, provider = make_model(), make_provider()

    assert_refused(
        lambda: Route.objects.create(model=model, provider=provider, **{field: Decimal("-0.01")})
    )
    assert not Route.objects.exists()


@pytest.mark.parametrize("field", PRICE_FIELDS)
def test_database_refuses_a_negative_price_on_update(field, route):
    assert_refused(lambda: Route.objects.filter(pk=route.pk).update(**{field: Decimal("-1")}))

    route.refresh_from_db()
    assert route.input_price == Decimal("0.26")
    assert route.output_price == Decimal("2.08")
    assert route.cached_input_price is None


@pytest.mark.parametrize("field", PRICE_FIELDS)
def test_database_accepts_a_zero_price(field, route):
    """Free is a price (≥ 0); only below zero is refused."""
    Route.objects.filter(pk=route.pk).update(**{field: Decimal("0")})

    route.refresh_from_db()
    assert getattr(route, field) == 0


def test_database_refuses_a_zero_context_window(make_organization):
    organization = make_organization()

    assert_refused(
        lambda: LanguageModel.objects.create(
            name="Zero",
            slug="zero",
            organization=organization,
            product_type=LanguageModel.ProductType.STANDALONE_API,
            openness=LanguageModel.Openness.PROPRIETARY,
            context_window=0,
        )
    )


def test_database_refuses_a_zero_context_window_on_update(make_model):
    model = make_model()

    assert_refused(lambda: LanguageModel.objects.filter(pk=model.pk).update(context_window=0))
    model.refresh_from_db()
    assert model.context_window == 131_072


def test_database_accepts_an_unknown_context_window(make_model):
    model = make_model(context_window=None)

    assert model.context_window is None


def test_database_refuses_a_duplicate_route(route, make_route):
    assert_refused(lambda: make_route(route.model, route.provider, 0.5, 3))
    assert Route.objects.count() == 1


def test_database_refuses_a_duplicate_route_in_the_same_tier(route, make_route):
    make_route(route.model, route.provider, 0.13, 1.04, service_mode="batch")

    assert_refused(lambda: make_route(route.model, route.provider, 0.1, 1, service_mode="batch"))
    assert Route.objects.count() == 2


def test_database_accepts_the_same_model_and_provider_in_another_tier(route, make_route):
    make_route(route.model, route.provider, 0.13, 1.04, service_mode="batch")

    assert Route.objects.filter(model=route.model, provider=route.provider).count() == 2


@pytest.mark.parametrize(
    ("model_class", "fields"),
    [
        (Organization, {"name": "Acme"}),
        (Provider, {"name": "Acme Cloud", "kind": Provider.Kind.CLOUD}),
        (Benchmark, {"name": "Acme Bench"}),
    ],
    ids=["organization", "provider", "benchmark"],
)
def test_database_refuses_a_slug_with_vs(model_class, fields):
    assert_refused(lambda: model_class.objects.create(slug="gpt-5-vs-qwen", **fields))
    assert not model_class.objects.exists()


def test_database_refuses_a_model_slug_with_vs(make_organization):
    organization = make_organization()

    assert_refused(
        lambda: LanguageModel.objects.create(
            name="GPT vs Qwen",
            slug="gpt-vs-qwen",
            organization=organization,
            product_type=LanguageModel.ProductType.STANDALONE_API,
            openness=LanguageModel.Openness.PROPRIETARY,
        )
    )


def test_database_refuses_a_slug_with_vs_on_update(make_model):
    model = make_model("GPT-5.3-Codex-Spark")

    assert_refused(
        lambda: LanguageModel.objects.filter(pk=model.pk).update(slug="gpt-5-vs-codex-spark")
    )


def test_database_refuses_a_slug_ending_in_vs(make_model):
    """ "foo-vs" + "-vs-" + "zed" would read back as "foo" and "vs-zed"."""
    model = make_model("Foo")

    assert_refused(lambda: LanguageModel.objects.filter(pk=model.pk).update(slug="foo-vs"))


def test_database_accepts_vs_inside_a_word():
    """Only the pair separator "-vs-" and a "-vs" ending are reserved: not "vs-labs"."""
    Organization.objects.create(name="VS Labs", slug="vs-labs")
    Organization.objects.create(name="Canvas", slug="canvas-vscode")

    assert Organization.objects.count() == 2


def test_database_refuses_a_duplicate_slug(make_model):
    model = make_model("Model A")

    assert_refused(
        lambda: LanguageModel.objects.create(
            name="Model A (copy)",
            slug=model.slug,
            organization=model.organization,
            product_type=LanguageModel.ProductType.STANDALONE_API,
            openness=LanguageModel.Openness.PROPRIETARY,
        )
    )


def test_database_refuses_more_active_than_total_parameters(make_model):
    assert_refused(lambda: make_model(parameters_total=10, parameters_active=122))


def test_database_refuses_more_active_than_total_parameters_on_update(make_model):
    model = make_model(parameters_total=122_000_000_000, parameters_active=10_000_000_000)

    assert_refused(
        lambda: LanguageModel.objects.filter(pk=model.pk).update(parameters_active=123_000_000_000)
    )


def test_database_accepts_active_parameters_equal_to_total_or_unknown(make_model):
    make_model("Dense", parameters_total=1_000, parameters_active=1_000)
    make_model("Unknown total", parameters_active=1_000)

    assert LanguageModel.objects.count() == 2


# full_clean gives a clear error instead.


@pytest.mark.parametrize("field", PRICE_FIELDS)
def test_full_clean_names_a_negative_price(field, route):
    setattr(route, field, Decimal("-1"))

    with pytest.raises(ValidationError) as caught:
        route.full_clean()

    assert field in caught.value.message_dict


def test_full_clean_names_a_zero_context_window(make_model):
    model = make_model()
    model.context_window = 0

    with pytest.raises(ValidationError) as caught:
        model.full_clean()

    assert "context_window" in caught.value.message_dict


def test_full_clean_names_a_duplicate_route(route):
    duplicate = Route(
        model=route.model,
        provider=route.provider,
        service_mode=route.service_mode,
        context_above=route.context_above,
    )

    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()

    assert caught.value.message_dict[NON_FIELD_ERRORS] == [
        "This model already has a route at this provider in this service mode, context tier "
        "and way of serving."
    ]


def test_full_clean_names_a_slug_with_vs(make_model):
    model = make_model()
    model.slug = "gpt-5-vs-qwen"

    with pytest.raises(ValidationError) as caught:
        model.full_clean()

    assert any("-vs-" in message for message in caught.value.message_dict["slug"])


def test_full_clean_names_more_active_than_total_parameters(make_model):
    model = make_model(parameters_total=10)
    model.parameters_active = 122

    with pytest.raises(ValidationError) as caught:
        model.full_clean()

    assert caught.value.message_dict[NON_FIELD_ERRORS] == [
        "Active parameters cannot exceed total parameters."
    ]


# The admin answers a form error, not a server error.


def route_add_data(editor_client, form_data, **values):
    data = form_data(editor_client.get("/admin/catalog/route/add/"), "route_form")
    data.update({name: [str(value)] for name, value in values.items()})
    return data


@pytest.mark.parametrize("field", PRICE_FIELDS)
def test_admin_route_form_refuses_a_negative_price(field, editor_client, form_data, route):
    other_provider = Provider.objects.create(
        name="Novita AI", slug="novita-ai", kind="inference_host"
    )
    data = route_add_data(
        editor_client, form_data, model=route.model.pk, provider=other_provider.pk, **{field: -1}
    )

    response = editor_client.post("/admin/catalog/route/add/", data)

    assert response.status_code == 200
    assert "greater than or equal to 0" in str(response.context["adminform"].form.errors[field])
    assert Route.objects.count() == 1


def test_admin_route_form_refuses_a_duplicate_route(editor_client, form_data, route):
    data = route_add_data(
        editor_client, form_data, model=route.model.pk, provider=route.provider.pk, input_price=1
    )

    response = editor_client.post("/admin/catalog/route/add/", data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This model already has a route at this provider in this service mode, context tier "
        "and way of serving."
    ]
    assert Route.objects.count() == 1


def model_add_data(editor_client, form_data, organization, **values):
    data = form_data(editor_client.get("/admin/catalog/languagemodel/add/"), "languagemodel_form")
    data.update(
        {
            "name": ["Ling-2.6-1T"],
            "slug": ["ling-2-6-1t"],
            "organization": [str(organization.pk)],
            "product_type": [LanguageModel.ProductType.STANDALONE_API],
            "openness": [LanguageModel.Openness.OPEN_SOURCE],
        }
    )
    data.update({name: [str(value)] for name, value in values.items()})
    return data


def test_admin_model_add_form_saves_good_data(editor_client, form_data, make_organization):
    """The baseline for the refusals below: the same data, without the bad value, saves."""
    data = model_add_data(
        editor_client, form_data, make_organization("inclusionAI"), context_window=262_144
    )

    response = editor_client.post("/admin/catalog/languagemodel/add/", data)

    assert response.status_code == 302
    assert LanguageModel.objects.get().slug == "ling-2-6-1t"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"context_window": 0}, "context_window", "greater than or equal to 1"),
        ({"slug": "ling-vs-qwen"}, "slug", "-vs-"),
        (
            {"parameters_total": 10, "parameters_active": 122},
            NON_FIELD_ERRORS,
            "Active parameters cannot exceed total parameters.",
        ),
    ],
    ids=["zero-context-window", "slug-with-vs", "active-over-total"],
)
def test_admin_model_add_form_refuses_bad_data(
    values, field, message, editor_client, form_data, make_organization
):
    data = model_add_data(editor_client, form_data, make_organization("inclusionAI"), **values)

    response = editor_client.post("/admin/catalog/languagemodel/add/", data)

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert not LanguageModel.objects.exists()


@pytest.mark.parametrize(
    ("url", "form_id", "values"),
    [
        ("/admin/catalog/organization/add/", "organization_form", {"name": "Acme"}),
        (
            "/admin/catalog/provider/add/",
            "provider_form",
            {"name": "Acme Cloud", "kind": Provider.Kind.CLOUD},
        ),
        ("/admin/catalog/benchmark/add/", "benchmark_form", {"name": "Acme Bench"}),
    ],
    ids=["organization", "provider", "benchmark"],
)
def test_admin_add_forms_refuse_a_slug_with_vs(url, form_id, values, editor_client, form_data):
    data = form_data(editor_client.get(url), form_id)
    data.update({name: [value] for name, value in values.items()})
    data["slug"] = ["acme-vs-other"]

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "-vs-" in str(response.context["adminform"].form.errors["slug"])
