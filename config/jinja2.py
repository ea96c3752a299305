"""The Jinja2 environment of the public pages (templates/jinja2/): what their templates
call besides the context they are given.

The public pages moved from Django's template engine to Jinja2 on a prototype's numbers
(README, "Benchmarks"): the same HTML, rendered about three times faster. The admin and
everything else Django renders (forms' widgets, sitemaps, feeds) stay on Django's engine.

- `url(name, *args)`: Django's `{% url %}`; `page_url(name, *args)` the same, remembered
  (catalog/slugs.py).
- `static(path)`: the static file's address (the manifest's hashed name in production).
- `catalog_sources()`: where every page's facts come from, as pages say it.
- filters: `local_day` (a moment as the YYYY-MM-DD of the site's time zone), `lifecycle`
  (a model's or route's lifecycle badge as of today), and Django's `pluralize`.
"""

from django.template.defaultfilters import pluralize
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, Environment

from catalog.formatting import local_day, oxford_join
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.slugs import page_url
from catalog.sync.snapshot import SOURCE_NAMES


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def catalog_sources() -> str:
    """ "models.dev, OpenRouter, genai-prices, and Aider": the sources a sync reads."""
    return oxford_join(SOURCE_NAMES.values())


def lifecycle(record) -> LifecycleBadge | None:
    """The lifecycle badge of a model or route record (`retires_on`, `is_deprecated`) as
    of today: `{% with badge=model|lifecycle %}{% include "includes/lifecycle_badge.html" %}`."""
    return lifecycle_badge(record.retires_on, record.is_deprecated, timezone.localdate())


def environment(**options) -> Environment:
    # A missing value renders as nothing, at any depth (`page.family.url` of a model without
    # a family), in tests as in production: as Django's engine did (Django's backend would
    # print a missing name's source in debug).
    options["undefined"] = ChainableUndefined
    options["keep_trailing_newline"] = True  # a template's text is the page's, to its end
    env = Environment(**options)
    env.globals.update(url=url, page_url=page_url, static=static, catalog_sources=catalog_sources)
    env.filters.update(local_day=local_day, lifecycle=lifecycle, pluralize=pluralize)
    return env
