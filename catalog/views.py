"""The catalog's public pages (the sitemap, the error pages and the health check are the
site's: config/views.py).

Each page view parses its input, calls one read (catalog/pages/) and renders. None reads
the session or renders a CSRF token: the pages set no cookie.
"""

from django.core.paginator import InvalidPage
from django.http import (
    Http404,
)
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from catalog.dependencies import precise
from catalog.forms import ModelFilterForm, ProviderKindForm
from catalog.models import ModelRedirect
from catalog.pages.benchmarks import read_benchmark_list, read_benchmark_page
from catalog.pages.families import read_family_list, read_family_page
from catalog.pages.methodology import read_methodology_page
from catalog.pages.model import read_model_page
from catalog.pages.model_list import read_model_list
from catalog.pages.open_data import read_open_data_page
from catalog.pages.providers import read_provider_list, read_provider_page
from catalog.pages.retiring import read_retiring_page
from catalog.pages.route import read_route_page
from presentation.responses import render_page, render_results_page


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def model_list(request):
    form = ModelFilterForm(request.GET)
    try:
        page = read_model_list(form)
    except InvalidPage as error:
        number = form.cleaned_data["page"]
        raise Http404(f"The models list has no page {number} for this query.") from error
    templates = ("catalog/model_list.html", "catalog/model_list_results.html")
    return render_results_page(request, templates, page, 400 if form.errors else 200, form=form)


@require_safe
def model_detail(request, slug):
    page = read_model_page(slug)
    if page is None:
        merged = ModelRedirect.objects.filter(old_slug=slug).select_related("model").first()
        if merged is not None:  # merged into another model: its address moved for good
            return redirect(merged.model, permanent=True)
        raise Http404("No published model has this address.")
    precise()  # the page's reads declare what they show (catalog/dependencies.py)
    return render_page(request, "catalog/model_detail.html", page)


@require_safe
def route_detail(request, slug, provider_slug):
    page = read_route_page(slug, provider_slug)
    if page is None:
        merged = ModelRedirect.objects.filter(old_slug=slug).select_related("model").first()
        if merged is not None:  # merged into another model: its pages moved for good
            return redirect(
                "catalog:route_detail", merged.model.slug, provider_slug, permanent=True
            )
        raise Http404("No published model has this address, or it has no route at this provider.")
    precise()
    return render_page(request, "catalog/route_detail.html", page)


@require_safe
def provider_list(request):
    form = ProviderKindForm(request.GET)
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    status = 400 if form.errors else 200
    page = read_provider_list(kind)
    return render_page(request, "catalog/provider_list.html", page, status, form=form)


@require_safe
def provider_detail(request, slug):
    page = read_provider_page(slug)
    if page is None:
        raise Http404("No provider has this address.")
    return render_page(request, "catalog/provider_detail.html", page)


@require_safe
def benchmark_list(request):
    return render_page(request, "catalog/benchmark_list.html", read_benchmark_list())


@require_safe
def benchmark_detail(request, slug):
    page = read_benchmark_page(slug)
    if page is None:
        raise Http404("No benchmark has this address.")
    return render_page(request, "catalog/benchmark_detail.html", page)


@require_safe
def family_list(request):
    return render_page(request, "catalog/family_list.html", read_family_list())


@require_safe
def family_detail(request, slug):
    page = read_family_page(slug)
    if page is None:
        raise Http404("No model family with a published model has this address.")
    return render_page(request, "catalog/family_detail.html", page)


@require_safe
def retiring(request):
    today = timezone.localdate()  # the page cache keys on the day too
    return render_page(request, "catalog/retiring.html", read_retiring_page(today))


@require_safe
def open_data(request):
    return render_page(request, "catalog/open_data.html", read_open_data_page())


@require_safe
def methodology(request):
    return render_page(request, "catalog/methodology.html", read_methodology_page())
