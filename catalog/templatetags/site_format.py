"""Template filters for what templates format themselves: through catalog/formatting.py,
so a date reads the same on every page."""

from django import template
from django.utils import timezone

from catalog.formatting import local_day, oxford_join
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.slugs import page_url
from catalog.sync.snapshot import SOURCE_NAMES

register = template.Library()

register.filter("local_day", local_day)
# `{% page_url 'catalog:model_detail' slug %}`: `{% url %}`, remembered (catalog/slugs.py).
register.simple_tag(page_url, name="page_url")


@register.simple_tag
def catalog_sources() -> str:
    """Where every page's facts come from, as pages say it: "models.dev, OpenRouter,
    genai-prices, and Aider" (the sources a sync reads)."""
    return oxford_join(SOURCE_NAMES.values())


@register.filter
def lifecycle(record) -> LifecycleBadge | None:
    """The lifecycle badge of a model or route record (`retires_on`, `is_deprecated`)
    as of today: `{% include "includes/lifecycle_badge.html" with badge=model|lifecycle %}`."""
    return lifecycle_badge(record.retires_on, record.is_deprecated, timezone.localdate())
