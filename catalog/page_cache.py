"""The whole-page cache for anonymous readers, and the public pages' caching headers.

A public page depends on the catalog and on nothing else but its URL, a few htmx headers
and the day (a route retires at a date). So a page is stored under a key made of those,
with the catalog version it was rendered at (catalog/changes.py), which every write moves
on in the writer's own transaction: a copy of another version is a miss, rendered anew
and replaced, and no reader is ever served a copy older than the database it could read.
Where the version itself is kept in the cache (Redis), one round trip reads both; and
each process also hears every new version as it is published (catalog/version_feed.py)
and keeps the pages it served in its own memory, so that a page it has seen at the
current version costs no round trip at all.

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
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django_http_compression.middleware import best_coding

from catalog import version_feed
from catalog.changes import catalog_version, catalog_version_and
from catalog.faults import database_unavailable, restart_a_failing_pool
from catalog.version_feed import LocalPages, VersionFeed

logger = logging.getLogger(__name__)

# The catalog version as Redis pushes it to this process, and the pages this process
# keeps in its own memory (catalog/version_feed.py): used where the feed is enabled.
FEED = VersionFeed(read_version=lambda: catalog_version().number)
LOCAL = LocalPages(max_bytes=64 * 2**20)

STORED_STATUSES = frozenset({200, 301})
# X-Cache on every answer: served from the cache, or rendered for this request.
HIT, MISS = "hit", "miss"
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


def variant_digest(request) -> str:
    return hashlib.sha256(variant(request).encode()).hexdigest()[:24]


def entity_tag(version: int, digest: str) -> str:
    return f'W/"{version}-{digest}"'


def cache_key(digest: str, coding: str) -> str:
    """Where a page is kept, whatever the version: the entry says which version it was
    rendered at, so that one read gives both, and a new version's copy replaces it."""
    return f"page:{digest}:{coding}"


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


def stored(response, version: int) -> tuple:
    """What the cache keeps of an answer: plain values (a streamed body read whole)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return (version, response.status_code, list(response.items()), content)


def answer(entry, served_from: str) -> HttpResponse:
    """The stored answer, saying whether it was served from the cache (`X-Cache: hit`)
    or rendered for this request (`miss`): operators and tests see which."""
    _, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for header, value in headers:
        response[header] = value
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = served_from
    return response


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
            response["X-Cache"] = MISS
            return response

        digest = variant_digest(request)
        key = cache_key(digest, best_coding(request.headers.get("Accept-Encoding", "")))
        fed = version_feed.enabled()
        number = FEED.current() if fed else None
        if number is not None:  # the version as pushed to this process: no round trip
            entry = LOCAL.get(key, number) or self.shared_entry(key)
        else:
            try:
                version, entry = catalog_version_and(key)
            except Exception as error:
                if not database_unavailable(error):
                    raise
                restart_a_failing_pool()
                return self.without_database(request, key)
            number = version.number
        tag = entity_tag(number, digest)
        if matches(request.headers.get("If-None-Match", ""), tag):
            not_modified = HttpResponseNotModified()
            not_modified["ETag"] = tag
            not_modified["X-Cache"] = HIT  # answered from the version, nothing rendered
            patch_public(not_modified)
            patch_vary_headers(not_modified, ("Accept-Encoding",))
            return not_modified
        if entry is not None and entry[0] == number:
            if fed:
                LOCAL.put(key, entry)
            return answer(entry, HIT)

        response = self.get_response(request)
        set_caching_headers(response, public=True)
        if not is_storable(response):
            response["X-Cache"] = MISS
        else:
            response["ETag"] = tag
            entry = stored(response, number)
            response = answer(entry, MISS)
            if fed:
                LOCAL.put(key, entry)
            try:
                cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.warning("The page cache could not be written.", exc_info=True)
        return response

    @staticmethod
    def shared_entry(key):
        try:
            return cache.get(key)
        except Exception:
            logger.warning("The page cache could not be read; rendering.", exc_info=True)
            return None

    def without_database(self, request, key):
        """The database cannot say the version: a copy of the page in the cache, however
        old, is better than an error; without one the view answers (a page that needs no
        database still can; the others get the 503 page)."""
        entry = self.shared_entry(key)
        if entry is not None:
            logger.warning("The database is unavailable: serving a stored copy of %s.", key)
            return answer(entry, HIT)
        response = self.get_response(request)
        set_caching_headers(response, public=True)
        response["X-Cache"] = MISS
        return response
