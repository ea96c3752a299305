"""What every public page tells browsers and crawlers about itself: its title, description,
canonical address, indexability, and structured data."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

# As django.utils.html.json_script does: nothing in the data can close the <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class PageMeta:
    """`title` names the page alone ("Models: specs, prices…"); `document_title` is what the
    browser tab and search results show, with the site's name after it."""

    title: str
    description: str
    canonical_path: str
    indexable: bool = True
    og_type: str = "website"

    @property
    def site_name(self) -> str:
        return settings.SITE_NAME

    @property
    def document_title(self) -> str:
        if self.title.startswith(self.site_name):
            return self.title
        return f"{self.title} | {self.site_name}"


def json_ld(data: object) -> SafeString:
    """JSON for a <script type="application/ld+json"> element, safe inside HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))
