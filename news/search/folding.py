"""Words as search sees them: the exact form (lower case NFC, one tone
placement) and the folded form (no marks, đ -> d); see news/search/__init__."""

import functools
import html
import re

from core.text import exact_form, fold

MAX_WORD_LENGTH = 60
WORD = re.compile(r"[^\W_]+")
TAG = re.compile(r"<[^>]*>")


def words(text):
    """The words of a text in exact form, each cut at MAX_WORD_LENGTH."""
    return [w[:MAX_WORD_LENGTH] for w in WORD.findall(exact_form(text))]


@functools.lru_cache(maxsize=100_000)
def fold_word(word):
    return fold(word)


def plain_body(body):
    """Article HTML (sanitized on save) as text; tags become spaces."""
    return html.unescape(TAG.sub(" ", body or ""))


def padded(words):
    """Words between single spaces, one at each end: LIKE finds a phrase."""
    return f" {' '.join(words)} "
