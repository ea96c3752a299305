"""The whole-page cache for anonymous readers, and the public pages' caching headers.

A public page depends on the catalog and on nothing else but its URL, a few htmx headers
and the day (a route retires at a date). So a page is stored under a key made of those
and of the catalog version (catalog/changes.py), which every write moves on in the
writer's own transaction: the request after a change misses and renders the page anew,
and no reader is ever served a copy older than the database it could read. Old copies are
never looked up again and age out of the cache.

- What is stored: answers 200 and 301 to GET and HEAD requests without a session cookie,
  that set no cookie and are not marked private, whole (a streamed sitemap page is read
  into one body), compressed as the request accepted (the compression middleware sits
  below this one, so each coding is one entry, compressed once).
- 304 before any rendering: every stored page gets an ETag made of the same parts as
  its key; a request whose If-None-Match holds the current one is answered at once.
  (Django's ConditionalGetMiddleware, above, also answers If-Modified-Since from a
  stored page's Last-Modified.)
- Headers for shared caches: a public answer says `public, max-age, stale-while-
  revalidate` (PAGE_CACHE_MAX_AGE, PAGE_CACHE_STALE_WHILE_REVALIDATE), so a CDN or a
  caching proxy keeps it for minutes at most; any answer that sets a cookie says
  `private, no-store`, whatever else it said.
- A cache that fails (Redis down, a value too big) costs the lookup, never the page: the
  error is logged and the page rendered as if the cache were empty.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django_http_compression.middleware import best_coding

from catalog.changes import catalog_version

logger = logging.getLogger(__name__)

STORED_STATUSES = frozenset({200, 301})
PUBLIC_STATUSES = frozenset({200, 301, 404})
# The request headers a public page may vary on, besides Accept-Encoding (django-htmx's).
VARIANT_HEADERS = ("HX-Request", "HX-History-Restore-Request")


def is_anonymous_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
    )


def variant(request) -> str:
    """What, besides the catalog, a public page's answer depends on."""
    headers = "\n".join(request.headers.get(name, "") for name in VARIANT_HEADERS)
    return (
        f"{request.scheme}://{request.get_host()}{request.get_full_path()}\n{headers}\n"
        f"{timezone.localdate().isoformat()}\n{settings.PAGE_CACHE_RELEASE}"
    )


def entity_tag(version: int, variant_text: str) -> str:
    digest = hashlib.sha256(variant_text.encode()).hexdigest()[:20]
    return f'W/"{version}-{digest}"'


def cache_key(tag: str, coding: str) -> str:
    return f"page:{tag}:{coding}"


def matches(if_none_match: str, tag: str) -> bool:
    return tag in (part.strip() for part in if_none_match.split(","))


def is_storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in STORED_STATUSES
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and "cookie" not in response.get("Vary", "").lower()
    )


def whole(response):
    """A streamed answer read into one body, headers kept (a stored page is bytes)."""
    if not response.streaming:
        return response
    copy = HttpResponse(b"".join(response.streaming_content), status=response.status_code)
    for header, value in response.items():
        copy[header] = value
    copy["Content-Length"] = str(len(copy.content))
    return copy


def patch_public(response) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_CACHE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )


def set_caching_headers(response, public: bool) -> None:
    """`private, no-store` on whatever sets a cookie; public pages' lifetimes otherwise."""
    if response.cookies:
        patch_cache_control(response, private=True, no_store=True)
    elif public and response.status_code in PUBLIC_STATUSES and "Cache-Control" not in response:
        patch_public(response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE and is_anonymous_read(request)):
            response = self.get_response(request)
            set_caching_headers(response, public=False)
            return response

        tag = entity_tag(catalog_version().number, variant(request))
        if matches(request.headers.get("If-None-Match", ""), tag):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = tag
            patch_public(not_modified)
            patch_vary_headers(not_modified, ("Accept-Encoding",))
            return not_modified

        key = cache_key(tag, best_coding(request.headers.get("Accept-Encoding", "")))
        cache = caches[settings.PAGE_CACHE_ALIAS]
        try:
            stored = cache.get(key)
        except Exception:
            logger.warning("The page cache could not be read; rendering.", exc_info=True)
            stored = None
        if stored is not None:
            return stored

        response = self.get_response(request)
        set_caching_headers(response, public=True)
        if is_storable(response):
            response = whole(response)
            response["ETag"] = tag
            try:
                cache.set(key, response, settings.PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.warning("The page cache could not be written.", exc_info=True)
        return response
