"""What every public page tells browsers and crawlers about itself."""

import json
from dataclasses import dataclass

from django.utils.safestring import mark_safe

# As django.utils.html.json_script does: nothing in the data can close the <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical_path: str
    indexable: bool = True
    og_type: str = "website"


def json_ld(data):
    """JSON for a <script type="application/ld+json"> element, safe inside HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))
