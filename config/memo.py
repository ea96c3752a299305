"""Plain data the pages build from the catalog (a model's facts, the capabilities, the
traffic defaults), kept in each process's memory between requests, as the page cache keeps
pages: with the keys it read and the catalog version read before building it, and used
while none of those keys is newer (config/page_cache.py tells the story). A model's facts
are read by every pair page it is in: a crawler's 2,000 pairs of 864 models read each
model's facts once, not 5 times.

On where the page cache is (PAGE_CACHE), in the same process for every thread; a page
built from a kept value depends on the value's keys, as if it had read them itself.
"""

import threading
from collections import OrderedDict
from typing import Any, NamedTuple

from django.conf import settings
from django.utils import timezone

from catalog.changes import slots_of
from catalog.dependencies import depends_on, recording


class Kept(NamedTuple):
    version: int
    slots: tuple[int, ...]
    keys: frozenset[str]
    value: Any


class Memo:
    """The least recently used of `max_entries` values dropped first."""

    def __init__(self, versions, max_entries: int = 4096):
        self.versions = versions  # () -> where the key versions are read (page_cache.versions)
        self.max_entries = max_entries
        self.entries: OrderedDict[str, Kept] = OrderedDict()
        self.lock = threading.Lock()

    def active(self) -> bool:
        return settings.PAGE_CACHE

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def __call__(self, key: str, build):
        if not self.active():
            return build()
        source = self.versions()
        # A value depends on the day (a route retires at a date) and the deployed code.
        name = f"{settings.PAGE_CACHE_RELEASE}:{timezone.localdate().isoformat()}:{key}"
        with self.lock:
            kept = self.entries.get(name)
            if kept is not None:
                self.entries.move_to_end(name)
        if kept is not None and source.newest(kept.slots) <= kept.version:
            depends_on(*kept.keys)
            return kept.value
        version = source.clock()  # before building: the value shows at least this
        with recording() as read:
            value = build()
        depends_on(*read.keys)
        if value is not None:  # nothing found names no key: never kept
            kept = Kept(version, slots_of(read.keys), frozenset(read.keys), value)
            with self.lock:
                self.entries[name] = kept
                self.entries.move_to_end(name)
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)
        return value
