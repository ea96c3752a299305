"""Editors set pricing kinds and a provider's kind and lab in the admin: what they set is
kept from the sync's rules, and the routes follow a provider's change at once."""

from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.urls import reverse

from catalog.models import Provider, Route
from catalog.pricing_kinds import refresh_pricing_kinds


def change_url(record):
    return reverse(admin_urlname(record._meta, "change"), args=[record.pk])


def save(client, form_data, record, form_id, **changes):
    page = client.get(change_url(record))
    assert page.status_code == 200
    data = form_data(page, form_id)
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(change_url(record), data)
    assert response.status_code == 302, response.content[:2000]
    record.refresh_from_db()
    return record


def test_an_editors_pricing_kind_is_kept(
    editor_client, form_data, make_model, make_provider, make_route
):
    route = make_route(make_model(), make_provider("Promo Host"), "0", "0")
    assert route.pricing_kind == "unknown"  # a reseller's $0 is not believed

    save(editor_client, form_data, route, "route_form", pricing_kind="free_tier")
    assert (route.pricing_kind, route.pricing_kind_by_editor) == ("free_tier", True)
    refresh_pricing_kinds()
    route.save()
    route.refresh_from_db()
    assert route.pricing_kind == "free_tier"

    # Handing it back to the rules: the editor clears the box.
    save(editor_client, form_data, route, "route_form", pricing_kind_by_editor="")
    assert (route.pricing_kind, route.pricing_kind_by_editor) == ("unknown", False)


def test_a_providers_kind_set_by_an_editor_reprices_its_routes(
    editor_client, form_data, make_model, make_provider, make_route
):
    provider = make_provider("Coding Bundle")
    route = make_route(make_model(), provider, "3", "15")
    assert route.pricing_kind == "per_token"

    save(editor_client, form_data, provider, "provider_form", kind="subscription_plan")
    assert provider.kind_by_editor
    route.refresh_from_db()
    assert route.pricing_kind == "subscription_plan"


def test_the_providers_list_filters_by_kind(client, reference_catalog, make_provider, make_route):
    plan = make_provider("Coding Plan", kind=Provider.Kind.SUBSCRIPTION_PLAN)
    make_route(reference_catalog.qwen, plan, "0", "0")

    response = client.get("/providers/", {"kind": "subscription_plan"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 provider: subscription plan" in text
    assert "Coding Plan" in text
    assert 'href="/providers/openrouter/"' not in text

    bad = client.get("/providers/", {"kind": "reseller"})
    assert bad.status_code == 400
    assert "Unknown kind “reseller”: choose one from the list." in bad.content.decode()

    page = client.get("/providers/coding-plan/").content.decode()
    assert (
        "Coding Plan is a subscription plan: prices are part of the plan, not per token. "
        "It serves 1 model we track."
    ) in " ".join(page.split())
    assert "In a subscription plan" in page
    assert Route.objects.get(provider=plan).pricing_kind == "subscription_plan"
