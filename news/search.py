"""Search of published news: Vietnamese-aware, ranked and indexed.

Article.save() calls index_article(), which stores every article's words
three ways:

- ``search_text``: the folded words (lower case, no marks, đ -> d), one space
  between words and one at each end, so that " thuy xuan " finds a phrase;
- ``search_exact``: the same words keeping their diacritics (lower case, NFC,
  one tone placement: "hòa" and "hoà" are stored alike);
- ``search_vector`` (PostgreSQL only, GIN-indexed in migration 0002): a
  tsvector of the folded words weighted A (title), B (summary) and C (body,
  source, author), plus each word with diacritics at the same position.

Folding happens here in Python, on save and on the query, so the database's
locale never matters. A query is split into terms (words, or "quoted
phrases"); an article matches when every term occurs in it. Best first:
1. where the terms occur: 4 points per term in the title, 2 in the summary,
   1 elsewhere;
2. how many of the typed words with diacritics occur exactly as typed;
3. newer first.
PostgreSQL ranks in SQL; SQLite (a ward's few thousand articles) filters with
LIKE and ranks the newest CANDIDATE_LIMIT matches in Python.
"""

import datetime
import functools
import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from news.models import Article, Category
from news.text import fold, nfc

PER_PAGE = 12
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_WORD_LENGTH = 60
MAX_POSITION = 16383  # the largest position a tsvector keeps
CANDIDATE_LIMIT = 5000  # SQLite: how many of the newest matches are ranked
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
    parts = [
        (article.title, "A"),
        (article.summary, "B"),
        (f"{_plain_body(article.body)} {article.source_name} {article.author}", "C"),
    ]
    folded, exact, lexemes = [], [], defaultdict(list)
    position = 0
    for text, weight in parts:
        for word in words(text):
            position += 1
            if position > MAX_POSITION:
                break
            plain = fold_word(word)
            folded.append(plain)
            exact.append(word)
            for lexeme in {plain, word}:
                if len(lexemes[lexeme]) < 256:  # a tsvector keeps 256 positions
                    lexemes[lexeme].append(f"{position}{weight}")
        position += 1  # a gap, so that no phrase spans two fields
    article.search_text = f" {' '.join(folded)} "
    article.search_exact = f" {' '.join(exact)} "
    article.search_vector = None
    if connection.vendor == "postgresql":
        article.search_vector = " ".join(
            f"{_quote(lexeme)}:{','.join(positions)}"
            for lexeme, positions in lexemes.items()
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
        if 1900 <= day.year <= 2999:
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


def _filtered(queryset, req, categories):
    if req.category:
        ids = [c.pk for c in categories if req.category.pk in (c.pk, c.parent_id)]
        queryset = queryset.filter(category__in=ids)
    if req.start:
        start = datetime.datetime.combine(req.start, datetime.time())
        queryset = queryset.filter(published_at__gte=timezone.make_aware(start))
    if req.end:
        end = datetime.datetime.combine(req.end, datetime.time())
        end = timezone.make_aware(end) + datetime.timedelta(days=1)
        queryset = queryset.filter(published_at__lt=end)
    return queryset


# -- backends -------------------------------------------------------------------


def search(queryset, terms):
    """The articles of queryset that contain every term, best first, as
    something Paginator can count and slice."""
    if connection.vendor == "postgresql":
        return _search_postgres(queryset, terms)
    return _search_sqlite(queryset, terms)


def _tsquery(words, weight=""):
    """A phrase as raw tsquery syntax, built only from quoted words."""
    return " <-> ".join(f"{_quote(w)}{':' + weight if weight else ''}" for w in words)


def _raw(text):
    return SearchQuery(text, search_type="raw", config="simple")


def _search_postgres(queryset, terms):
    matches = " & ".join(f"({_tsquery(t.folded)})" for t in terms)
    where = [
        Case(
            When(search_vector=_raw(_tsquery(t.folded, "A")), then=Value(TITLE)),
            When(search_vector=_raw(_tsquery(t.folded, "B")), then=Value(SUMMARY)),
            default=Value(ELSEWHERE),
            output_field=IntegerField(),
        )
        for t in terms
    ]
    exact = [
        Case(
            When(search_vector=_raw(_quote(w)), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for w in _accented(terms)
    ]
    return (
        _page_columns(queryset)
        .filter(search_vector=_raw(matches))
        .annotate(rank_where=sum(where[1:], where[0]))
        .annotate(rank_exact=sum(exact, Value(0)))
        .order_by("-rank_where", "-rank_exact", "-published_at", "-id")
    )


def _accented(terms):
    return sorted({w for t in terms for w in t.accented})


def _padded(words):
    return f" {' '.join(words)} "


def _search_sqlite(queryset, terms):
    for term in terms:
        queryset = queryset.filter(search_text__contains=_padded(term.folded))
    accented = [_padded([w]) for w in _accented(terms)]
    columns = ["pk", "published_at", "title", "summary"]
    rows = queryset.order_by("-published_at", "-id").values_list(
        *columns, "search_exact" if accented else "pk"
    )[:CANDIDATE_LIMIT]
    ranked = []
    for pk, published_at, title, summary, exact_doc in rows:
        title, summary = _folded_padded(title), _folded_padded(summary)
        where = sum(
            TITLE if p in title else SUMMARY if p in summary else ELSEWHERE
            for p in (_padded(t.folded) for t in terms)
        )
        exact = sum(w in exact_doc for w in accented) if accented else 0
        ranked.append(((where, exact, published_at, pk), pk))
    ranked.sort(reverse=True)
    return RankedArticles(_page_columns(queryset), [pk for _, pk in ranked])


def _folded_padded(text):
    return _padded(fold_word(w) for w in words(text))


def _page_columns(queryset):
    return queryset.select_related("category").defer(
        "search_text", "search_exact", "search_vector"
    )


class RankedArticles:
    """Ranked article ids; a slice (one page) loads its articles in one query."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, ids

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index]
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


# -- highlighting --------------------------------------------------------------


def highlight(text, folded_words, around=None):
    """Escaped text with the query's words wrapped in <mark>.

    With around=(before, after), only a window of words around the first
    match (or the beginning) is kept, with "…" where text was cut.
    """
    text = nfc(text)
    found = list(WORD.finditer(text))
    hits = [
        i
        for i, m in enumerate(found)
        if fold_word(m.group()[:MAX_WORD_LENGTH]) in folded_words
    ]
    start, end = 0, len(text)
    if around and found:
        first = hits[0] if hits else 0
        lo = max(first - around[0], 0)
        hi = min(first + around[1], len(found) - 1)
        start = found[lo].start() if lo else 0
        end = found[hi].end() if hi < len(found) - 1 else len(text)
    parts = ["…" if start else ""]
    cursor = start
    for i in hits:
        m = found[i]
        if m.start() < start or m.end() > end:
            continue
        parts += [escape(text[cursor : m.start()]), f"<mark>{escape(m.group())}</mark>"]
        cursor = m.end()
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts).strip())


def add_highlights(articles, terms):
    """Give each article a marked title and a snippet around the first match."""
    folded = {w for t in terms for w in t.folded}
    for article in articles:
        text = " ".join(
            p for p in (article.summary, _plain_body(article.body).strip()) if p
        )
        text = " ".join(text.split())
        article.marked_title = highlight(article.title, folded)
        article.snippet = highlight(text, folded, around=(12, 30))


# -- the page -------------------------------------------------------------------


def search_view(request):
    categories = list(Category.objects.all())
    req = parse_request(request.GET, categories)
    results = []
    if req.terms:
        public = _filtered(Article.objects.published(), req, categories)
        results = search(public, req.terms)
    page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    add_highlights(page_obj.object_list, req.terms)
    ctx = {
        "search": req,
        "query": req.query,
        "page_obj": page_obj,
        "categories": categories,
    }
    return render(request, "news/search.html", ctx)
