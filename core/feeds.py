from django.utils.html import escape

from core.text import clean_text


def feed_text(text):
    """Plain text as an RSS element: readers treat titles, descriptions and
    authors as HTML, so the text is escaped once more and arrives exactly as
    typed ("<img …>" shows as those characters). Characters XML forbids are
    dropped: rows saved before they were cleaned at the door may hold some."""
    return escape(clean_text(text, multiline=False)) if text else text
