"""What counts as the database being unavailable: the 503 page and the page cache's stale
copies answer for it (config/views.py, config/page_cache.py)."""

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

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


def restart_a_failing_pool(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """After a failure to get a connection: if the alias's pool has no connection free and
    its attempts to connect have failed (the database went away, not merely busy), close
    it, so that the next request starts a new pool that connects at once, instead of
    waiting out the old pool's growing delays between reconnection attempts (seconds after
    an outage of a minute). Whether it was closed."""
    connection = connections[alias]
    # Django keeps the pools by alias; read it without creating one (`pool` would).
    pool = getattr(type(connection), "_connection_pools", {}).get(alias)
    if pool is None:
        return False
    stats = pool.get_stats()
    if stats.get("pool_available", 0) or not stats.get("connections_errors", 0):
        return False  # a connection is free, or none failed: busy, not gone
    connection.close_pool()
    return True
