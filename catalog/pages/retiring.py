"""What retires soon (`/retiring/`): the published models and the active routes of published
models whose stated retirement day falls in the next `WINDOW_DAYS` days, and those that
retired in the last `WINDOW_DAYS`, each with its day, the days left (or since), whether it
is deprecated and, for a route, its provider.

A record retires on its day: on that day it is retired (as everywhere on the site), so
"coming" is after today and up to `WINDOW_DAYS` ahead, "retired" is today and the
`WINDOW_DAYS` before.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.urls import reverse
from django.utils import timezone

from catalog.feeds import route_link, start_of
from catalog.formatting import plural, tier_name
from catalog.models import LanguageModel, Route, catalog_changed_at
from presentation.responses import latest
from presentation.seo import PageMeta

WINDOW_DAYS = 90


@dataclass(frozen=True)
class RetiringRow:
    name: str  # the model
    url: str  # its page, or the route's
    provider: str  # "" for a model
    tier: str  # a route's tier, "" for the standard one or a model
    retires_on: str  # YYYY-MM-DD
    days: str  # "in 12 days", "tomorrow", "today", "3 days ago"
    deprecated: str  # "Yes" / "Not stated"


@dataclass(frozen=True)
class RetiringPage:
    coming: list[RetiringRow]
    retired: list[RetiringRow]
    window_days: int
    today: str
    meta: PageMeta
    last_modified: datetime | None


def days_text(day: date, today: date) -> str:
    """How far `day` is from `today`: "in 12 days", "tomorrow", "today", "1 day ago"."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 0:
        return f"in {plural(delta, 'day')}"
    return f"{plural(-delta, 'day')} ago"


def window(today: date) -> tuple[date, date]:
    """The first and last retirement days the page shows (retired since, coming until)."""
    return today - timedelta(days=WINDOW_DAYS), today + timedelta(days=WINDOW_DAYS)


def retiring_row(record: Any, today: date) -> RetiringRow:
    """A model, or a route with its model and provider loaded, that states a day."""
    if isinstance(record, Route):
        model, provider = record.model, record.provider.name
        tier = tier_name(record.service_mode, record.context_above)
        url = route_link(model.slug, record.provider.slug)
    else:
        model, provider, tier, url = record, "", "", record.get_absolute_url()
    return RetiringRow(
        name=model.name,
        url=url,
        provider=provider,
        tier=tier,
        retires_on=record.retires_on.isoformat(),
        days=days_text(record.retires_on, today),
        deprecated="Yes" if record.is_deprecated else "Not stated",
    )


def split_rows(records: Iterable[Any], today: date) -> tuple[list[RetiringRow], list[RetiringRow]]:
    """(coming, retired): coming soonest first; retired most recent first; a day's records
    by model name, then provider (a model before its routes)."""
    ordered = sorted(
        records,
        key=lambda record: (
            record.retires_on,
            record.model.name if isinstance(record, Route) else record.name,
            record.provider.name if isinstance(record, Route) else "",
            str(record),
        ),
    )
    coming = [retiring_row(record, today) for record in ordered if record.retires_on > today]
    retired = [retiring_row(record, today) for record in ordered if record.retires_on <= today]
    retired.sort(key=lambda row: row.retires_on, reverse=True)  # stable: names stay in order
    return coming, retired


def listing_changed_on(days: Iterable[date], today: date) -> date | None:
    """The latest day, up to `today`, on which a record with a retirement day in `days`
    entered the page, moved from coming to retired, or left it: the page's lastmod
    besides the records' own changes (the "days left" count, which moves every day, is
    not a change of what the page lists)."""
    moments = [
        moment
        for day in days
        for moment in (
            day - timedelta(days=WINDOW_DAYS),
            day,
            day + timedelta(days=WINDOW_DAYS + 1),
        )
        if moment <= today
    ]
    return max(moments, default=None)


def dated_models():
    return LanguageModel.objects.published().filter(retires_on__isnull=False)


def dated_routes():
    return Route.objects.public().filter(retires_on__isnull=False)


def read_retiring_page(today: date) -> RetiringPage:
    """The page as it reads on `today`: three queries whatever the catalog's size."""
    first, last = window(today)
    models = dated_models().filter(retires_on__range=(first, last))
    routes = (
        dated_routes().filter(retires_on__range=(first, last)).select_related("model", "provider")
    )
    coming, retired = split_rows([*models, *routes], today)
    return RetiringPage(
        coming=coming,
        retired=retired,
        window_days=WINDOW_DAYS,
        today=today.isoformat(),
        meta=PageMeta(
            title="Retiring soon: models and routes near their end",
            description=(
                f"Models and provider routes that retire in the next {WINDOW_DAYS} days, "
                f"with their dates and days left, and those retired in the last {WINDOW_DAYS}."
            ),
            canonical_path=reverse("catalog:retiring"),
        ),
        # The days left change at each midnight: the page is new every day.
        last_modified=latest([catalog_changed_at(), start_of(today)]),
    )


def retiring_lastmod(today: date) -> datetime | None:
    """The sitemap's lastmod of the page: the latest change of the catalog or of what the
    page lists (a record entering, retiring, leaving), in three queries."""
    days = {
        day
        for records in (dated_models(), dated_routes())
        for day in records.order_by().values_list("retires_on", flat=True).distinct()
    }
    changed_on = listing_changed_on(days, today)
    return latest([catalog_changed_at(), start_of(changed_on) if changed_on else None])


def retiring_last_changed() -> datetime | None:
    """`retiring_lastmod` as of the site's today (the sitemap's pages section)."""
    return retiring_lastmod(timezone.localdate())
