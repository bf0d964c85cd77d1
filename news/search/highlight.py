"""Marking the query's words in titles and snippets, from escaped text."""

import itertools
from collections import deque

from django.utils.html import escape
from django.utils.safestring import mark_safe

from news.search.folding import MAX_WORD_LENGTH, WORD, fold_word, plain_body


def highlight(text, folded_words):
    """Escaped text with the query's words wrapped in <mark>."""
    parts, cursor = [], 0
    for m in WORD.finditer(text):
        if fold_word(m.group()[:MAX_WORD_LENGTH]) in folded_words:
            parts += [escape(text[cursor : m.start()]), "<mark>", escape(m.group())]
            parts.append("</mark>")
            cursor = m.end()
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def snippet(text, folded_words, before=12, after=30):
    """A highlighted window of words around the first match (or from the
    beginning), with "…" where text was cut. Reads no further than needed."""
    recent, tokens = deque(maxlen=before + 1), WORD.finditer(text)
    for m in tokens:
        recent.append(m)
        if fold_word(m.group()[:MAX_WORD_LENGTH]) in folded_words:
            break
    else:
        recent, tokens = deque(), WORD.finditer(text)
    start = recent[0].start() if recent else 0
    wanted = after if recent else before + after
    rest = list(itertools.islice(tokens, wanted))
    end = rest[-1].end() if len(rest) == wanted else len(text)
    window = highlight(text[start:end], folded_words)
    return mark_safe(
        ("…" if text[:start].strip() else "")
        + window
        + ("…" if text[end:].strip() else "")
    )


def add_highlights(articles, terms):
    """Give each article a marked title and a snippet around the first match."""
    folded = {w for t in terms for w in t.folded}
    for article in articles:
        text = " ".join(
            p for p in (article.summary, plain_body(article.body).strip()) if p
        )
        text = " ".join(text.split())
        article.marked_title = highlight(article.title, folded)
        article.snippet = snippet(text, folded)
