import logging
import re

from django import template

from documents.search import find
from portal import most_read as readership
from portal.models import SupportUnit

logger = logging.getLogger(__name__)

register = template.Library()

DOCUMENT_HITS = 5


@register.inclusion_tag("includes/support_units.html")
def support_units():
    return {"units": SupportUnit.visible()}


@register.inclusion_tag("includes/most_read.html")
def most_read():
    """The sidebar block "Tin đọc nhiều"; left out when the store cannot be read."""
    try:
        return {"periods": readership.sidebar_periods()}
    except Exception as exc:
        logger.warning("Most read not shown: %s: %s", type(exc).__name__, exc)
        return {"periods": []}


@register.filter
def tel_href(phone):
    """A phone number as a tel: link wants it: digits, a leading + kept
    ("0236 3 000 000" -> "tel:02363000000", "+84 236…" -> "tel:+84236…")."""
    phone = str(phone).strip()
    digits = re.sub(r"\D", "", phone)
    return f"tel:{'+' if phone.startswith('+') else ''}{digits}"


@register.inclusion_tag("includes/document_hits.html")
def document_hits(query):
    """/tim-kiem/ finds documents too: news renders this tag, portal fills
    it from documents, so neither app imports the other."""
    count, documents = find(query, DOCUMENT_HITS)
    return {"query": query, "count": count, "documents": documents}
