"""The allowlist that article bodies and static pages are cleaned with on save.

Whatever the editor (or a crafted POST) sends, only these tags and attributes
are stored; templates mark nothing else as safe.
"""

import nh3
from django.conf import settings

TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "type"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _local_images_only(tag, attribute, value):
    # Pages load nothing from other sites (Content-Security-Policy), so an
    # image must be one of ours: uploaded through the editor into MEDIA_URL.
    if tag == "img" and attribute == "src":
        if not value.startswith(settings.MEDIA_URL) or value.startswith("//"):
            return None
    return value


def sanitize_html(html):
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_local_images_only,
    ).strip()
