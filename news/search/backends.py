"""Matching and ranking: in SQL on PostgreSQL, in Python on SQLite.

Both rank the same way and must agree: tests/news/test_search.py runs one
corpus through both and compares the order.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, IntegerField, Value, When

from news.search.folding import fold_word, padded, words
from news.search.indexing import MAX_RANKED_WORDS, quote

RANK_LIMIT = 2000  # more matches than this are listed newest first
TITLE, SUMMARY, ELSEWHERE = 4, 2, 1


class Results:
    """What Paginator pages through: a count known in advance and a sequence
    (a queryset, or RankedIds) to slice."""

    def __init__(self, items, count, broad=False):
        self.items, self.found, self.broad = items, count, broad

    def count(self):
        return self.found

    def __getitem__(self, index):
        return self.items[index]


def search(queryset, terms):
    """The articles of queryset that contain every term, best first.

    One query reads the rank of at most RANK_LIMIT + 1 matches; Python sorts
    them, and each page then loads its articles by id. When more than
    RANK_LIMIT articles match, the newest RANK_LIMIT are listed by date
    instead (broad=True): the cost of a query stays bounded, however common
    its words.
    """
    if connection.vendor == "postgresql":
        matches = queryset.filter(search_vector=_raw(_all_terms(terms)))
        rows = list(ranking_rows(matches, terms)[: RANK_LIMIT + 1])
    else:
        matches = queryset
        for term in terms:
            matches = matches.filter(search_text__contains=padded(term.folded))
        rows = matches.order_by().values_list("published_at", "pk", "title", "summary")
        rows = rank_in_python(rows[: RANK_LIMIT + 1], terms)
    if len(rows) > RANK_LIMIT:
        newest = _page_columns(matches).order_by("-published_at", "-id")
        return Results(newest, RANK_LIMIT, broad=True)
    ids = [row[-1] for row in sorted(rows, reverse=True)]
    return Results(RankedIds(_page_columns(queryset), ids), len(ids))


def _tsquery(words, weight=""):
    """A phrase as raw tsquery syntax, built only from quoted words."""
    return " <-> ".join(f"{quote(w)}{':' + weight if weight else ''}" for w in words)


def _all_terms(terms):
    return " & ".join(f"({_tsquery(t.folded)})" for t in terms)


def _raw(text):
    return SearchQuery(text, search_type="raw", config="simple")


def ranking_rows(matches, terms):
    """(where, exact, published_at, pk) of each match, computed in SQL from
    the small search_rank column; the rows compare in rank order."""
    where = [
        Case(
            When(search_rank=_raw(_tsquery(t.folded, "A")), then=Value(TITLE)),
            When(search_rank=_raw(_tsquery(t.folded, "B")), then=Value(SUMMARY)),
            default=Value(ELSEWHERE),
            output_field=IntegerField(),
        )
        for t in terms
    ]
    exact = [
        Case(
            When(search_rank=_raw(quote(w)), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for w in _accented(terms)
    ]
    return (
        matches.annotate(
            rank_where=sum(where[1:], where[0]),
            rank_exact=sum(exact[1:], exact[0]) if exact else Value(0),
        )
        .order_by()  # sorted in Python; no ORDER BY lets LIMIT stop early
        .values_list("rank_where", "rank_exact", "published_at", "pk")
    )


def rank_in_python(rows, terms):
    """ranking_rows() for (published_at, pk, title, summary) rows."""
    accented = set(_accented(terms))
    phrases = [padded(t.folded) for t in terms]
    ranked = []
    for published_at, pk, title, summary in rows:
        title = words(title)[:MAX_RANKED_WORDS]
        summary = words(summary)[:MAX_RANKED_WORDS]
        folded_title = padded(fold_word(w) for w in title)
        folded_summary = padded(fold_word(w) for w in summary)
        where = sum(
            TITLE
            if p in folded_title
            else SUMMARY
            if p in folded_summary
            else ELSEWHERE
            for p in phrases
        )
        exact = len(accented.intersection(title + summary))
        ranked.append((where, exact, published_at, pk))
    return ranked


def _accented(terms):
    return sorted({w for t in terms for w in t.accented})


def _page_columns(queryset):
    return queryset.select_related("category").defer(
        "search_text", "search_vector", "search_rank"
    )


class RankedIds:
    """Ranked article ids; a slice (one page) loads its articles in one query."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, ids

    def __getitem__(self, index):
        ids = self.ids[index]
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]
