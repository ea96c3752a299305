"""Reading the sitemap's answers in tests, and the frozen instants of the catalog they list
(the `sitemap_catalog` fixture): with microseconds, which HTTP dates drop, so every lastmod
is known exactly; later changes happen at later frozen instants."""

from datetime import UTC, datetime

import lxml.etree
import lxml.html

from catalog.slugs import pair_url

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ORIGIN = "http://testserver"

CREATED = datetime(2026, 3, 1, 9, 30, 15, 654321, tzinfo=UTC)
CREATED_LASTMOD = "2026-03-01T09:30:15+00:00"
CHANGED = datetime(2026, 4, 2, 16, 5, 42, 987654, tzinfo=UTC)
CHANGED_LASTMOD = "2026-04-02T16:05:42+00:00"


def xml_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/xml"
    return lxml.etree.fromstring(response.getvalue())


def entries(response):
    """(loc, lastmod) of each <url> of a sitemap page, or <sitemap> of the index."""
    root = xml_of(response)
    tag = "s:url" if root.tag.endswith("urlset") else "s:sitemap"
    return [
        (
            element.findtext("s:loc", namespaces=NAMESPACE),
            element.findtext("s:lastmod", namespaces=NAMESPACE),
        )
        for element in root.findall(tag, NAMESPACE)
    ]


def locs(response):
    return [loc for loc, _ in entries(response)]


def pair_loc(slug_a, slug_b):
    return ORIGIN + pair_url(slug_a, slug_b)


def robots_meta(response):
    return lxml.html.fromstring(response.content).xpath('//meta[@name="robots"]/@content')
