"""Sitemap sections of the catalog's pages (models, providers, a model on one provider),
and how a page is written.

Each section reads its URLs in one query, as (slug, last_modified) rows, where
`last_modified` is the same annotation the pages use for their Last-Modified header, so a
sitemap's lastmod and the page it points to agree.

A sitemap page holds up to 50,000 URLs. Django's template engine takes some 50 µs a URL
(seconds a page), so a page is written by `urlset_chunks` from strings each row formats
once; the classes remain ordinary `Sitemap`s (location, lastmod, paginator) for Django's
index view and for anything else that reads them.
"""

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from itertools import batched
from typing import NamedTuple
from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from catalog.models import LanguageModel, ModelFamily, Provider, Route
from catalog.pages.benchmarks import benchmark_list_last_changed, indexed_benchmarks, last_modified
from catalog.pages.families import family_list_last_changed
from catalog.pages.open_data import data_last_changed
from catalog.pages.retiring import retiring_last_changed

# Sitemaps are for crawlers to read, not for search results (as Django's own views say).
X_ROBOTS_TAG = "noindex, noodp, noarchive"

# The most URLs sitemaps.org lets one sitemap file hold.
SITEMAP_LIMIT = 50_000

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
URLSET_CLOSE = "</urlset>\n"

# Stands for the slug while a URL pattern is reversed once (uppercase: never in a slug).
PLACEHOLDER = "SLUG"


class SitemapRow(NamedTuple):
    """One page's slug and last change, and the two as the XML writes them."""

    slug: str
    last_modified: datetime
    xml_slug: str
    xml_lastmod: str


def sitemap_row(slug, last_modified):
    # HTTP dates have whole seconds: a lastmod with microseconds would never equal the
    # Last-Modified header of its page.
    moment = last_modified.replace(microsecond=0)
    return SitemapRow(slug, moment, escape(slug), moment.isoformat())


def path_around_slug(url_name):
    """The path of `url_name` as (prefix, suffix) around its one slug argument: reversing
    once instead of once per URL (50,000 reverse() calls take most of a second)."""
    prefix, suffix = reverse(url_name, args=[PLACEHOLDER]).split(PLACEHOLDER)
    return prefix, suffix


def urlset_chunks(entries, chunk_size=1_000):
    """A <urlset> document around `entries` (<url> elements as text), in chunks for a
    streaming response: the text of a page is never held whole in memory."""
    yield URLSET_OPEN
    for chunk in batched(entries, chunk_size):
        yield "".join(chunk)
    yield URLSET_CLOSE


class SlugSitemap(Sitemap):
    """A section of one page per row of `rows()` — (slug, last_modified) — in slug order,
    at the URL named `url_name` with the slug as its argument.

    One instance serves one request (the views instantiate the section classes), so the
    rows and the paginator are read once however often they are asked for. An empty
    section has no page at all: sitemaps.org's schema wants at least one URL.
    """

    limit = SITEMAP_LIMIT
    url_name: str | None = None

    @cached_property
    def loaded_rows(self):
        return sorted(sitemap_row(slug, stamp) for slug, stamp in self.rows())

    def items(self):
        return self.loaded_rows

    @cached_property
    def paginator(self):
        return Paginator(self.items(), self.limit, allow_empty_first_page=False)

    @cached_property
    def path_around_slug(self):
        return path_around_slug(self.url_name)

    def location(self, item):
        prefix, suffix = self.path_around_slug
        return f"{prefix}{item.slug}{suffix}"

    def lastmod(self, item):
        return item.last_modified

    def get_latest_lastmod(self):
        return max((row.last_modified for row in self.loaded_rows), default=None)

    def xml_frame(self, origin):
        """The text of a <url> element before its slug and between its slug and lastmod,
        with `origin` ("https://host") before the path."""
        prefix, suffix = self.path_around_slug
        return f"<url><loc>{escape(origin + prefix)}", f"{escape(suffix)}</loc><lastmod>"

    def xml_entries(self, items, origin):
        """The <url> elements of `items`."""
        head, middle = self.xml_frame(origin)
        for row in items:
            yield f"{head}{row.xml_slug}{middle}{row.xml_lastmod}</lastmod></url>\n"


class ModelSitemap(SlugSitemap):
    """Every published model's page an editor has reviewed (an unreviewed one, such as a
    model a sync brought in, is noindex until then)."""

    url_name = "catalog:model_detail"

    def rows(self):
        return (
            LanguageModel.objects.indexable()
            .with_last_modified()
            .order_by()
            .values_list("slug", "last_modified")
        )


class ProviderSitemap(SlugSitemap):
    """Every provider with an active route to a published model."""

    url_name = "catalog:provider_detail"

    def rows(self):
        return (
            Provider.objects.serving_published_models()
            .with_last_modified()
            .order_by()
            .values_list("slug", "last_modified")
        )


class RouteSitemap(SlugSitemap):
    """The page of every published, reviewed model at each provider with an active route to
    it. A row's slug is "<model>/<provider>"; its lastmod is `route_last_modified()`'s: the
    model, its organization, the provider and its routes of the model (changes and reviews),
    and the latest change of any route of the model or of that route's provider."""

    url_name = "catalog:route_detail"

    @cached_property
    def path_around_slug(self):
        # Slugs never hold "/": "/models/SLUG/SLUG/" splits around "<model>/<provider>".
        prefix, suffix = reverse(self.url_name, args=[PLACEHOLDER, PLACEHOLDER]).split(
            f"{PLACEHOLDER}/{PLACEHOLDER}"
        )
        return prefix, suffix

    def rows(self):
        def changed(field):
            # Each stamp falls back to the group's own latest change: never NULL, which
            # SQLite's GREATEST (MAX) would return for the whole row.
            return Coalesce(Max(field), Max("updated_at"))

        whole_model = (
            Route.objects.filter(model=OuterRef("model"))
            .order_by()
            .values("model")
            .annotate(latest=Greatest(Max("updated_at"), Max("provider__updated_at")))
            .values("latest")
        )
        routes = (
            Route.objects.filter(model__in=LanguageModel.objects.indexable())
            .order_by()
            .values("model", "provider", "model__slug", "provider__slug")
            .annotate(
                active=Count("pk", filter=Q(is_active=True)),
                last_modified=Greatest(
                    *(
                        changed(field)
                        for field in (
                            "updated_at",
                            "reviewed_at",
                            "model__updated_at",
                            "model__reviewed_at",
                            "model__organization__updated_at",
                            "model__organization__reviewed_at",
                            "provider__updated_at",
                            "provider__reviewed_at",
                        )
                    ),
                    Coalesce(Subquery(whole_model), Max("updated_at")),
                ),
            )
            .filter(active__gt=0)
            .values_list("model__slug", "provider__slug", "last_modified")
        )
        return [(f"{model}/{provider}", stamp) for model, provider, stamp in routes]


class BenchmarkSitemap(SlugSitemap):
    """Every benchmark a published model has a score on (one without is noindex); lastmod
    as the page's Last-Modified: the benchmark, its scores, their models and routes."""

    url_name = "catalog:benchmark_detail"

    def rows(self):
        benchmarks = indexed_benchmarks(timezone.localdate()).order_by()
        return [(benchmark.slug, last_modified(benchmark)) for benchmark in benchmarks]


class FamilySitemap(SlugSitemap):
    """Every family an editor has reviewed that has a published model (a family a sync
    named is noindex until then); lastmod as the page's Last-Modified: the family and the
    latest change of anything its models' pages show."""

    url_name = "catalog:family_detail"

    def rows(self):
        families = {
            family.pk: family
            for family in ModelFamily.objects.filter(reviewed_at__isnull=False).only(
                "slug", "updated_at", "reviewed_at"
            )
        }
        latest_member: dict[int, datetime] = {}
        for family_id, stamp in (
            LanguageModel.objects.published()
            .filter(family__in=list(families))
            .with_last_modified()
            .order_by()
            .values_list("family_id", "last_modified")
        ):
            latest_member[family_id] = max(stamp, latest_member.get(family_id, stamp))
        return [
            (family.slug, max(family.updated_at, family.reviewed_at, latest_member[pk]))
            for pk, family in families.items()
            if pk in latest_member
        ]


class PageSitemap(SlugSitemap):
    """Pages of their own rather than one per record: the open data page, and `pages`,
    which maps each other one's URL name (no arguments) to what says when what it shows
    last changed (None: nothing to show yet, so not listed). A row's slug is the URL name.

    None of them is listed until a model is published, which the open data's stamp (None
    until then) says: an empty catalog has an empty sitemap."""

    pages: dict[str, Callable[[], datetime | None]] = {
        "catalog:retiring": retiring_last_changed,
        "catalog:family_list": family_list_last_changed,
        "catalog:benchmark_list": benchmark_list_last_changed,
    }

    def rows(self):
        published = data_last_changed()
        if published is None:
            return []
        stamps = {"catalog:open_data": published}
        stamps.update((url_name, last_changed()) for url_name, last_changed in self.pages.items())
        return [(url_name, stamp) for url_name, stamp in stamps.items() if stamp is not None]

    def location(self, item):
        return reverse(item.slug)

    def xml_entries(self, items, origin):
        for row in items:
            location = escape(origin + reverse(row.slug))
            yield f"<url><loc>{location}</loc><lastmod>{row.xml_lastmod}</lastmod></url>\n"
