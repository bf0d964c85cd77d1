"""Article.save() fills an article's search fields from its text."""

from collections import defaultdict

from django.db import connection

from news.search.folding import fold_word, padded, plain_body, words

MAX_POSITION = 16383  # the largest position a tsvector keeps
MAX_RANKED_WORDS = 200  # of title and summary: search_rank stays small
# Only the leading part of a very long body is indexed (the page shows it
# all): a tsvector holds at most 1 MB of distinct words, and no ward article
# needs more than this to be found.
MAX_INDEXED_CHARS = 200_000


def index_article(article):
    """Fill an article's search fields from its text.

    Article.save() calls this; code that uses bulk_create must call it first.
    """
    fields = [
        words(article.title),
        words(article.summary),
        words(plain_body(article.body)[:MAX_INDEXED_CHARS])
        + words(f"{article.source_name} {article.author}"),
    ]
    folded = [[fold_word(w) for w in found] for found in fields]
    # "|" between fields (a gap in the positions): no phrase spans two fields.
    article.search_text = padded(" | ".join(" ".join(f) for f in folded).split())
    article.search_vector = article.search_rank = None
    if connection.vendor != "postgresql":
        return
    matching, ranking, position = defaultdict(list), defaultdict(list), 0
    for weight, exact, plain in zip("ABC", fields, folded, strict=True):
        for n, (word, folded_word) in enumerate(zip(exact, plain, strict=True)):
            position = min(position + 1, MAX_POSITION)
            matching[folded_word].append(str(position))
            if weight != "C" and n < MAX_RANKED_WORDS:
                ranking[folded_word].append(f"{position}{weight}")
                if word != folded_word:
                    ranking.setdefault(word, [])  # the exact form, no position
        position += 1
    article.search_vector = _tsvector(matching)
    article.search_rank = _tsvector(ranking)


def _tsvector(positions):
    """tsvector input syntax; a lexeme keeps at most 256 positions."""
    return " ".join(
        f"{quote(lexeme)}:{','.join(found[:256])}" if found else quote(lexeme)
        for lexeme, found in positions.items()
    )


def quote(lexeme):
    """A lexeme quoted for tsvector and tsquery input (words never hold quotes,
    but the input syntax is kept safe anyway)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
