"""The models list (`/models/`): the published models the filter form asks for, sorted as
it asks, one page of them at a time."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from catalog.formatting import (
    MISSING,
    compact_tokens,
    partial_date,
    plural,
    price_per_million,
)
from catalog.forms import (
    DEFAULT_SORT,
    SORT_ANNOTATIONS,
    ModelFilterForm,
    filter_models,
    narrow_models,
    order_models,
)
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import LanguageModel, catalog_changed_at
from presentation.responses import latest
from presentation.seo import PageMeta

# Rows per page. A full page is about 50 KB of HTML (rows of `tests.builders.add_models`;
# the tests keep it under 150 KB), where the whole list of 3,000 models was 1.3 MB.
PAGE_SIZE = 100


@dataclass(frozen=True)
class ModelRow:
    name: str
    url: str
    organization: str
    released: str
    context_window: str
    cheapest_output: str
    list_output: str  # the maker's list price for output (catalog/pricing.py)
    openness: str
    capabilities: str
    lifecycle: LifecycleBadge | None = None
    slug: str = ""  # what the row's tick puts in a comparison of the ticked models


@dataclass(frozen=True)
class PageLink:
    """A link among the page links; a gap ("…") has no number and no URL."""

    label: str
    number: int | None = None
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    """The links from the page shown to the others; every URL keeps the query but its page."""

    previous_url: str
    next_url: str
    links: list[PageLink]


@dataclass(frozen=True)
class ModelListPage:
    rows: list[ModelRow]
    meta: PageMeta
    # The latest change among the rows and the catalog; None for a form with errors,
    # whose answer is about the query, not a copy of the page to keep.
    last_modified: datetime | None
    count: int = 0  # the models that match, on every page
    heading: str = ""
    pagination: Pagination | None = None  # None when one page holds every match


def model_rows(models, today: date | None = None) -> list[ModelRow]:
    """One row per model loaded through `LanguageModelQuerySet.for_listing()`."""
    today = today or timezone.localdate()
    return [
        ModelRow(
            name=model.name,
            url=model.get_absolute_url(),
            organization=model.organization.name,
            released=partial_date(model.released_on, model.released_precision),
            context_window=compact_tokens(model.context_window),
            cheapest_output=price_per_million(model.cheapest_output),
            list_output=price_per_million(model.list_output),
            openness=model.get_openness_display() or MISSING,
            capabilities=", ".join(support.capability.name for support in model.supported)
            or MISSING,
            lifecycle=lifecycle_badge(model.retires_on, model.is_deprecated, today),
            slug=model.slug,
        )
        for model in models
    ]


class ListingPaginator(Paginator):
    """Pages the sorted, annotated rows of the list, but counts `matches`, the same models
    without the annotations: those join every route and score of every model, which a
    count does not need."""

    def __init__(self, rows: QuerySet, matches: QuerySet, per_page: int):
        super().__init__(rows, per_page)
        self.matches = matches

    @cached_property
    def count(self) -> int:
        return self.matches.count()


def as_query(data: Mapping[str, Any]) -> QueryDict:
    """A form's data as a query string: the request's own, or a dict made into one."""
    if isinstance(data, QueryDict):
        return data
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
    return query


def page_url(query: QueryDict, number: int, path: str = "") -> str:
    """The list at `path` (the models list's by default) at page `number`, with every other
    parameter of `query` as it is (the filters and the sort); page 1 is the list's own
    address, with no page parameter."""
    query = query.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = str(number)
    path = path or reverse("catalog:model_list")
    return f"{path}?{query.urlencode()}" if query else path


def pagination(page: Page, query: QueryDict, path: str = "") -> Pagination | None:
    """The links from `page` to the other pages of its list (at `path`: the models list's
    by default); None for a single page."""
    paginator = page.paginator
    if paginator.num_pages == 1:
        return None
    links = [
        PageLink(
            label=str(number),
            number=number,
            url=page_url(query, number, path),
            current=number == page.number,
        )
        if isinstance(number, int)
        else PageLink(label=str(number))
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return Pagination(
        previous_url=page_url(query, page.number - 1, path) if page.has_previous() else "",
        next_url=page_url(query, page.number + 1, path) if page.has_next() else "",
        links=links,
    )


def results_heading(count: int, filtered: bool, page: Page | None = None) -> str:
    """ "312 models match the filters", "3,000 models"; with ", showing 101–200" when
    the matches take more than one page."""
    if filtered:
        heading = f"{plural(count, 'model')} {'matches' if count == 1 else 'match'} the filters"
    else:
        heading = plural(count, "model")
    if page is not None and page.paginator.num_pages > 1:
        first, last = page.start_index(), page.end_index()
        heading += f", showing {first:,}" if first == last else f", showing {first:,}–{last:,}"
    return heading


def is_plain_list(form: ModelFilterForm) -> bool:
    """The valid form asks for the whole catalog in the default order (a page aside)."""
    return not form.is_filtered and (form.cleaned_data.get("sort") or DEFAULT_SORT) == DEFAULT_SORT


def model_list_meta(
    form: ModelFilterForm, count: int, number: int = 1, page_count: int = 1
) -> PageMeta:
    list_path = reverse("catalog:model_list")
    if form.errors:
        return PageMeta(
            title="Models: check the filters",
            description="Some filter values are not valid: see the messages beside them.",
            canonical_path=list_path,
            indexable=False,
        )
    if form.is_filtered:
        title = f"Models: {plural(count, 'match', 'matches')} for your filters"
    else:
        title = "Models: specs, prices, and capabilities"
    if number > 1:
        title += f", page {number:,} of {page_count:,}"
    # Filtered and sorted views are shareable, but they are views of this one list. A
    # later page of the plain list is not: it lists other models, so it is its own page.
    plain_later_page = number > 1 and is_plain_list(form)
    return PageMeta(
        title=title,
        description=(
            f"{plural(count, 'large language model')} side by side: context window, cheapest "
            "output price, openness, and capabilities, filterable by provider and price."
        ),
        canonical_path=page_url(QueryDict(), number) if plain_later_page else list_path,
    )


def read_model_list(form: ModelFilterForm) -> ModelListPage:
    """The page of the list the (bound) filter form asks for; none when the form has
    errors. A page past the last raises `InvalidPage` (`EmptyPage`).

    A constant number of queries for any catalog: the count of matches, the page's rows,
    their capabilities, and the catalog's latest change.
    """
    if not form.is_valid():
        return ModelListPage(rows=[], meta=model_list_meta(form, 0), last_modified=None)
    filters = form.cleaned_data
    # The page's models are picked by their keys alone (the price sort needs the cheapest
    # price, the others no annotation); only those are read with all the row shows, in
    # the same query, as a subquery: the annotations join every route and score of a
    # model, which must not be done for every model of the catalog.
    keys = LanguageModel.objects.published()
    annotation = SORT_ANNOTATIONS.get(filters.get("sort") or "")
    if annotation:
        keys = getattr(keys, annotation)()
    paginator = ListingPaginator(
        rows=filter_models(keys, filters).values("pk"),
        matches=narrow_models(LanguageModel.objects.published(), filters),
        per_page=PAGE_SIZE,
    )
    page = paginator.page(filters.get("page") or 1)
    shown = LanguageModel.objects.for_listing().with_last_modified()
    models = list(order_models(shown.filter(pk__in=page.object_list), filters))
    stamps = [model.last_modified for model in models]
    return ModelListPage(
        rows=model_rows(models),
        meta=model_list_meta(form, paginator.count, page.number, paginator.num_pages),
        last_modified=latest([*stamps, catalog_changed_at()]),
        count=paginator.count,
        heading=results_heading(paginator.count, form.is_filtered, page),
        pagination=pagination(page, as_query(form.data)),
    )
