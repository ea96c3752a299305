"""What a change to the catalog sets moving: the catalog version, the versions of the
keys it touched, and the similar-models ranking's refresh.

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
says what changed (to the page cache's copies of the key versions, and the CDN).
"""

import logging
import zlib
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.db.models import F, Max
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone

from catalog.dependencies import (
    ALL,
    parent_attnames,
    record_key,
    record_loaded,
    set_key,
    written_keys,
)
from catalog.models import (
    CatalogState,
    DecisionTag,
    KeyVersion,
    LanguageModel,
    ModelCapability,
)
from catalog.signals import changes_committed, rows_changed

logger = logging.getLogger(__name__)

STATE_PK = 1
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

# What the similar-models ranking reads: a model's name, release date and publication,
# its capabilities and its decision tags.
RANKED = (LanguageModel, ModelCapability)


@dataclass
class Pending:
    """The changes of a deferred block, stamped at its end."""

    keys: set[str] = field(default_factory=set)
    similar: bool = False


_deferred: ContextVar[Pending | None] = ContextVar("catalog_changes_deferred", default=None)


def slot_of(key: str) -> int:
    """The key's row of `KeyVersion` (0 is never a key's: the page cache's copies keep
    the catalog version there)."""
    return zlib.crc32(key.encode()) % (SLOTS - 1) + 1


def slots_of(keys: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({slot_of(key) for key in keys}))


def catalog_version() -> int:
    """The catalog's version: a page rendered after reading it shows at least this."""
    row = CatalogState.objects.filter(pk=STATE_PK).values_list("version", flat=True).first()
    return row or 0


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


def catalog_changed(keys: Iterable[str], similar: bool = False) -> None:
    """Move the catalog version on and stamp `keys` (and `ALL`) with it (or, inside
    `changes_deferred()`, note them for its end); `similar`: the change may also reorder
    the similar-models ranking."""
    pending = _deferred.get()
    if pending is not None:
        pending.keys.update(keys)
        pending.similar |= similar
        return
    keys = {ALL, *keys}
    updates = {"version": F("version") + 1, "changed_at": timezone.now()}
    if similar:
        updates["similar_stale"] = True
    if not CatalogState.objects.filter(pk=STATE_PK).update(**updates):
        CatalogState.objects.get_or_create(
            pk=STATE_PK, defaults={"version": 1, "similar_stale": True}
        )
    # The row is this transaction's until it commits: no other writer moves it meanwhile.
    version = catalog_version()
    KeyVersion.objects.bulk_create(
        [KeyVersion(slot=slot, version=version) for slot in slots_of(keys)],
        update_conflicts=True,
        unique_fields=["slot"],
        update_fields=["version"],
    )
    # Said once the transaction commits (at once outside one); gone with it if it rolls back.
    transaction.on_commit(partial(publish, version, frozenset(keys)), robust=True)
    if similar:
        schedule_similar_refresh()


def enqueue_similar_refresh():
    from catalog.similar import refresh_similar  # the ranking reads this module's state

    refresh_similar.enqueue()


def schedule_similar_refresh():
    """Queue the ranking's refresh once the transaction commits."""
    once_on_commit(enqueue_similar_refresh)


def once_on_commit(callback):
    """`callback` once the transaction commits: once per transaction, however many of its
    changes ask (at once outside a transaction)."""
    connection = transaction.get_connection()
    if any(queued is callback for _, queued, _ in connection.run_on_commit):
        return
    transaction.on_commit(callback, robust=True)


@contextmanager
def changes_deferred():
    """Collect the changes made inside into one move of the version, at the end (only
    when the block ends without an exception: a failed run changed nothing)."""
    if _deferred.get() is not None:  # already deferred by an outer block
        yield
        return
    pending = Pending()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending.keys:
        catalog_changed(pending.keys, similar=pending.similar)


def record_changed(sender, instance, **kwargs):
    catalog_changed(written_keys(sender, [instance]), similar=issubclass(sender, RANKED))


def rows_written(sender, rows, pks, **kwargs):
    """A bulk write's records: read back for their parents when only their keys are
    known (an `update()`)."""
    if rows is None:
        rows = sender._default_manager.filter(pk__in=pks).values("pk", *parent_attnames(sender))
    catalog_changed(written_keys(sender, rows), similar=issubclass(sender, RANKED))


def tags_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """A model's decision tags: the set of its tags, or, from a tag's side, the tag (which
    every page showing it loaded); and the ranking."""
    if action.startswith("post_"):
        if reverse:
            keys = {record_key(DecisionTag, instance.pk)}
        else:
            keys = {set_key(sender, "languagemodel", instance.pk)}
        catalog_changed(keys, similar=True)


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
