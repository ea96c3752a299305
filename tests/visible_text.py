"""The text of a page as a reader sees it: no markup, scripts or styles, spaces collapsed."""

import re

from lxml import html


def visible_text(content):
    document = html.fromstring(content)
    for hidden in document.xpath("//script|//style|//template|//head"):
        hidden.drop_tree()
    return re.sub(r"\s+", " ", document.text_content()).strip()
