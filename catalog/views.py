"""Public pages of the catalog: the models list, a model's page, the providers.

Each view parses its input, calls one read, builds plain rows (catalog/pages.py) and
renders. None reads the session or renders a CSRF token: the pages set no cookie.
"""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from catalog import pages
from catalog.filters import ModelFilterForm, filter_models
from catalog.models import LanguageModel, Provider, Route, catalog_changed_at
from catalog.responses import set_last_modified, wants_fragment
from catalog.seo import PageMeta
from comparisons.facts import capability_list, model_facts, model_queryset
from comparisons.similar import similar_models
from comparisons.text import plural

# How many pair pages a model page links to; the compare page reaches the rest.
SIMILAR_PAIRS = 12


def model_list_meta(form, count):
    if form.errors:
        return PageMeta(
            title="Models: check the filters | LLM Reference",
            description="Some filter values are not valid: see the messages beside them.",
            canonical_path="/models/",
            indexable=False,
        )
    if form.is_filtered:
        title = f"Models: {plural(count, 'match', 'matches')} for your filters | LLM Reference"
    else:
        title = "Models: specs, prices, and capabilities | LLM Reference"
    return PageMeta(
        title=title,
        description=(
            f"{plural(count, 'large language model')} side by side: context window, cheapest "
            "output price, openness, and capabilities, filterable by provider and price."
        ),
        # Filtered views are shareable, but they are views of this one page.
        canonical_path="/models/",
    )


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def model_list(request):
    form = ModelFilterForm(request.GET)
    valid = form.is_valid()
    models = []
    if valid:
        listing = LanguageModel.objects.for_listing().with_last_modified()
        models = list(filter_models(listing, form.cleaned_data))
    fragment = wants_fragment(request)
    context = {
        "form": form,
        "rows": pages.model_rows(models),
        "count": len(models),
        "fragment": fragment,
        "meta": model_list_meta(form, len(models)),
    }
    template = "catalog/model_list.html#results" if fragment else "catalog/model_list.html"
    response = render(request, template, context, status=200 if valid else 400)
    if fragment:
        response["X-Robots-Tag"] = "noindex"
    if not valid:
        return response  # an answer about the query, not a copy of the page to keep
    stamps = [model.last_modified for model in models]
    return set_last_modified(response, [*stamps, catalog_changed_at()])


@require_safe
def model_detail(request, slug):
    model = get_object_or_404(model_queryset(), slug=slug)
    facts = model_facts(model)
    page = pages.model_page(
        model,
        facts,
        capabilities=capability_list(),
        history_records=Route.objects.filter(model=model).history_records(),
        similar=similar_models(facts, [facts.slug], SIMILAR_PAIRS + 1),
        similar_limit=SIMILAR_PAIRS,
    )
    meta = PageMeta(
        title=f"{model.name}: specs, prices, and capabilities | LLM Reference",
        description=page.description,
        canonical_path=model.get_absolute_url(),
        og_type="article",
    )
    response = render(request, "catalog/model_detail.html", {"page": page, "meta": meta})
    return set_last_modified(response, [model.last_modified])


@require_safe
def provider_list(request):
    providers = list(
        Provider.objects.serving_published_models()
        .with_model_count()
        .with_last_modified()
        .order_by("name")  # Meta.ordering does not apply to an aggregating query
    )
    meta = PageMeta(
        title="Providers: where to run each model | LLM Reference",
        description=(
            f"{plural(len(providers), 'provider')} serving the models we track: first-party "
            "APIs, aggregators, cloud platforms, and inference hosts, with their prices."
        ),
        canonical_path="/providers/",
    )
    context = {"rows": pages.provider_rows(providers), "meta": meta}
    response = render(request, "catalog/provider_list.html", context)
    stamps = [provider.last_modified for provider in providers]
    return set_last_modified(response, [*stamps, catalog_changed_at()])


@require_safe
def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.with_last_modified(), slug=slug)
    routes = (
        Route.objects.public()
        .filter(provider=provider)
        .select_related("model__organization")
        .order_by("model__name", "tier")
    )
    rows = pages.served_model_rows(routes)
    models = len({row.model for row in rows})
    meta = PageMeta(
        title=f"{provider.name}: models and prices | LLM Reference",
        description=(
            f"{provider.name} ({provider.get_kind_display()}) serves "
            f"{plural(models, 'tracked model')}: input, output, and cached input prices "
            "per 1M tokens, with the date each was last reviewed."
        ),
        canonical_path=provider.get_absolute_url(),
        # A provider serving no published model is a thin page: reachable, not indexed.
        indexable=bool(rows),
    )
    context = {
        "provider": provider,
        "kind": provider.get_kind_display(),
        "kind_phrase": pages.kind_phrase(provider),
        "website_host": pages.website_host(provider.website) if provider.website else "",
        "reviewed": pages.reviewed_on(provider.reviewed_at),
        "rows": rows,
        "model_count": plural(models, "model"),
        "meta": meta,
    }
    response = render(request, "catalog/provider_detail.html", context)
    return set_last_modified(response, [provider.last_modified])
