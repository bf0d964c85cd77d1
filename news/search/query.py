"""Reading a search request: terms, filters and notices, never an error."""

import datetime
import re
from dataclasses import dataclass, field

from core.dates import YEARS, local_midnight
from core.text import nfc
from news.search.folding import fold_word, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
TERM = re.compile(r'"([^"]*)"?|[^\s"]+')
SLUG = re.compile(r"[-a-z0-9_]{1,140}")
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


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


def filtered(queryset, req):
    """The queryset narrowed by the request's category and dates."""
    if req.category:
        queryset = queryset.in_category(req.category)
    if req.start:
        queryset = queryset.filter(published_at__gte=local_midnight(req.start))
    if req.end:
        end = local_midnight(req.end) + datetime.timedelta(days=1)
        queryset = queryset.filter(published_at__lt=end)
    return queryset
