"""Where the page cache reads the key versions (catalog/changes.py): from the database,
or from a copy that costs no query.

The database holds them, written with the catalog in the writer's transaction: reading
them there (one query per page served, `DATABASE`) is right wherever the pages are served
from, a read replica included (the versions replicate with the data they stamp).

A copy is quicker, and it is right only where every write reaches it when it commits:

- `FileVersions`, for one machine (the embedded default: SQLite, a cache in each
  process's memory): a file every process maps into memory, into which each commit
  writes the versions it stamped (`changes_committed`). A hit reads a few words of
  memory.
- The Redis feed (config/version_feed.py), for several machines: each commit publishes
  its versions on a channel every process listens to.

A copy that cannot vouch for itself (a writer that died between its commit and its
copy, a writer on another machine) catches up from the database every
PAGE_CACHE_RESYNC_SECONDS: what such a write can cost is bounded by those seconds.
"""

import fcntl
import hashlib
import logging
import mmap
import os
import tempfile
import threading
import time
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from catalog.changes import SLOTS, catalog_version, newest_version, versions_since

logger = logging.getLogger(__name__)

WORD = 4  # bytes: an unsigned 32-bit version (the catalog's versions count its commits)


class DatabaseVersions:
    """The versions as the database holds them: one query each."""

    def clock(self) -> int:
        return catalog_version()

    def newest(self, slots: Iterable[int]) -> int:
        return newest_version(slots)


DATABASE = DatabaseVersions()


class FileVersions:
    """The key versions in a file mapped into every process's memory (32 MB, written
    sparsely): word 0 is the catalog version, word `slot` the version of that slot (see
    the module's docstring).

    Words are written under an exclusive lock on the file, and only ever grow; a reader
    reads them without a lock (an aligned word is written whole)."""

    def __init__(self, path: Path, resync_seconds: float, clock=time.monotonic):
        self.path = Path(path)
        self.resync_seconds = resync_seconds
        self.clock_time = clock
        self.synced_at = float("-inf")
        self.lock = threading.Lock()
        self.owner_pid: int | None = None
        self.words = None
        self.file = None

    def open(self) -> None:
        """Map the file (created zeroed if missing) into this process (again after a fork)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        self.file = os.fdopen(descriptor, "r+b")
        with self.exclusive():
            if os.fstat(descriptor).st_size != SLOTS * WORD:
                os.ftruncate(descriptor, SLOTS * WORD)
        self.words = memoryview(mmap.mmap(descriptor, SLOTS * WORD)).cast("I")
        self.owner_pid = os.getpid()
        self.synced_at = float("-inf")

    @contextmanager
    def exclusive(self):
        """The file's lock, for a writer: readers take none."""
        fcntl.flock(self.file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self.file, fcntl.LOCK_UN)

    def ready(self) -> None:
        if self.owner_pid != os.getpid():
            with self.lock:
                if self.owner_pid != os.getpid():
                    self.open()
        if self.clock_time() - self.synced_at > self.resync_seconds:
            self.resync()

    def clock(self) -> int:
        self.ready()
        return self.words[0]

    def newest(self, slots: Iterable[int]) -> int:
        self.ready()
        words = self.words
        return max((words[slot] for slot in slots), default=0)

    def changed(self, version: int, slots: Iterable[int]) -> None:
        self.ready()
        with self.exclusive():
            self.write(version, slots)

    def write(self, version: int, slots: Iterable[int]) -> None:
        words = self.words
        for slot in slots:
            if words[slot] < version:
                words[slot] = version
        if words[0] < version:  # the slots first: a reader of the new clock finds them
            words[0] = version

    def resync(self) -> None:
        """Catch up with the database: the slots changed since the file's version; a file
        ahead of the database (a database replaced under it) is emptied first."""
        self.synced_at = self.clock_time()
        try:
            current = catalog_version()
            with self.exclusive():
                if self.words[0] > current:
                    logger.warning("The key versions' file is ahead of the database: reset.")
                    self.words[:] = memoryview(bytes(SLOTS * WORD)).cast("I")
                if self.words[0] < current:
                    for slot, version in versions_since(self.words[0]):
                        self.write(version, (slot,))
                    self.write(current, ())
        except Exception:
            logger.warning("The key versions could not be read from the database.", exc_info=True)


def file_path() -> Path:
    """The file of the default database: two databases never share one."""
    configured = settings.PAGE_CACHE_KEY_VERSIONS_FILE
    name = str(settings.DATABASES["default"]["NAME"])
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    return Path(configured or Path(tempfile.gettempdir()) / f"llmref-key-versions-{digest}")


FILE = FileVersions(file_path(), settings.PAGE_CACHE_RESYNC_SECONDS)
