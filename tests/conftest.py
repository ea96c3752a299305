"""Shared fixtures: users of each kind, and small catalog factories."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

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
    user = django_user_model.objects.create_user("ada", password="not-a-real-password-1", is_staff=True)
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
