"""What a change to the catalog sets moving: the catalog version, and the similar-models
ranking's refresh.

Every write to a record a public page shows moves the catalog version on (one row,
`CatalogState`), in the writer's own transaction: the page cache keys pages by the
version (catalog/page_cache.py), so the request after a commit renders the page anew and
no reader ever gets a copy older than what it could read from the database. Saves and
deletes move it through the signals below; bulk writes (`update()`, `bulk_create()`: a
review, a sync, a merge) call `catalog_changed()` themselves. A long writer (a sync run)
wraps its work in `changes_deferred()`, which moves the version once, at its end, instead
of holding the row's lock from its first save.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from catalog import version_feed
from catalog.models import CatalogState, LanguageModel, ModelCapability

logger = logging.getLogger(__name__)

STATE_PK = 1
VERSION_CACHE_KEY = "catalog-version"

# Records whose change is no change of any public page: a sync's own bookkeeping, and
# this module's state. Everything else of the apps that call track_changes() is shown.
NOT_SHOWN = frozenset(
    {
        "catalog.catalogstate",
        "catalog.syncrun",
        "catalog.skippedinput",
        "catalog.sourceidentity",
        "catalog.routestatement",  # read through corroborated_by, which says so itself
        "catalog.proposedchange",
        "catalog.proposedmatch",
        "catalog.similarmodel",  # rewritten whole by a refresh, which says so itself
    }
)

# What the similar-models ranking reads: a model's name, release date and publication,
# its capabilities and its decision tags.
RANKED = (LanguageModel, ModelCapability)

_deferred: ContextVar[list[bool] | None] = ContextVar("catalog_changes_deferred", default=None)


class Version(NamedTuple):
    number: int
    changed_at: object  # a datetime; None before the catalog's first change


def catalog_version() -> Version:
    """The catalog's version and when it last moved: see `catalog_version_and`."""
    version, _ = catalog_version_and(None)
    return version


def catalog_version_and(key: str | None) -> tuple[Version, object]:
    """The catalog's version and when it last moved, and the cached value of `key` (None
    when it is not cached, or for no key), in as few round trips as can be.

    The version is read from the database (one primary-key read, where the router reads:
    the replica for a public page), or, where CATALOG_VERSION_CACHE_SECONDS allows it (a
    cache shared by every process, and no replica), from the cache, in the same request
    as `key`: each change deletes the cached copy once its transaction commits, and the
    copy lives that many seconds at most, in case a deletion could not reach the cache.
    A cache that fails is read as an empty one.
    """
    seconds = settings.CATALOG_VERSION_CACHE_SECONDS
    wanted = [name for name in (VERSION_CACHE_KEY if seconds else None, key) if name]
    try:
        found = cache.get_many(wanted) if wanted else {}
    except Exception:
        logger.warning("The cache could not be read.", exc_info=True)
        found = {}
    cached = found.get(VERSION_CACHE_KEY)
    if cached is not None:
        return Version(*cached), found.get(key)
    row = CatalogState.objects.filter(pk=STATE_PK).values_list("version", "changed_at").first()
    version = Version(*row) if row else Version(0, None)
    if seconds:
        try:
            cache.set(VERSION_CACHE_KEY, tuple(version), seconds)
        except Exception:
            logger.warning("The catalog version could not be cached.", exc_info=True)
    return version, found.get(key)


def publish_version():
    """Once a change has committed: the cached copy of the version replaced by the new
    one, which is published to every process's feed (catalog/version_feed.py)."""
    try:
        cache.delete(VERSION_CACHE_KEY)
        number = catalog_version().number
        if version_feed.enabled():
            version_feed.publish(number)
    except Exception:
        logger.warning("The new catalog version could not be published.", exc_info=True)


def catalog_changed(similar: bool = False) -> None:
    """Move the catalog version on (or, inside `changes_deferred()`, note that it must
    move at the end); `similar`: the change may also reorder the similar-models ranking."""
    pending = _deferred.get()
    if pending is not None:
        pending.append(similar)
        return
    updates = {"version": F("version") + 1, "changed_at": timezone.now()}
    if similar:
        updates["similar_stale"] = True
    if not CatalogState.objects.filter(pk=STATE_PK).update(**updates):
        CatalogState.objects.get_or_create(
            pk=STATE_PK, defaults={"version": 1, "similar_stale": True}
        )
    if settings.CATALOG_VERSION_CACHE_SECONDS:
        once_on_commit(publish_version)
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
    pending: list[bool] = []
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending:
        catalog_changed(similar=any(pending))


def record_changed(sender, **kwargs):
    catalog_changed(similar=issubclass(sender, RANKED))


def tags_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        catalog_changed(similar=True)


def track_changes(app_config):
    """Move the version on at each save or delete of the app's models (NOT_SHOWN aside):
    called from the ready() of each app whose records the public pages show. Connected
    per model, not for every sender: a receiver for a model makes Django delete its rows
    one by one, so the sync's own bookkeeping keeps its fast deletes."""
    for model in app_config.get_models():
        if model._meta.label_lower not in NOT_SHOWN:
            uid = f"catalog_changes_{model._meta.label_lower}"
            post_save.connect(record_changed, sender=model, dispatch_uid=f"{uid}_save")
            post_delete.connect(record_changed, sender=model, dispatch_uid=f"{uid}_delete")
    if app_config.label == "catalog":
        m2m_changed.connect(
            tags_changed,
            sender=LanguageModel.decision_tags.through,
            dispatch_uid="catalog_changes_tags",
        )
