"""Page-number pages of any sequence (a queryset or a list), with the envelope the API
answers: `count`, `next`, `previous` and `results`."""

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from ninja import Field, Schema

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500


class Paging(Schema):
    page: int = Field(1, ge=1, description="The page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Records per page, at most {MAX_PAGE_SIZE}.",
    )


class NoSuchPage(LookupError):
    """A page number past the last page."""


def page_url(path: str, query: dict[str, Any], number: int | None) -> str | None:
    """`path` with `query` and `page=number` (None: no such page)."""
    if number is None:
        return None
    return f"{path}?{urlencode({**query, 'page': str(number)}, doseq=True)}"


def paginate(
    items: Sequence[Any],
    paging: Paging,
    build: Callable[[Any], dict[str, Any]],
    path: str,
    query: dict[str, Any],
) -> dict[str, Any]:
    """Page `paging.page` of `items`, each made a record by `build`, with links to its
    neighbours (absolute `path` with the request's `query`). A page past the last is
    `NoSuchPage`; an empty list still has its page 1."""
    paginator = Paginator(items, paging.page_size)
    try:
        page = paginator.page(paging.page)
    except EmptyPage as error:
        raise NoSuchPage(
            f"There is no page {paging.page}: at {paging.page_size} records a page, "
            f"the last page is {paginator.num_pages}."
        ) from error
    return {
        "count": paginator.count,
        "next": page_url(path, query, page.next_page_number() if page.has_next() else None),
        "previous": page_url(
            path, query, page.previous_page_number() if page.has_previous() else None
        ),
        "results": [build(item) for item in page.object_list],
    }
