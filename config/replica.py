"""A read replica for the public pages (DATABASE_REPLICA_URL): the database router, and
the middleware that says which requests may read from it.

Only an anonymous GET or HEAD outside the admin reads from the replica: a public page,
which shows what was committed (a replica may lag the primary by a moment; the page
cache's version is read there too, so a page and its version always come from the same
copy). Everything else reads and writes the primary: the admin, every form an editor
posts, a catalog sync and any command, so that an editor always sees what was just
saved. Without DATABASE_REPLICA_URL there is no "replica" alias and this router sends
everything to the primary.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property

from django.db import connections
from django.urls import reverse

from config.page_cache import is_anonymous_read

REPLICA = "replica"
PRIMARY = "default"

_public_read: ContextVar[bool] = ContextVar("public_read", default=False)


@contextmanager
def reading_from_replica():
    """Reads inside go to the replica, when there is one."""
    token = _public_read.set(True)
    try:
        yield
    finally:
        _public_read.reset(token)


class ReplicaRouter:
    """Public reads to the replica, everything else to the primary."""

    def db_for_read(self, model, **hints):
        if _public_read.get() and REPLICA in connections.settings:
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies of it

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica follows the primary: never migrated itself


class ReplicaReadsMiddleware:
    """Marks a public read (anonymous GET or HEAD outside the admin) for the router."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def __call__(self, request):
        if not is_anonymous_read(request) or request.path.startswith(self.admin_prefix):
            return self.get_response(request)
        with reading_from_replica():
            return self.get_response(request)
