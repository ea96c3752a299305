"""What every public view answers the same way: htmx fragments and Last-Modified."""

from collections.abc import Iterable
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import http_date
from django_htmx.middleware import HtmxDetails


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx request gets the fragment; a history restore needs the whole page."""
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    return bool(htmx and not htmx.history_restore_request)


def latest(stamps: Iterable[datetime | None]) -> datetime | None:
    """The latest of `stamps`, None ones ignored; None when none is known."""
    return max((stamp for stamp in stamps if stamp is not None), default=None)


def set_last_modified[R: HttpResponse](response: R, stamps: Iterable[datetime | None]) -> R:
    """`Last-Modified`: the latest of `stamps` (None ones ignored; no header without any)."""
    moment = latest(stamps)
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


def render_page(request, template_name, page, status=200, **context) -> HttpResponse:
    """Render a page read by one of the pages' read functions: `page` and its `meta` in
    the context, Last-Modified from its `last_modified` (when it has one)."""
    context = {"page": page, "meta": page.meta, **context}
    response = render(request, template_name, context, status=status)
    return set_last_modified(response, [getattr(page, "last_modified", None)])


def render_results_page(request, templates, page, status=200, **context) -> HttpResponse:
    """A page whose results section htmx swaps (the models list, /cost/): for an htmx
    request the section alone, `templates[1]`, which is no page for search engines
    (noindex); else the whole page, `templates[0]`."""
    fragment = wants_fragment(request)
    template = templates[1] if fragment else templates[0]
    response = render_page(request, template, page, status, fragment=fragment, **context)
    if fragment:
        response["X-Robots-Tag"] = "noindex"
    return response
