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
