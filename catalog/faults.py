"""What counts as the database being unavailable: the 503 page and the page cache's stale
copies answer for it (catalog/views.py, catalog/page_cache.py)."""

from django.db import InterfaceError, OperationalError

# How long a reader is asked to wait before trying again (Retry-After).
RETRY_AFTER_SECONDS = 30


def database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) says the database cannot be reached or gave no
    connection in time: Django's OperationalError and InterfaceError, which wrap
    psycopg's (the pool's timeout among them) and SQLite's "database is locked"."""
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False
