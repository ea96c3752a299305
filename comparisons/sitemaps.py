"""The sitemap's pairs section (the root URLconf lists it beside the catalog's sections).

The pairs section is computed, not stored: its items are a `PairSequence` over the
indexable models in slug order, so a page of 50,000 pairs costs one query for the list of
models and builds only the pairs it shows. A pair's lastmod is the latest of its two
models' `last_modified` and of the traffic defaults, as the pair page's Last-Modified header
is. Only pairs of two published, reviewed models are listed; the others carry noindex.
"""

from catalog.models import LanguageModel
from catalog.sitemaps import SlugSitemap
from catalog.slugs import PAIR_SEPARATOR
from comparisons.models import TrafficDefaults
from comparisons.pair_index import PairSequence


class PairSitemap(SlugSitemap):
    """Every pair of published, reviewed models, at its canonical URL."""

    url_name = "comparisons:pair_detail"

    def rows(self):
        # Pair pages also speak of the default traffic: its change is a change of them all.
        floor = TrafficDefaults.load().updated_at
        models = (
            LanguageModel.objects.indexable()
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
