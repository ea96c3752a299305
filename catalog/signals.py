"""The catalog's own signals: a leaf module, which imports nothing of the catalog, so
that the models can send them and any layer above can listen."""

from django.dispatch import Signal

# A bulk write (`update()`, `bulk_create()`, `bulk_update()`) changed records of `sender`,
# as post_save says of one save: `rows`, the records written (or, for `update()`, None
# and `pks`, their primary keys).
rows_changed = Signal()

# A transaction that changed the catalog committed: `version`, the catalog version it
# reached, and `keys`, what it changed (catalog/dependencies.py). The page cache
# listens: the domain never calls it.
changes_committed = Signal()
