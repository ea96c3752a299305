"""Purges at a CDN: once a change to the catalog commits, the keys it changed (catalog/
dependencies.py) are sent to the configured CDN's purge-by-key API, so that a CDN may
keep the pages that name other keys (each stored answer names its keys: `Surrogate-Key`
for Fastly, `Cache-Tag` for Cloudflare) for as long as PAGE_CACHE_CDN_S_MAXAGE.

PAGE_CACHE_CDN: "" (none, the default), "fastly" or "cloudflare", with their credentials
(see the README). The purge runs as a task (the task worker's job), in batches of what
the API takes at once; a call that fails is logged and tried again after each of
PAGE_CACHE_CDN_RETRY_SECONDS, and a purge that never got through is logged as an error:
the pages it named are then stale at the CDN until their s-maxage runs out.
"""

import json
import logging
import time
import urllib.request
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.conf import settings
from django.tasks import task

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10


class CDN(NamedTuple):
    """A purge-by-key API: where to POST, how many keys a call takes, under which name."""

    path: str  # under PAGE_CACHE_CDN_API, formatted with the settings
    batch: int
    field: str
    headers: Callable[[], dict[str, str]]


CDNS = {
    # Fastly's batch purge: up to 256 surrogate keys a call.
    "fastly": CDN(
        "/service/{FASTLY_SERVICE_ID}/purge",
        256,
        "surrogate_keys",
        lambda: {"Fastly-Key": settings.FASTLY_API_TOKEN},
    ),
    # Cloudflare's purge by cache tag: up to 30 tags a call.
    "cloudflare": CDN(
        "/client/v4/zones/{CLOUDFLARE_ZONE_ID}/purge_cache",
        30,
        "tags",
        lambda: {"Authorization": f"Bearer {settings.CLOUDFLARE_API_TOKEN}"},
    ),
}


def purge_requests(cdn: CDN, keys: list[str]) -> Iterable[tuple[list[str], urllib.request.Request]]:
    """(the keys, the call that purges them), batch by batch."""
    path = cdn.path.format(
        FASTLY_SERVICE_ID=settings.FASTLY_SERVICE_ID, CLOUDFLARE_ZONE_ID=settings.CLOUDFLARE_ZONE_ID
    )
    for start in range(0, len(keys), cdn.batch):
        batch = keys[start : start + cdn.batch]
        yield (
            batch,
            urllib.request.Request(
                settings.PAGE_CACHE_CDN_API + path,
                data=json.dumps({cdn.field: batch}).encode(),
                headers={**cdn.headers(), "Content-Type": "application/json"},
                method="POST",
            ),
        )


def send(request: urllib.request.Request) -> bool:
    """One call, tried again after each of PAGE_CACHE_CDN_RETRY_SECONDS; whether it got
    through (an answer of 2xx)."""
    delays = [0, *settings.PAGE_CACHE_CDN_RETRY_SECONDS]
    for attempt, delay in enumerate(delays, start=1):
        time.sleep(delay)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
                answer.read()
            return True
        except OSError as error:  # URLError, HTTPError (a 4xx or 5xx), a timeout
            logger.warning(
                "The CDN's purge failed (attempt %s of %s): %s", attempt, len(delays), error
            )
    return False


@task()
def purge_at_cdn(keys: list[str]) -> int:
    """Purge `keys` at the configured CDN; returns how many calls got through."""
    if not settings.PAGE_CACHE_CDN:
        return 0
    done = 0
    for batch, request in purge_requests(CDNS[settings.PAGE_CACHE_CDN], sorted(keys)):
        if send(request):
            done += 1
        else:
            logger.error(
                "The CDN's purge of %s keys (%s…) failed for good: their pages stay at the CDN "
                "until their s-maxage runs out.",
                len(batch),
                batch[0],
            )
    return done
