"""The sitemap's pairs section, and its section of `/cost/` (the root URLconf lists them
beside the catalog's sections).

It lists the related pairs of indexable models (catalog/indexing.py), at their canonical
URLs: the pairs of one family, of similar models and the featured ones
(comparisons/related.py), in three queries whatever the catalog's size. A pair's lastmod
is the latest of its two models' `last_modified` and of the traffic defaults, as the pair
page's Last-Modified header is.
"""

from functools import cached_property

from catalog.models import LanguageModel, catalog_changed_at
from catalog.sitemaps import PageSitemap, SlugSitemap, sitemap_row
from catalog.slugs import PAIR_SEPARATOR
from comparisons.models import TrafficDefaults
from comparisons.related import related_pairs


class PairSitemap(SlugSitemap):
    """Every related pair of indexable models, at its canonical URL, in URL order."""

    url_name = "comparisons:pair_detail"

    @cached_property
    def loaded_rows(self):
        # Pair pages also speak of the default traffic: its change is a change of them all.
        floor = TrafficDefaults.load().updated_at
        models = LanguageModel.objects.indexable()
        rows, families = {}, {}
        for pk, slug, family, last_modified in (
            models.with_last_modified()
            .order_by()
            .values_list("pk", "slug", "family_id", "last_modified")
        ):
            rows[pk] = sitemap_row(slug, max(last_modified, floor))
            families[pk] = family
        pairs = []
        for first, second in related_pairs(families, models.values("pk")):
            one, other = rows[first], rows[second]
            # As pair_slug() orders two slugs.
            pairs.append((one, other) if one.slug < other.slug else (other, one))
        pairs.sort(key=lambda pair: (pair[0].slug, pair[1].slug))  # in URL order
        return pairs

    def items(self):
        return self.loaded_rows

    def get_latest_lastmod(self):
        return max((self.lastmod(item) for item in self.loaded_rows), default=None)

    def location(self, item):
        first, second = item
        prefix, suffix = self.path_around_slug
        return f"{prefix}{first.slug}{PAIR_SEPARATOR}{second.slug}{suffix}"

    def lastmod(self, item):
        first, second = item
        return max(first.last_modified, second.last_modified)

    def xml_entries(self, items, origin):
        head, middle = self.xml_frame(origin)
        for first, second in items:
            later = first if first.last_modified >= second.last_modified else second
            yield (
                f"{head}{first.xml_slug}{PAIR_SEPARATOR}{second.xml_slug}{middle}"
                f"{later.xml_lastmod}</lastmod></url>\n"
            )


class CostSitemap(PageSitemap):
    """`/cost/`, every model ranked by the cost of the default workload, once a model is
    published: it changes with any model, route or provider, and with the default traffic."""

    def rows(self):
        changed = catalog_changed_at()
        if not LanguageModel.objects.published().exists() or changed is None:
            return []
        return [("comparisons:cost", max(changed, TrafficDefaults.load().updated_at))]
