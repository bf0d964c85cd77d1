from django import template

from documents.search import find
from portal.models import SupportUnit

register = template.Library()

DOCUMENT_HITS = 5


@register.inclusion_tag("includes/support_units.html")
def support_units():
    return {"units": SupportUnit.visible()}


@register.inclusion_tag("includes/document_hits.html")
def document_hits(query):
    """/tim-kiem/ finds documents too: news renders this tag, portal fills
    it from documents, so neither app imports the other."""
    count, documents = find(query, DOCUMENT_HITS)
    return {"query": query, "count": count, "documents": documents}
