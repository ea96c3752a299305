"""Slugs from names, and the rule pair URLs depend on.

"GPT-5.3-Codex-Spark" → "gpt-5-3-codex-spark": a dot separates words (Django's own
slugify would run "5.3" together into "53"). "-vs-" is reserved for pair URLs.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify

PAIR_SEPARATOR = "-vs-"


def slug_from_name(name):
    return slugify(re.sub(r"[./_:+]", "-", name))


def validate_catalog_slug(value):
    # "a-vs" + "-vs-" + "b" reads back as "a" and "vs-b", so the ending is reserved too.
    if PAIR_SEPARATOR in value or value.endswith(PAIR_SEPARATOR.rstrip("-")):
        raise ValidationError(
            'A slug may not contain "%(separator)s" or end in "-vs": it separates the two '
            "models in pair URLs.",
            params={"separator": PAIR_SEPARATOR},
            code="reserved",
        )
