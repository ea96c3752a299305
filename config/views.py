"""The site's own views: the sitemap (its sections are the apps'), the error pages, and the
health check."""

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
from django.shortcuts import render
from django.template import loader
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from catalog.models import catalog_changed_at
from catalog.sitemaps import X_ROBOTS_TAG, urlset_chunks
from config.faults import RETRY_AFTER_SECONDS, database_unavailable, restart_a_failing_pool
from presentation.seo import PageMeta

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
