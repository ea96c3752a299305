"""The whole-page cache for anonymous readers, and the public pages' caching headers.

A public page depends on the catalog and on nothing else but its URL, a few htmx headers
and the day (a route retires at a date). So a page is stored under a key made of those,
with what it showed: the keys of catalog/dependencies.py, recorded while it rendered, as
slots of `KeyVersion`, and the catalog version read before it rendered. Every write
stamps the slots of what it touched with a new version in the writer's own transaction
(catalog/changes.py). A stored page is served while none of its slots is newer than its
version: a write to something else leaves it cached, and a page that read the catalog
before a commit and was stored after it is never served (the commit stamped its slots
later than the version it read), so no reader is served a copy older than the database
it could read.

The key versions are read from the database (one query per page served), or from a
copy of them that costs none (config/key_versions.py): a file mapped into every process
on one machine, or a copy each process hears from Redis (config/version_feed.py), where
each process also keeps the pages it served in its own memory (`LocalPages`).

- What is stored: answers 200 and 301 to GET and HEAD requests without a session cookie,
  that set no cookie and are not marked private, whole (a streamed sitemap page is read
  into one body), compressed as the request accepted (the compression middleware sits
  below this one, so each coding is one entry, compressed once).
- 304 before any rendering: every stored page gets an ETag made of its content; a
  request whose If-None-Match holds it is answered at once while the page is current.
  (Django's ConditionalGetMiddleware, above, also answers If-Modified-Since from a
  stored page's Last-Modified.)
- Headers for shared caches: a public answer says `public, max-age, stale-while-
  revalidate` (PAGE_CACHE_MAX_AGE, PAGE_CACHE_STALE_WHILE_REVALIDATE), so a CDN or a
  caching proxy keeps it for minutes at most; any answer that sets a cookie says
  `private, no-store`, whatever else it said. A stored answer names its keys to a CDN
  (`Surrogate-Key` for Fastly, `Cache-Tag` for Cloudflare).
- `X-Cache: hit` or `miss` on every answer: served from the cache, or rendered for it.
- A cache that fails (Redis down, a value too big) costs the lookup, never the page: the
  error is logged and the page rendered as if the cache were empty.
"""

import hashlib
import logging
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django_http_compression.middleware import best_coding

from catalog.changes import catalog_version, slots_of, versions_since
from catalog.dependencies import ALL, recording
from config import key_versions, version_feed
from config.cdn import purge_at_cdn
from config.faults import database_unavailable, restart_a_failing_pool
from config.version_feed import LocalPages, VersionFeed

logger = logging.getLogger(__name__)

# The key versions as Redis pushes them to this process, and the pages this process
# keeps in its own memory (config/version_feed.py): used where the feed is enabled.
FEED = VersionFeed(read_since=lambda since: (catalog_version(), versions_since(since)))
LOCAL = LocalPages(max_bytes=64 * 2**20)
# A page naming more keys than this names only "catalog" to a CDN (whose headers are
# limited to a few kilobytes): it is purged by any write there, as a list page is.
CDN_KEYS_MAX = 200


class Entry(NamedTuple):
    """A stored page: the catalog version read before it rendered, the slots of what it
    showed, its keys as a CDN reads them, and the answer."""

    version: int
    slots: tuple[int, ...]
    status: int
    headers: list
    content: bytes
    etag: str


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


def entity_tag(content: bytes) -> str:
    return f'W/"{hashlib.sha256(content).hexdigest()[:24]}"'


def cache_key(digest: str, coding: str) -> str:
    """Where a page is kept: the entry says what it showed and when."""
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


def stored(response, version: int, keys: frozenset[str]) -> Entry:
    """What the cache keeps of an answer: plain values (a streamed body read whole)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    named = sorted(keys) if len(keys) <= CDN_KEYS_MAX else [ALL]
    response["Surrogate-Key"] = " ".join(named)
    response["Cache-Tag"] = ",".join(named)
    response["ETag"] = entity_tag(content)
    return Entry(
        version,
        slots_of(keys),
        response.status_code,
        list(response.items()),
        content,
        response["ETag"],
    )


def answer(entry: Entry, served_from: str) -> HttpResponse:
    """The stored answer, saying whether it was served from the cache (`X-Cache: hit`)
    or rendered for this request (`miss`): operators and tests see which."""
    response = HttpResponse(entry.content, status=entry.status)
    for header, value in entry.headers:
        response[header] = value
    response["Content-Length"] = str(len(entry.content))
    response["X-Cache"] = served_from
    return response


def not_modified(entry: Entry) -> HttpResponseNotModified:
    response = HttpResponseNotModified()
    response["ETag"] = entry.etag
    response["X-Cache"] = HIT  # answered from the stored page, nothing rendered
    patch_public(response)
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def versions():
    """Where this request reads the key versions (config/key_versions.py)."""
    if version_feed.enabled() and FEED.current() is not None:
        return FEED
    if settings.PAGE_CACHE_KEY_VERSIONS == "file":
        return key_versions.FILE
    return key_versions.DATABASE


def patch_public(response) -> None:
    """A public page's lifetimes; a shared cache's longer where a CDN is purged."""
    lifetimes = {
        "max_age": settings.PAGE_CACHE_MAX_AGE,
        "stale_while_revalidate": settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    }
    if settings.PAGE_CACHE_CDN:
        lifetimes["s_maxage"] = settings.PAGE_CACHE_CDN_S_MAXAGE
    patch_cache_control(response, public=True, **lifetimes)


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
        source = versions()
        entry = (LOCAL.get(key) if fed else None) or self.shared_entry(key)
        try:
            if entry is not None and source.newest(entry.slots) <= entry.version:
                if matches(request.headers.get("If-None-Match", ""), entry.etag):
                    return not_modified(entry)
                if fed:
                    LOCAL.put(key, entry)
                return answer(entry, HIT)
            version = source.clock()  # before rendering: the page shows at least this
        except Exception as error:
            if not database_unavailable(error):
                raise
            restart_a_failing_pool()
            return self.without_database(request, entry)

        with recording() as shown:
            response = self.get_response(request)
        set_caching_headers(response, public=True)
        if not is_storable(response):
            response["X-Cache"] = MISS
            return response
        entry = stored(response, version, shown.final())
        if fed:
            LOCAL.put(key, entry)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.warning("The page cache could not be written.", exc_info=True)
        return answer(entry, MISS)

    @staticmethod
    def shared_entry(key):
        try:
            return cache.get(key)
        except Exception:
            logger.warning("The page cache could not be read; rendering.", exc_info=True)
            return None

    def without_database(self, request, entry):
        """The database cannot say what changed: a copy of the page in the cache, however
        old, is better than an error; without one the view answers (a page that needs no
        database still can; the others get the 503 page)."""
        if entry is not None:
            logger.warning(
                "The database is unavailable: serving a stored copy of %s.", request.path
            )
            return answer(entry, HIT)
        response = self.get_response(request)
        set_caching_headers(response, public=True)
        response["X-Cache"] = MISS
        return response


def publish_changes(sender, version: int, keys: frozenset[str], **kwargs) -> None:
    """Once a change committed: its versions copied where pages are checked without the
    database (the file, the Redis feed). A copy that fails is caught up later (config/
    key_versions.py); the commit stands."""
    slots = slots_of(keys)
    try:
        if settings.PAGE_CACHE_KEY_VERSIONS == "file":
            key_versions.FILE.changed(version, slots)
        if version_feed.enabled():
            version_feed.publish(version, slots)
    except Exception:
        logger.warning("The new key versions could not be published.", exc_info=True)
    if settings.PAGE_CACHE_CDN:
        purge_at_cdn.enqueue(sorted(keys))
