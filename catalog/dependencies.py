"""What a public page depends on, and what a write changes: the catalog's cache keys.

The page cache (config/page_cache.py) keeps a page until a write changes something it
shows. It learns both sides from here, as warehouse's origin cache learns them from its
domain: the domain names the keys, the cache layer records and purges them, and no
domain code ever calls the cache.

The keys, at three grains, for a record of a shown model (`Route` is "route"):

- `route=12`: the record. Every record a page loads through the ORM is recorded at
  once (a `post_init` receiver, while a page is being recorded), so a page that showed a
  record is purged when it changes or goes.
- `route.model=7`: the records of one parent, as a set. A page that lists a parent's
  records (a model's routes) declares it (`depends_on`), since a record added to the set
  was never loaded by the page: a write purges the set keys of the parents it has now
  (the parents it had were loaded by the pages that showed it, as records).
- `route`: the whole table, for a page that reads it other than by record or by parent
  (featured pairs: "is this pair featured?").

`catalog`: every page that does not say what it shows depends on everything (the lists,
the home page, the sitemaps, the feeds): every write purges it. Only pages that call
`precise()` are kept across unrelated writes; they must declare every set and table they
read beyond the records they load.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db.models import Model

ALL = "catalog"

# The parents whose record sets a page reads, per model: a write purges these sets' keys.
SET_FIELDS = {
    "catalog.route": ("model", "provider"),
    "catalog.modelcapability": ("model",),
    "catalog.benchmarkscore": ("model", "benchmark"),
    "catalog.languagemodel": ("family", "organization"),
    "catalog.similarmodel": ("model",),
    "catalog.languagemodel_decision_tags": ("languagemodel",),
}


def table_key(model: type[Model]) -> str:
    return model._meta.model_name


def record_key(model: type[Model], pk) -> str:
    return f"{model._meta.model_name}={pk}"


def set_key(model: type[Model], parent_field: str, parent_pk) -> str:
    return f"{model._meta.model_name}.{parent_field}={parent_pk}"


def written_keys(model: type[Model], rows: Iterable) -> set[str]:
    """What a write of `rows` (records of `model`, or dicts of their fields) changes: each
    record, the sets of its parents, the table, and everything."""
    fields = SET_FIELDS.get(model._meta.label_lower, ())
    attnames = [model._meta.get_field(name).attname for name in fields]
    keys = {ALL, table_key(model)}
    for row in rows:
        value = row.get if isinstance(row, dict) else lambda name, row=row: getattr(row, name)
        if (pk := value("pk")) is not None:
            keys.add(record_key(model, pk))
        for name, attname in zip(fields, attnames, strict=True):
            if (parent := value(attname)) is not None:
                keys.add(set_key(model, name, parent))
    return keys


def parent_attnames(model: type[Model]) -> list[str]:
    """The columns `written_keys` reads of a row besides its primary key."""
    fields = SET_FIELDS.get(model._meta.label_lower, ())
    return [model._meta.get_field(name).attname for name in fields]


@dataclass
class Dependencies:
    """The keys a page being rendered has shown so far."""

    keys: set[str] = field(default_factory=set)
    precise: bool = False

    def final(self) -> frozenset[str]:
        """The page's keys: what it recorded if it said it is precise, else everything."""
        return frozenset(self.keys) if self.precise else frozenset({ALL})


_current: ContextVar[Dependencies | None] = ContextVar("page_dependencies", default=None)


@contextmanager
def recording() -> Iterator[Dependencies]:
    """Record what the code inside shows (the page cache wraps each render in it)."""
    dependencies = Dependencies()
    token = _current.set(dependencies)
    try:
        yield dependencies
    finally:
        _current.reset(token)


def depends_on(*keys: str) -> None:
    """The page being rendered shows what these keys name (nothing outside a render)."""
    if (dependencies := _current.get()) is not None:
        dependencies.keys.update(keys)


def precise() -> None:
    """The page being rendered declares every set and table it reads beyond the records
    it loads: it is kept across writes that touch none of its keys."""
    if (dependencies := _current.get()) is not None:
        dependencies.precise = True


def record_loaded(sender, instance, **kwargs) -> None:
    """A `post_init` receiver: a record loaded while a page renders is shown by it."""
    if (dependencies := _current.get()) is not None and instance.pk is not None:
        dependencies.keys.add(record_key(sender, instance.pk))


# Plain data built from the catalog and kept between requests by the layer above (config/
# memo.py installs it where the page cache is on): `None` where nothing is kept.
_memo: Callable | None = None


def install_memo(memo: Callable | None) -> None:
    global _memo
    _memo = memo


def forget_memo() -> None:
    """Drop every kept value (a test's database rolled back under it)."""
    if _memo is not None:
        _memo.clear()


def memo_active() -> bool:
    return _memo is not None and _memo.active()


def memoized(key: str, build: Callable):
    """What `build()` returns, kept under `key` until a write touches what it read (its
    keys, recorded as it builds): the layer above keeps it, and the page being rendered
    depends on those keys all the same. Without a memo, built every time."""
    return build() if _memo is None else _memo(key, build)
