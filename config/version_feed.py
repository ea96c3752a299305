"""The key versions, pushed to every process by Redis, so that a cached page costs no
round trip at all.

Where the cache is a Redis shared by every process (CATALOG_VERSION_CACHE_SECONDS > 0),
each commit that changed the catalog publishes its version and the slots it stamped
(catalog/changes.py) on a Redis channel. Each process keeps a thread subscribed to it,
which holds a copy of the key versions (config/key_versions.py); the page cache then
finds a page in the process's own memory (`LocalPages`) and checks it against that copy
without asking anyone, and asks Redis only for a page this process has not kept.

When the thread knows nothing for sure (it has not subscribed yet, its connection broke,
or it has not caught up with the database within CATALOG_VERSION_CACHE_SECONDS),
`current()` says None and the page cache reads the versions from the database. The
catching up, every few seconds, bounds what a lost message could cost (a change whose
publication failed while the subscribers stayed connected) by those seconds.
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


def publish(number: int, slots, channel: str = CHANNEL) -> None:
    redis_client().publish(channel, " ".join(map(str, (number, *slots))))


class VersionFeed:
    """The key versions as this process heard them (see the module's docstring)."""

    def __init__(self, read_since, client=redis_client, clock=time.monotonic, channel=CHANNEL):
        # (version) -> (the catalog version, [(slot, version) of the slots changed since])
        self.read_since = read_since
        self.slots: dict[int, int] = {}
        self.client = client
        self.channel = channel
        self.time = clock
        self.number: int | None = None
        self.synced_at = float("-inf")
        self.lock = threading.Lock()
        self.owner_pid: int | None = None  # a thread does not survive a fork
        self.stopped = threading.Event()

    def current(self) -> int | None:
        """The catalog version, or None when this process cannot vouch for its copy now."""
        if self.owner_pid != os.getpid():
            self.start()
        if self.time() - self.synced_at > settings.CATALOG_VERSION_CACHE_SECONDS:
            return None
        return self.number

    def start(self) -> None:
        with self.lock:
            if self.owner_pid == os.getpid():
                return
            self.owner_pid = os.getpid()
            self.number, self.synced_at, self.slots = None, float("-inf"), {}
            threading.Thread(
                target=self.listen_forever, name="catalog-version", daemon=True
            ).start()

    def clock(self) -> int:
        return self.number or 0

    def newest(self, slots) -> int:
        known = self.slots
        return max((known.get(slot, 0) for slot in slots), default=0)

    def heard(self, number: int, slots=()) -> None:
        with self.lock:  # versions only grow: a late message of an older one is ignored
            for slot in slots:
                if self.slots.get(slot, 0) < number:
                    self.slots[slot] = number
            if self.number is not None:
                self.number = max(self.number, number)

    def resync(self) -> None:
        try:
            number, changed = self.read_since(self.number or 0)
        finally:
            connections.close_all()  # this thread's own: back to the pool at once
        with self.lock:
            for slot, version in changed:
                if self.slots.get(slot, 0) < version:
                    self.slots[slot] = version
            self.number = number if self.number is None else max(self.number, number)
            self.synced_at = self.time()

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
                    number, *slots = map(int, message["data"].split())
                    self.heard(number, slots)
                if self.time() - self.synced_at > interval:
                    self.resync()
        finally:
            pubsub.close()


class LocalPages:
    """Pages kept in this process's memory, the least recently used dropped past
    `max_bytes`; each entry is the page cache's `Entry`."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry) -> None:
        size = len(entry.content)
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old.content)
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped.content)
