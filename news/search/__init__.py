"""Search of published news: Vietnamese-aware, ranked and indexed.

Article.save() calls index_article(), which stores an article's words:

- ``search_text``: the folded words (lower case, no marks, đ -> d) of title,
  summary, body text, source and author, one space between words and one at
  each end, so that " thuy xuan " finds a phrase with LIKE (SQLite);
- ``search_vector`` (PostgreSQL, GIN-indexed in migration 0002): the same
  folded words with their positions, for matching;
- ``search_rank`` (PostgreSQL): a small tsvector for ranking only, kept in
  the row: the folded words of the title (weight A) and summary (weight B),
  and their words with diacritics, in the exact form.

Folding happens here in Python, on save and on the query, so the database's
locale never matters. The exact form is lower case NFC with one tone
placement, so "hòa" and "hoà" are alike. A query is split into terms (words,
or "quoted phrases"); an article matches when every term occurs. Best first:

1. where the terms occur: 4 points per term in the title, 2 in the summary,
   1 elsewhere (body, source, author);
2. how many of the words typed with diacritics occur exactly so in the title
   or summary (what the result list shows; judging the body too would mean
   reading every match's whole text, which is what makes ranking slow);
3. newer first.

Ranking reads every match, so a query that matches more than RANK_LIMIT
articles (a word found nearly everywhere) lists the newest RANK_LIMIT by date
instead, with a message: no query costs more than that, however common its
words. PostgreSQL ranks in SQL over the small search_rank column; SQLite (a
ward's few thousand articles) filters with LIKE and ranks in Python. Both give
the same order; the same tests run on both.
"""

from news.search.backends import RANK_LIMIT, Results, search
from news.search.highlight import add_highlights, highlight, snippet
from news.search.indexing import index_article
from news.search.query import filtered, parse_query, parse_request

PER_PAGE = 12

__all__ = [
    "PER_PAGE",
    "RANK_LIMIT",
    "Results",
    "add_highlights",
    "filtered",
    "highlight",
    "index_article",
    "parse_query",
    "parse_request",
    "search",
    "snippet",
]
