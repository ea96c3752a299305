"""Sitemap sections of the catalog's pages (models, providers), and how a page is written.

Each section reads its URLs in one query, as (slug, last_modified) rows, where
`last_modified` is the same annotation the pages use for their Last-Modified header, so a
sitemap's lastmod and the page it points to agree.

A sitemap page holds up to 50,000 URLs. Django's template engine takes some 50 µs a URL
(seconds a page), so a page is written by `urlset_chunks` from strings each row formats
once; the classes remain ordinary `Sitemap`s (location, lastmod, paginator) for Django's
index view and for anything else that reads them.
"""

from datetime import datetime
from functools import cached_property
from itertools import batched
from typing import NamedTuple
from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse

from catalog.models import LanguageModel, Provider

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
