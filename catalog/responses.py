"""What every public view answers the same way: htmx fragments and Last-Modified."""

from django.utils.http import http_date


def wants_fragment(request):
    """An htmx request gets the fragment; a history restore needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def set_last_modified(response, stamps):
    """`Last-Modified`: the latest of `stamps` (None ones ignored; no header without any)."""
    known = [stamp for stamp in stamps if stamp is not None]
    if known:
        response["Last-Modified"] = http_date(max(known).timestamp())
    return response
