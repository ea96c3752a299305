"""What a change to the catalog sets moving: the catalog version, and the versions of
the keys it touched.

Every write to a record a public page shows moves the catalog version on (one row,
`CatalogState`) and stamps the keys it touched (catalog/dependencies.py) with the new
version (`KeyVersion`, one row per slot of a key), in the writer's own transaction. A
page rendered at version V stays current while none of its keys is stamped later than V
(config/page_cache.py): a write that touched none of them leaves it cached, and a render
that read before a commit and was stored after it is never served, since the commit
stamped its keys later than the version it read.

Saves, deletes and bulk writes (catalog/signals.py's `rows_changed`) reach this module
through signals; a writer whose change has no record of its own (the similar-models
refresh) calls `catalog_changed(keys)`. A long writer (a sync run) wraps its work in
`changes_deferred()`, which stamps the keys once, at its end, instead of holding the
version's row lock from its first save. Once the transaction commits, `changes_committed`
says what changed: the page cache (config/page_cache.py) copies the key versions and
purges them at the CDN, and the similar-models ranking (catalog/similar.py) is refreshed
when a change may have moved it; neither is called from here.
"""

import logging
import zlib
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from catalog.dependencies import (
    ALL,
    parent_attnames,
    record_key,
    record_loaded,
    set_key,
    table_key,
    written_keys,
)
from catalog.models import (
    CatalogState,
    DecisionTag,
    KeyVersion,
    LanguageModel,
)
from catalog.signals import changes_committed, rows_changed

logger = logging.getLogger(__name__)

# How many slots the keys are hashed into: a page's few dozen keys and a route's save's
# eight share one by chance once in 20,000 pages, a sync's thousand keys once in 150.
SLOTS = 1 << 23

# Records whose change is no change of any public page: a sync's own bookkeeping, and
# this module's state. Everything else of the apps that call track_changes() is shown.
NOT_SHOWN = frozenset(
    {
        "catalog.catalogstate",
        "catalog.keyversion",
        "catalog.syncrun",
        "catalog.skippedinput",
        "catalog.sourceidentity",
        "catalog.routestatement",  # read through corroborated_by, which says so itself
        "catalog.proposedchange",
        "catalog.proposedmatch",
        "catalog.similarmodel",  # rewritten by a refresh, which says what it changed
        # Written with its route's save, whose keys name it; a sync's dated history says so.
        "catalog.historicalroute",
    }
)

_deferred: ContextVar[set[str] | None] = ContextVar("catalog_changes_deferred", default=None)


def slot_of(key: str) -> int:
    """The key's row of `KeyVersion` (0 is never a key's: the page cache's copies keep
    the catalog version there)."""
    return zlib.crc32(key.encode()) % (SLOTS - 1) + 1


def slots_of(keys: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({slot_of(key) for key in keys}))


def catalog_version() -> int:
    """The catalog's version: a page rendered after reading it shows at least this."""
    return CatalogState.objects.version()


def newest_version(slots: Iterable[int]) -> int:
    """The latest version at which any of `slots` changed (0: never), in one query."""
    found = KeyVersion.objects.filter(slot__in=list(slots)).aggregate(newest=Max("version"))
    return found["newest"] or 0


def versions_since(version: int) -> list[tuple[int, int]]:
    """(slot, version) of every slot changed after `version`: what a copy of the key
    versions that has seen `version` lacks."""
    return list(KeyVersion.objects.filter(version__gt=version).values_list("slot", "version"))


def publish(version: int, keys: frozenset[str]) -> None:
    changes_committed.send(sender=CatalogState, version=version, keys=keys)


def catalog_changed(keys: Iterable[str]) -> None:
    """Move the catalog version on and stamp `keys` (and `ALL`) with it, or, inside
    `changes_deferred()`, note them for its end."""
    pending = _deferred.get()
    if pending is not None:
        pending.update(keys)
        return
    keys = {ALL, *keys}
    version = CatalogState.objects.move_on()
    KeyVersion.objects.bulk_create(
        [KeyVersion(slot=slot, version=version) for slot in slots_of(keys)],
        update_conflicts=True,
        unique_fields=["slot"],
        update_fields=["version"],
    )
    # Said once the transaction commits (at once outside one); gone with it if it rolls back.
    transaction.on_commit(partial(publish, version, frozenset(keys)), robust=True)


@contextmanager
def changes_deferred():
    """Collect the changes made inside into one move of the version, at the end (only
    when the block ends without an exception: a failed run changed nothing)."""
    if _deferred.get() is not None:  # already deferred by an outer block
        yield
        return
    pending: set[str] = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending:
        catalog_changed(pending)


def record_changed(sender, instance, **kwargs):
    catalog_changed(written_keys(sender, [instance]))


def rows_written(sender, rows, pks, **kwargs):
    """A bulk write's records: read back for their parents when only their keys are
    known (an `update()`)."""
    if rows is None:
        rows = sender._default_manager.filter(pk__in=pks).values("pk", *parent_attnames(sender))
    catalog_changed(written_keys(sender, rows))


def tags_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """A model's decision tags: the set of its tags, or, from a tag's side, the tag (which
    every page showing it loaded)."""
    if action.startswith("post_"):
        if reverse:
            shown = record_key(DecisionTag, instance.pk)
        else:
            shown = set_key(sender, "languagemodel", instance.pk)
        catalog_changed([shown, table_key(sender)])


def track_changes(app_config):
    """Stamp the keys of each save, delete or bulk write of the app's models (NOT_SHOWN
    aside), and record the records a page loads: called from the ready() of each app
    whose records the public pages show. Connected per model, not for every sender: a
    receiver for a model makes Django delete its rows one by one, so the sync's own
    bookkeeping keeps its fast deletes."""
    for model in app_config.get_models():
        if model._meta.label_lower not in NOT_SHOWN:
            uid = f"catalog_changes_{model._meta.label_lower}"
            post_save.connect(record_changed, sender=model, dispatch_uid=f"{uid}_save")
            post_delete.connect(record_changed, sender=model, dispatch_uid=f"{uid}_delete")
            rows_changed.connect(rows_written, sender=model, dispatch_uid=f"{uid}_rows")
            post_init.connect(record_loaded, sender=model, dispatch_uid=f"{uid}_loaded")
    if app_config.label == "catalog":
        m2m_changed.connect(
            tags_changed,
            sender=LanguageModel.decision_tags.through,
            dispatch_uid="catalog_changes_tags",
        )
