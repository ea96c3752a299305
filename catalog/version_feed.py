"""The catalog version, pushed to every process by Redis, so that a cached page costs no
round trip at all.

Where the cache is a Redis shared by every process (CATALOG_VERSION_CACHE_SECONDS > 0),
each change, once committed, publishes the new version on a Redis channel
(catalog/changes.py). Each process keeps a thread subscribed to it, which holds the
latest version it heard; the page cache then finds a page in the process's own memory
(`LocalPages`) without asking anyone, and asks Redis only for a page this process has
not seen at this version.

When the thread knows nothing for sure (it has not subscribed yet, its connection broke,
or it has not re-read the version within CATALOG_VERSION_CACHE_SECONDS), `current()` says
None and the page cache reads the version as it would without a feed. The re-reading,
every few seconds, bounds what a lost message could cost (a change whose publication
failed while the subscribers stayed connected) by the same seconds that bound a cached
copy of the version.
"""

import logging
import os
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

CHANNEL = "catalog-version"
RETRY_SECONDS = 1.0


def enabled() -> bool:
    return (
        bool(settings.CATALOG_VERSION_CACHE_SECONDS)
        and settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    )


def redis_client():
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def publish(number: int, channel: str = CHANNEL) -> None:
    redis_client().publish(channel, number)


class VersionFeed:
    """The version this process heard last (see the module's docstring)."""

    def __init__(self, read_version, client=redis_client, clock=time.monotonic, channel=CHANNEL):
        self.read_version = read_version  # () -> int, from the cache or the database
        self.client = client
        self.channel = channel
        self.clock = clock
        self.number: int | None = None
        self.synced_at = float("-inf")
        self.lock = threading.Lock()
        self.owner_pid: int | None = None  # a thread does not survive a fork
        self.stopped = threading.Event()

    def current(self) -> int | None:
        """The version, or None when this process cannot vouch for it now."""
        if self.owner_pid != os.getpid():
            self.start()
        if self.clock() - self.synced_at > settings.CATALOG_VERSION_CACHE_SECONDS:
            return None
        return self.number

    def start(self) -> None:
        with self.lock:
            if self.owner_pid == os.getpid():
                return
            self.owner_pid = os.getpid()
            self.number, self.synced_at = None, float("-inf")
            threading.Thread(
                target=self.listen_forever, name="catalog-version", daemon=True
            ).start()

    def heard(self, number: int) -> None:
        with self.lock:  # versions only grow: a late message of an older one is ignored
            self.number = number if self.number is None else max(self.number, number)

    def resync(self) -> None:
        try:
            number = self.read_version()
        finally:
            connections.close_all()  # this thread's own: back to the pool at once
        with self.lock:
            self.number = number if self.number is None else max(self.number, number)
            self.synced_at = self.clock()

    def stop(self) -> None:
        """End the listening thread (within a second)."""
        self.stopped.set()

    def listen_forever(self) -> None:
        while not self.stopped.is_set():
            try:
                self.listen()
            except Exception:
                logger.warning("The catalog version feed broke; reconnecting.", exc_info=True)
            self.synced_at = float("-inf")
            self.stopped.wait(RETRY_SECONDS)

    def listen(self) -> None:
        pubsub = self.client().pubsub(ignore_subscribe_messages=True)
        try:
            pubsub.subscribe(self.channel)
            # Subscribed first, read second: nothing published in between is missed.
            while pubsub.get_message(timeout=1.0) is None and not pubsub.subscribed:
                pass
            self.resync()
            interval = settings.CATALOG_VERSION_CACHE_SECONDS / 2
            while not self.stopped.is_set():
                message = pubsub.get_message(timeout=1.0)
                if message is not None and message["type"] == "message":
                    self.heard(int(message["data"]))
                if self.clock() - self.synced_at > interval:
                    self.resync()
        finally:
            pubsub.close()


class LocalPages:
    """Pages kept in this process's memory, the least recently used dropped past
    `max_bytes`; each entry is the page cache's (version, status, headers, content)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> tuple | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != version:
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])
