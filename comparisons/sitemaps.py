"""The sitemap: an index of three sections (models, providers, pairs) and their pages.

The pairs section is computed, not stored: its items are a `PairSequence` over the
indexable models in slug order, so a page of 50,000 pairs costs one query for the list of
models and builds only the pairs it shows. A pair's lastmod is the latest of its two
models' `last_modified` and of the traffic defaults, as the pair page's Last-Modified header
is. Only pairs of two published, reviewed models are listed; the others carry noindex.

The views answer HEAD as well as GET (`require_safe`): crawlers probe sitemaps with HEAD.
"""

from django.contrib.sitemaps import views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import InvalidPage
from django.http import Http404, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from catalog.models import LanguageModel, catalog_changed_at
from catalog.sitemaps import ModelSitemap, ProviderSitemap, SlugSitemap, urlset_chunks
from catalog.slugs import PAIR_SEPARATOR
from comparisons.models import TrafficDefaults
from comparisons.pair_index import PairSequence

# Sitemaps are for crawlers to read, not for search results (as Django's own views say).
X_ROBOTS_TAG = "noindex, noodp, noarchive"


class PairSitemap(SlugSitemap):
    """Every pair of published, reviewed models, at its canonical URL."""

    url_name = "pair_detail"

    def rows(self):
        # Pair pages also speak of the default traffic: its change is a change of them all.
        floor = TrafficDefaults.load().updated_at
        models = (
            LanguageModel.objects.indexable_in_pairs()
            .with_last_modified()
            .order_by()
            .values_list("slug", "last_modified")
        )
        return [(slug, max(last_modified, floor)) for slug, last_modified in models]

    def items(self):
        # The rows are sorted in Python, as pair_slug() orders two slugs: row i before row
        # j means slug i < slug j, so every pair comes out canonical.
        return PairSequence(self.loaded_rows)

    def location(self, item):
        first, second = item
        prefix, suffix = self.path_around_slug
        return f"{prefix}{first.slug}{PAIR_SEPARATOR}{second.slug}{suffix}"

    def lastmod(self, item):
        first, second = item
        return max(first.last_modified, second.last_modified)

    def get_latest_lastmod(self):
        return super().get_latest_lastmod() if len(self.loaded_rows) > 1 else None

    def xml_entries(self, items, origin):
        head, middle = self.xml_frame(origin)
        for first, second in items:
            later = first if first.last_modified >= second.last_modified else second
            yield (
                f"{head}{first.xml_slug}{PAIR_SEPARATOR}{second.xml_slug}{middle}"
                f"{later.xml_lastmod}</lastmod></url>\n"
            )


SECTIONS = {"models": ModelSitemap, "providers": ProviderSitemap, "pairs": PairSitemap}


@require_safe
def sitemap_index(request):
    """The sections that have URLs (an empty one would be an invalid sitemap), each page
    with its section's latest lastmod; Last-Modified is the latest of them all."""
    sections = {name: section() for name, section in SECTIONS.items()}
    listed = {name: section for name, section in sections.items() if section.paginator.count}
    if not listed:
        raise Http404("No page is published yet, so the sitemap is empty.")
    response = views.index(
        request, listed, template_name="sitemaps/index.xml", sitemap_url_name="sitemap_section"
    )
    # As for a section: a page or URL dropped from the sitemap changes the index too.
    shown = parse_http_date_safe(response.get("Last-Modified", "")) or 0
    response["Last-Modified"] = http_date(max(shown, catalog_changed_at().timestamp()))
    return response


@require_safe
def sitemap_section(request, section):
    """One page (`?p=2`…) of a section, streamed; Last-Modified is its latest lastmod."""
    if section not in SECTIONS:
        raise Http404(f"There is no sitemap section {section!r}.")
    sitemap = SECTIONS[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except InvalidPage as error:
        raise Http404(f"The {section} sitemap has no page {request.GET.get('p')!r}.") from error
    items = page.object_list
    origin = f"{request.scheme}://{get_current_site(request).domain}"
    response = StreamingHttpResponse(
        urlset_chunks(sitemap.xml_entries(items, origin)), content_type="application/xml"
    )
    # A URL dropped from the section (a model unpublished) changes it too.
    latest = max(max(sitemap.lastmod(item) for item in items), catalog_changed_at())
    response["Last-Modified"] = http_date(latest.timestamp())
    response["X-Robots-Tag"] = X_ROBOTS_TAG
    return response
