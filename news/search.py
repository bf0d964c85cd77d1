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

import datetime
import functools
import html
import itertools
import re
import unicodedata
from collections import defaultdict, deque
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from news.dates import YEARS, local_midnight
from news.models import Article, Category
from news.text import fold, nfc

PER_PAGE = 12
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_WORD_LENGTH = 60
MAX_POSITION = 16383  # the largest position a tsvector keeps
MAX_RANKED_WORDS = 200  # of title and summary: search_rank stays small
RANK_LIMIT = 2000  # more matches than this are listed newest first
TITLE, SUMMARY, ELSEWHERE = 4, 2, 1

WORD = re.compile(r"[^\W_]+")
TERM = re.compile(r'"([^"]*)"?|[^\s"]+')
TAG = re.compile(r"<[^>]*>")
SLUG = re.compile(r"[-a-z0-9_]{1,140}")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
# Old tone placement ("hòa", "thủy") -> new ("hoà", "thuỷ"), on NFD text: the
# tone mark moves from o/u to the following a/e/y when nothing follows.
TONES = "\u0300\u0301\u0303\u0309\u0323"
OLD_TONE = re.compile(
    rf"(o)([{TONES}])([ae])(?![^\W_]|[\u0300-\u036f])|(u)([{TONES}])(y)(?![^\W_]|[\u0300-\u036f])"
)


def _new_tone(match):
    first, tone, second = (
        match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    )
    return first + second + tone


def exact_form(text):
    """Lower case NFC with one tone placement: what exact matches compare."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower())
    return unicodedata.normalize("NFC", OLD_TONE.sub(_new_tone, decomposed))


def words(text):
    """The words of a text in exact form, each cut at MAX_WORD_LENGTH."""
    return [w[:MAX_WORD_LENGTH] for w in WORD.findall(exact_form(text))]


@functools.lru_cache(maxsize=100_000)
def fold_word(word):
    return fold(word)


def _plain_body(body):
    """Article HTML (sanitized on save) as text; tags become spaces."""
    return html.unescape(TAG.sub(" ", body or ""))


# -- indexing ---------------------------------------------------------------


def index_article(article):
    """Fill an article's search fields from its text.

    Article.save() calls this; code that uses bulk_create must call it first.
    """
    fields = [
        words(article.title),
        words(article.summary),
        words(f"{_plain_body(article.body)} {article.source_name} {article.author}"),
    ]
    folded = [[fold_word(w) for w in found] for found in fields]
    # "|" between fields (a gap in the positions): no phrase spans two fields.
    article.search_text = _padded(" | ".join(" ".join(f) for f in folded).split())
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
        f"{_quote(lexeme)}:{','.join(found[:256])}" if found else _quote(lexeme)
        for lexeme, found in positions.items()
    )


def _quote(lexeme):
    """A lexeme quoted for tsvector and tsquery input (words never hold quotes,
    but the input syntax is kept safe anyway)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


# -- the query ----------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, or a phrase: words that must occur one after the other."""

    exact: tuple

    @property
    def folded(self):
        return tuple(fold_word(w) for w in self.exact)

    @property
    def accented(self):
        """The words the resident typed with diacritics."""
        return [w for w in self.exact if w != fold_word(w)]


@dataclass
class SearchRequest:
    query: str = ""
    terms: list = field(default_factory=list)
    category: object = None
    start: object = None
    end: object = None
    notices: list = field(default_factory=list)


def parse_query(query):
    """The terms of a query and notices about what was left out."""
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            f"Từ khóa dài quá {MAX_QUERY_LENGTH} ký tự: chỉ {MAX_QUERY_LENGTH} "
            "ký tự đầu được dùng để tìm."
        )
    terms = []
    for match in TERM.finditer(query.translate(QUOTES)):
        found = tuple(words(match.group(1) or match.group(0)))
        if found and Term(found) not in terms:
            terms.append(Term(found))
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        notices.append(f"Chỉ {MAX_TERMS} từ hoặc cụm từ đầu tiên được dùng để tìm.")
    if query.strip() and not terms:
        notices.append("Từ khóa không có chữ hay số nào để tìm.")
    elif terms and sum(len(w) for t in terms for w in t.exact) < 2:
        terms = []
        notices.append("Từ khóa quá ngắn: hãy nhập ít nhất 2 chữ cái.")
    return query, terms, notices


def _date(params, name, label, notices):
    value = params.get(name, "")
    if not value:
        return None
    try:
        day = datetime.date.fromisoformat(value)
        if day.year in YEARS:
            return day
    except ValueError:
        pass
    notices.append(f"{label} “{value[:20]}” không hợp lệ nên đã được bỏ qua.")
    return None


def parse_request(params, categories):
    """Read q, chuyen_muc, tu and den from the query string; bad values are
    dropped with a notice, never an error."""
    raw = nfc(params.get("q", "")).replace("\x00", "").strip()
    query, terms, notices = parse_query(raw)
    if "q" in params and not raw:
        notices.append("Hãy nhập từ khóa để tìm kiếm.")
    req = SearchRequest(query=query, terms=terms, notices=notices)
    slug = params.get("chuyen_muc", "")
    if slug:
        by_slug = {c.slug: c for c in categories}
        req.category = by_slug.get(slug) if SLUG.fullmatch(slug) else None
        if req.category is None:
            notices.append("Không có chuyên mục này nên bộ lọc chuyên mục được bỏ qua.")
    req.start = _date(params, "tu", "Ngày bắt đầu", notices)
    req.end = _date(params, "den", "Ngày kết thúc", notices)
    if req.start and req.end and req.start > req.end:
        req.start, req.end = req.end, req.start
        notices.append("Ngày bắt đầu sau ngày kết thúc nên hai ngày đã được đổi chỗ.")
    return req


def _filtered(queryset, req):
    if req.category:
        queryset = queryset.in_category(req.category)
    if req.start:
        queryset = queryset.filter(published_at__gte=local_midnight(req.start))
    if req.end:
        end = local_midnight(req.end) + datetime.timedelta(days=1)
        queryset = queryset.filter(published_at__lt=end)
    return queryset


# -- backends -------------------------------------------------------------------


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
            matches = matches.filter(search_text__contains=_padded(term.folded))
        rows = matches.order_by().values_list("published_at", "pk", "title", "summary")
        rows = _rank_in_python(rows[: RANK_LIMIT + 1], terms)
    if len(rows) > RANK_LIMIT:
        newest = _page_columns(matches).order_by("-published_at", "-id")
        return Results(newest, RANK_LIMIT, broad=True)
    ids = [row[-1] for row in sorted(rows, reverse=True)]
    return Results(RankedIds(_page_columns(queryset), ids), len(ids))


def _tsquery(words, weight=""):
    """A phrase as raw tsquery syntax, built only from quoted words."""
    return " <-> ".join(f"{_quote(w)}{':' + weight if weight else ''}" for w in words)


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
            When(search_rank=_raw(_quote(w)), then=Value(1)),
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


def _rank_in_python(rows, terms):
    """ranking_rows() for (published_at, pk, title, summary) rows."""
    accented = set(_accented(terms))
    phrases = [_padded(t.folded) for t in terms]
    ranked = []
    for published_at, pk, title, summary in rows:
        title = words(title)[:MAX_RANKED_WORDS]
        summary = words(summary)[:MAX_RANKED_WORDS]
        folded_title = _padded(fold_word(w) for w in title)
        folded_summary = _padded(fold_word(w) for w in summary)
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


def _padded(words):
    return f" {' '.join(words)} "


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


# -- highlighting --------------------------------------------------------------


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
            p for p in (article.summary, _plain_body(article.body).strip()) if p
        )
        text = " ".join(text.split())
        article.marked_title = highlight(article.title, folded)
        article.snippet = snippet(text, folded)


# -- the page -------------------------------------------------------------------


def search_view(request):
    categories = list(Category.objects.all())
    req = parse_request(request.GET, categories)
    results = Results([], 0)
    if req.terms:
        public = _filtered(Article.objects.published(), req)
        results = search(public, req.terms)
    page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    add_highlights(page_obj.object_list, req.terms)
    ctx = {
        "search": req,
        "query": req.query,
        "page_obj": page_obj,
        "broad": results.broad,
        "categories": categories,
    }
    return render(request, "news/search.html", ctx)
