"""Marking the query's words in titles and snippets, from escaped text.

A word typed with diacritics marks only that word ("phường" marks "phường",
not "phương"); a word typed without marks every word that folds to it
("phuong" marks both). Both tone placements count as the same word."""

import itertools
from collections import deque

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import exact_form
from news.search.folding import MAX_WORD_LENGTH, WORD, fold_word, plain_body


class Wanted:
    """The words to mark: the exact forms of words typed with diacritics,
    the folded forms of words typed without. `word in wanted` tells."""

    def __init__(self, terms):
        typed = [w for t in terms for w in t.exact]
        self.exact = {w for w in typed if w != fold_word(w)}
        self.folded = {w for w in typed if w == fold_word(w)}

    def __contains__(self, word):
        word = word[:MAX_WORD_LENGTH]
        return fold_word(word) in self.folded or exact_form(word) in self.exact


def highlight(text, wanted):
    """Escaped text with the query's words wrapped in <mark>."""
    parts, cursor = [], 0
    for m in WORD.finditer(text):
        if m.group() in wanted:
            parts += [escape(text[cursor : m.start()]), "<mark>", escape(m.group())]
            parts.append("</mark>")
            cursor = m.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def snippet(text, wanted, before=12, after=30):
    """A highlighted window of words around the first match (or from the
    beginning), with "…" where text was cut. Reads no further than needed."""
    recent, tokens = deque(maxlen=before + 1), WORD.finditer(text)
    for m in tokens:
        recent.append(m)
        if m.group() in wanted:
            break
    else:
        recent, tokens = deque(), WORD.finditer(text)
    start = recent[0].start() if recent else 0
    count = after if recent else before + after
    rest = list(itertools.islice(tokens, count))
    end = rest[-1].end() if len(rest) == count else len(text)
    window = highlight(text[start:end], wanted)
    return mark_safe(
        ("…" if text[:start].strip() else "")
        + window
        + ("…" if text[end:].strip() else "")
    )


def add_highlights(articles, terms):
    """Give each article a marked title and a snippet around the first match."""
    wanted = Wanted(terms)
    for article in articles:
        text = " ".join(
            p for p in (article.summary, plain_body(article.body).strip()) if p
        )
        text = " ".join(text.split())
        article.marked_title = highlight(article.title, wanted)
        article.snippet = snippet(text, wanted)
