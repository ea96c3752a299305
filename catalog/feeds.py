"""Atom feeds of what changes in the catalog (django.contrib.syndication): price changes,
new models and retirements for the whole site, and a model's own feed.

What an entry says is decided by pure functions (`price_change_entry`, `new_model_entry`,
`retirement_entry`) over rows the reads load in a fixed number of queries; the `Feed`
classes only hand them to Django's Atom writer. Only published models appear, and each
feed holds its latest `FEED_LIMIT` entries.

An entry's date (Atom `updated`) is what the data honestly says:

- a price change: the day it took effect where the sync's source dated it (the history
  record's `effective_on`), else when it was recorded (`history_date`);
- a new model: when it was added to the catalog (`created_at`); the catalog does not
  record when a model was published. Its release date is in the text where known;
- a retirement: when our record of it last changed (`updated_at`: the day its date was
  entered, or a later edit); the retirement day itself is in the title. The retirements
  feed holds the `FEED_LIMIT` latest retirement days, latest first: a newly announced
  retirement is usually the furthest off, and past ones stay below the coming ones until
  later ones push them out. A deprecation has no date, so it is said in the text of a
  dated retirement, never an entry of its own.

Entry ids are tag URIs made of the host and the records' ids, so an entry keeps its id
whatever its text; a retirement's id holds its day, so a moved date is a new entry.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import F, Max, Q, Window
from django.db.models.functions import Coalesce, Lag, TruncDate
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.html import escape
from django.utils.http import http_date

from catalog.formatting import local_day, partial_date, route_label, tier_name, usd_rate
from catalog.history import price_changes
from catalog.models import PRICE_FIELDS, LanguageModel, Route, catalog_changed_at

FEED_LIMIT = 50
# The date in every entry's tag URI (RFC 4151: a day the host was the site's): fixed, so
# that an id never changes.
TAG_DATE = "2026"
UNLISTED = "not listed"


@dataclass(frozen=True)
class FeedEntry:
    key: str  # unique within the site: "price-change/412", "model/7/added"…
    title: str
    link: str  # a path on the site
    summary: str  # plain text
    updated: datetime


# Pure: what an entry says.


def start_of(day: date) -> datetime:
    """A day as the moment it begins in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def price_text(price: Decimal | None) -> str:
    return UNLISTED if price is None else usd_rate(price)


def model_link(slug: str) -> str:
    return reverse("catalog:model_detail", args=[slug])


def route_link(model_slug: str, provider_slug: str) -> str:
    """The page of a model at one provider (every route there, active or not)."""
    return reverse("catalog:route_detail", args=[model_slug, provider_slug])


def route_subject(route: Any) -> str:
    """ "GPT-5 on OpenAI API (batch)": a route with its model and provider loaded."""
    return f"{route.model.name} on {route_label(route.provider.name, route.tier)}"


def price_change_entry(route: Any, record: Any, changes: Sequence[Any]) -> FeedEntry:
    """The entry of one save of `route`'s prices: `record` its history record (with
    `history_id`, `history_date`, `effective_on`), `changes` the PriceChanges it made."""
    moves = ", ".join(
        f"{change.label} {price_text(change.old)} → {price_text(change.new)}" for change in changes
    )
    subject = route_subject(route)
    if record.effective_on is not None:
        updated = start_of(record.effective_on)
        when = f"It took effect on {record.effective_on.isoformat()}, as its source dates it."
    else:
        updated = record.history_date
        when = f"Recorded on {local_day(record.history_date)}."
    return FeedEntry(
        key=f"price-change/{record.history_id}",
        title=f"{subject}: {moves} per 1M tokens",
        link=route_link(route.model.slug, route.provider.slug),
        summary=f"{subject}: {moves} per 1M tokens (USD). {when}",
        updated=updated,
    )


def new_model_entry(model: Any) -> FeedEntry:
    """A published model (with its organization loaded), dated when it was added."""
    released = (
        f"Released {partial_date(model.released_on, model.released_precision)}."
        if model.released_on
        else "Its release date is not listed."
    )
    return FeedEntry(
        key=f"model/{model.pk}/added",
        title=f"New model: {model.name} by {model.organization.name}",
        link=model_link(model.slug),
        summary=(
            f"{model.name} by {model.organization.name} was added to the catalog on "
            f"{local_day(model.created_at)}. {released}"
        ),
        updated=model.created_at,
    )


def retirement_text(subject: str, retires_on: date, deprecated: bool, today: date) -> str:
    """ "GPT-4o retires on 2026-03-31", "… retired on …", with "(deprecated)"."""
    verb = "retired" if retires_on <= today else "retires"
    text = f"{subject} {verb} on {retires_on.isoformat()}"
    return f"{text} (deprecated)" if deprecated else text


def retirement_entry(record: Any, today: date) -> FeedEntry:
    """A model or a route (with model and provider loaded) that states a retirement day."""
    if isinstance(record, Route):
        kind, subject = "route", route_subject(record)
        link = route_link(record.model.slug, record.provider.slug)
        who = f"{record.provider.name} stops serving it"
    else:
        kind, subject, link = "model", record.name, model_link(record.slug)
        who = "Its maker stops serving it"
    title = retirement_text(subject, record.retires_on, record.is_deprecated, today)
    return FeedEntry(
        key=f"{kind}/{record.pk}/retires/{record.retires_on.isoformat()}",
        title=title,
        link=link,
        summary=(
            f"{title}. {who} on that day, as our record says "
            f"(last changed {local_day(record.updated_at)})."
        ),
        updated=record.updated_at,
    )


def by_retirement_day(records: Iterable[Any]) -> list[Any]:
    """Models and routes by retirement day, latest first (then by name), cut to the limit."""
    return sorted(records, key=lambda record: (-record.retires_on.toordinal(), str(record)))[
        :FEED_LIMIT
    ]


def newest_first(entries: Iterable[FeedEntry]) -> list[FeedEntry]:
    return sorted(entries, key=lambda entry: (entry.updated, entry.key), reverse=True)[:FEED_LIMIT]


def tag_uri(host: str, key: str) -> str:
    """ "tag:llm-reference.example,2026:price-change/412" (the host without its port)."""
    domain, _ = split_domain_port(host)
    return f"tag:{domain or host},{TAG_DATE}:{key}"


# Reads: a fixed number of queries whatever the catalog's size.


def changed_price_records(routes, dated_only=False, limit=FEED_LIMIT) -> list[Any]:
    """The latest `limit` history records of `routes` that changed a price, newest
    first by the day they took effect, each with `previous_<field>` (the price before it)
    and its route's model and provider: one query. The previous prices come from the
    record before it (a window over each route's history), so a record that only changed
    something else (a retirement date, a model id) is no entry. `dated_only`: only the
    changes their source dates (genai-prices' start dates), not the ones a save recorded."""
    window = {
        "partition_by": F("id"),
        "order_by": [F("history_date").asc(), F("history_id").asc()],
    }
    before = {f"previous_{field}": Window(Lag(field), **window) for field in PRICE_FIELDS}
    changed = Q()
    for field in PRICE_FIELDS:
        previous = f"previous_{field}"
        changed |= (
            Q(**{f"{field}__lt": F(previous)})
            | Q(**{f"{field}__gt": F(previous)})
            | Q(**{f"{field}__isnull": True, f"{previous}__isnull": False})
            | Q(**{f"{field}__isnull": False, f"{previous}__isnull": True})
        )
    if dated_only:
        # A window over the record alone, so that the filter reads it after the prices
        # before it are read, from every record (Django filters on windows outside).
        before["dated_on"] = Window(Max("effective_on"), partition_by=F("history_id"))
        changed &= Q(dated_on__isnull=False)
    records = (
        routes.history_records()
        .select_related("model")
        .annotate(previous_record=Window(Lag("history_id"), **window), **before)
        .filter(Q(previous_record__isnull=False) & changed)
        .annotate(day=Coalesce("effective_on", TruncDate("history_date")))
        # A dated change reads as the start of its day: after the day's undated ones.
        .order_by("-day", F("effective_on").asc(nulls_first=True), "-history_date", "-history_id")
    )
    return list(records[:limit])


def price_change_entries(records: Iterable[Any]) -> list[FeedEntry]:
    """The entries of `changed_price_records()`: each record is compared with the prices
    before it (`catalog.history.price_changes`); the record names its route."""
    entries = []
    for record in records:
        previous = SimpleNamespace(
            **{field: getattr(record, f"previous_{field}") for field in PRICE_FIELDS}
        )
        route = SimpleNamespace(
            model=record.model,
            provider=record.provider,
            tier=tier_name(record.service_mode, record.context_above),
        )
        changes = price_changes([previous, record])
        if changes:
            entries.append(price_change_entry(route, record, changes))
    return entries


def dated_routes(routes):
    """Those of `routes` that state a retirement day, with model and provider, latest first."""
    return (
        routes.filter(retires_on__isnull=False)
        .select_related("model", "provider")
        .order_by("-retires_on", "model__name", "provider__name")[:FEED_LIMIT]
    )


@dataclass(frozen=True)
class FeedContent:
    name: str  # the feed's part of its id: "prices", "models/gpt-5"
    title: str
    subtitle: str
    link: str  # the page the feed follows
    entries: list[FeedEntry]
    catalog_changed_at: datetime | None

    @property
    def updated(self) -> datetime | None:
        """The latest entry's date; for an empty feed, the catalog's last change."""
        return max((entry.updated for entry in self.entries), default=self.catalog_changed_at)


def feed_content(name, title, subtitle, link, entries) -> FeedContent:
    return FeedContent(name, title, subtitle, link, entries, catalog_changed_at())


def read_price_changes() -> FeedContent:
    records = changed_price_records(Route.objects.filter(model__is_published=True))
    return feed_content(
        "prices",
        "price changes",
        "Every change to a tracked price, newest first.",
        reverse("catalog:model_list"),
        price_change_entries(records),
    )


def read_new_models() -> FeedContent:
    models = LanguageModel.objects.published().select_related("organization")
    newest = models.order_by("-created_at", "-pk")[:FEED_LIMIT]
    return feed_content(
        "new-models",
        "new models",
        "Models added to the catalog, newest first.",
        reverse("catalog:model_list"),
        [new_model_entry(model) for model in newest],
    )


def read_retirements(today: date) -> FeedContent:
    models = LanguageModel.objects.published().filter(retires_on__isnull=False)
    records = by_retirement_day(
        [
            *models.order_by("-retires_on", "name")[:FEED_LIMIT],
            *dated_routes(Route.objects.public()),
        ]
    )
    return feed_content(
        "retirements",
        "retirements",
        "Models and routes with a stated retirement day, the latest day first.",
        reverse("catalog:retiring"),
        [retirement_entry(record, today) for record in records],
    )


def read_model_feed(slug: str, today: date) -> FeedContent | None:
    """A published model's price changes and its and its routes' retirements, newest
    first; None when no published model has this slug."""
    model = LanguageModel.objects.published().filter(slug=slug).first()
    if model is None:
        return None
    routes = Route.objects.filter(model=model)
    retiring = by_retirement_day(
        [*([model] if model.retires_on else []), *dated_routes(routes.active())]
    )
    entries = [
        *price_change_entries(changed_price_records(routes)),
        *(retirement_entry(record, today) for record in retiring),
    ]
    return feed_content(
        f"models/{model.slug}",
        f"{model.name} changes",
        f"Price changes and retirements of {model.name} and its routes, newest first.",
        model.get_absolute_url(),
        newest_first(entries),
    )


# The feeds: Django's syndication views over the reads.


class SiteAtomFeed(feedgenerator.Atom1Feed):
    """Atom whose feed-level `updated` is the latest entry's date (Django's says "now" for
    an empty feed: ours says the catalog's last change)."""

    def latest_post_date(self):
        return self.feed["updated"] or super().latest_post_date()


class FeedItem(NamedTuple):
    entry: FeedEntry
    guid: str


@dataclass(frozen=True)
class FeedSource:
    """A feed's content and the site's address as this request reached it."""

    content: FeedContent
    scheme: str
    host: str

    def items(self) -> list[FeedItem]:
        return [FeedItem(entry, tag_uri(self.host, entry.key)) for entry in self.content.entries]


class CatalogFeed(Feed):
    """A feed read by one of the read functions above (`read`); the site is its author."""

    feed_type = SiteAtomFeed
    author_name = settings.SITE_NAME

    def read(self, **kwargs) -> FeedContent | None:
        raise NotImplementedError

    def __call__(self, request, **kwargs):
        content = self.read(**kwargs)
        if content is None:
            raise Http404("No published model has this address.")
        source = FeedSource(content, request.scheme, request.get_host())
        feed = self.get_feed(source, request)
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return with_last_modified(response, content)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.content.title}"

    def subtitle(self, obj):
        return obj.content.subtitle

    def link(self, obj):
        return obj.content.link

    def feed_guid(self, obj):
        return tag_uri(obj.host, f"feeds/{obj.content.name}")

    def author_link(self, obj):
        return f"{obj.scheme}://{obj.host}/"

    def feed_extra_kwargs(self, obj):
        return {"updated": obj.content.updated}

    def items(self, obj):
        return obj.items()

    def item_title(self, item):
        return item.entry.title

    def item_description(self, item):
        return escape(item.entry.summary)  # Atom's summary type="html"

    def item_link(self, item):
        return item.entry.link

    def item_guid(self, item):
        return item.guid

    def item_guid_is_permalink(self, item):
        return False

    def item_updateddate(self, item):
        return item.entry.updated


def with_last_modified(response: HttpResponse, content: FeedContent) -> HttpResponse:
    """Last-Modified: the latest entry or catalog change (an entry can leave the feed, a
    model unpublished, without any entry changing)."""
    stamps = [stamp for stamp in (content.updated, content.catalog_changed_at) if stamp]
    if stamps:
        response["Last-Modified"] = http_date(max(stamps).timestamp())
    return response


class PriceChangesFeed(CatalogFeed):
    def read(self):
        return read_price_changes()


class NewModelsFeed(CatalogFeed):
    def read(self):
        return read_new_models()


class RetirementsFeed(CatalogFeed):
    def read(self):
        return read_retirements(timezone.localdate())


class ModelFeed(CatalogFeed):
    def read(self, slug):
        return read_model_feed(slug, timezone.localdate())
