"""The catalog's public pages, the sitemap views, and the site's error pages.

Each page view parses its input, calls one read (catalog/pages/) and renders. None reads
the session or renders a CSRF token: the pages set no cookie.
"""

import sys

from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.core.paginator import InvalidPage
from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from catalog.dependencies import precise
from catalog.faults import RETRY_AFTER_SECONDS, database_unavailable, restart_a_failing_pool
from catalog.forms import ModelFilterForm, ProviderKindForm
from catalog.models import ModelRedirect, catalog_changed_at
from catalog.pages.benchmarks import read_benchmark_list, read_benchmark_page
from catalog.pages.families import read_family_list, read_family_page
from catalog.pages.methodology import read_methodology_page
from catalog.pages.model import read_model_page
from catalog.pages.model_list import read_model_list
from catalog.pages.open_data import read_open_data_page
from catalog.pages.providers import read_provider_list, read_provider_page
from catalog.pages.retiring import read_retiring_page
from catalog.pages.route import read_route_page
from catalog.responses import render_page, wants_fragment
from catalog.seo import PageMeta
from catalog.sitemaps import X_ROBOTS_TAG, urlset_chunks


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def model_list(request):
    form = ModelFilterForm(request.GET)
    try:
        page = read_model_list(form)
    except InvalidPage as error:
        number = form.cleaned_data["page"]
        raise Http404(f"The models list has no page {number} for this query.") from error
    fragment = wants_fragment(request)
    template = "catalog/model_list.html#results" if fragment else "catalog/model_list.html"
    status = 400 if form.errors else 200
    response = render_page(request, template, page, status, form=form, fragment=fragment)
    if fragment:
        response["X-Robots-Tag"] = "noindex"
    return response


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


# The sitemap. The root URLconf names its sections (`sitemaps`: name → Sitemap class), as
# for Django's own sitemap views; each request builds its own section objects.


@require_safe
def sitemap_index(request, sitemaps):
    """The sections that have URLs (an empty one would be an invalid sitemap), each page
    with its section's latest lastmod; Last-Modified is the latest of them all."""
    sections = {name: section() for name, section in sitemaps.items()}
    listed = {name: section for name, section in sections.items() if section.paginator.count}
    if not listed:
        raise Http404("No page is published yet, so the sitemap is empty.")
    response = sitemap_views.index(
        request, listed, template_name="sitemaps/index.xml", sitemap_url_name="sitemap_section"
    )
    # As for a section: a page or URL dropped from the sitemap changes the index too.
    shown = parse_http_date_safe(response.get("Last-Modified", "")) or 0
    response["Last-Modified"] = http_date(max(shown, catalog_changed_at().timestamp()))
    return response


@require_safe
def sitemap_section(request, section, sitemaps):
    """One page (`?p=2`…) of a section, streamed; Last-Modified is its latest lastmod."""
    if section not in sitemaps:
        raise Http404(f"There is no sitemap section {section!r}.")
    sitemap = sitemaps[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404(f"The {section} sitemap has no page {request.GET.get('p')!r}.") from error
    items = page.object_list
    origin = f"{request.scheme}://{get_current_site(request).domain}"
    response = StreamingHttpResponse(
        urlset_chunks(sitemap.xml_entries(items, origin)), content_type="application/xml"
    )
    # A URL dropped from the section (a model unpublished) changes it too.
    latest = max(max(sitemap.lastmod(item) for item in items), catalog_changed_at())
    response["Last-Modified"] = http_date(latest.timestamp())
    response["X-Robots-Tag"] = X_ROBOTS_TAG
    return response


# Error pages in the site's design (Django's defaults know nothing of PageMeta).


def page_not_found(request, exception):
    meta = PageMeta(
        title="Page not found",
        description="There is no page at this address.",
        canonical_path=request.path,
        indexable=False,
    )
    return render(request, "404.html", {"meta": meta}, status=404)


def server_error(request):
    """The 500 page; or, when the database is what failed (down, or no connection free
    within its timeouts), a 503 that says so and when to come back."""
    # No request context processors: they might be what failed.
    if database_unavailable(sys.exception()):
        restart_a_failing_pool()  # so that the first request after the outage succeeds
        meta = PageMeta(
            title="The catalog is unavailable",
            description="The catalog's database cannot be reached just now.",
            canonical_path=request.path,
            indexable=False,
        )
        template = loader.get_template("503.html")
        response = HttpResponse(template.render({"meta": meta, "request": request}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    meta = PageMeta(
        title="Something went wrong",
        description="The server could not answer this request.",
        canonical_path=request.path,
        indexable=False,
    )
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"meta": meta, "request": request}))


@require_safe
def healthz(request):
    """What is up and what is down: the database (one query) and the cache (a write and a
    read). 200 while the database answers (a cache that is down only costs speed), 503
    when it does not; never cached."""
    checks = {"database": check(database_answers), "cache": check(cache_answers)}
    status = 200 if checks["database"] == "ok" else 503
    if status == 503:
        restart_a_failing_pool()
    response = JsonResponse(checks, status=status)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def check(probe) -> str:
    try:
        probe()
    except Exception as error:
        return f"down: {type(error).__name__}: {error}".strip()[:300]
    return "ok"


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_answers():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not keep what was written")
