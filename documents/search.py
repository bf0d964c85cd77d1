"""Search in the register: the number and symbol, the summary, the signer and
the files' text, folded (no case, no diacritics, đ -> d, punctuation as
spaces), so that "12 nq du" finds "12/NQ-ĐU". Every word must occur, as a
whole word, anywhere in the document or its files.

Document.search_text keeps the folded words padded with spaces. SQLite
matches with LIKE '% word %' (a ward's register is small). On PostgreSQL,
where a register with long files made that scan cost seconds (2,000
documents of 50,000 characters: about 2 s a query), search_vector holds the
same words as a tsvector built here in Python, GIN-indexed (migration 0003),
and a query is a tsquery made only of quoted folded words, never of user
syntax.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils.html import strip_tags

from core.text import fold

MAX_QUERY = 200
MAX_TERMS = 8
# Per document: the fields and the first part of its files' text.
MAX_INDEX = 300_000
_NOT_WORD = re.compile(r"[\W_]+")


def words(text):
    return _NOT_WORD.sub(" ", fold(text)).split()


def index_text(document, file_texts):
    parts = [
        document.number_symbol,
        document.summary,
        document.signer,
        strip_tags(document.body or ""),
        *file_texts,
    ]
    text = " ".join(" ".join(words(part)) for part in parts if part)
    return f" {text[:MAX_INDEX]} "


def vector(search_text):
    """tsvector input: each distinct folded word, quoted (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return None
    return " ".join(quote(word) for word in sorted(set(search_text.split())))


def quote(word):
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def parse_query(raw):
    """(query as shown, folded terms, notices)."""
    notices = []
    query = " ".join((raw or "").split())
    if len(query) > MAX_QUERY:
        query = query[:MAX_QUERY]
        notices.append(f"Từ khóa dài quá nên chỉ dùng {MAX_QUERY} ký tự đầu.")
    terms = list(dict.fromkeys(words(query)))
    if len(terms) > MAX_TERMS:
        terms = terms[:MAX_TERMS]
        notices.append(f"Chỉ tìm theo {MAX_TERMS} từ đầu tiên.")
    return query, terms, notices


def find(raw_query, limit):
    """For the site-wide search (composed by portal): how many published
    documents match, and the newest few."""
    from documents.models import Document

    _, terms, _ = parse_query(raw_query)
    if not terms:
        return 0, []
    found = matching(Document.objects.published().for_listing(), terms)
    count = found.count()
    return count, list(found[:limit]) if count else []


def matching(queryset, terms):
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        query = " & ".join(quote(term) for term in terms)
        raw = SearchQuery(query, search_type="raw", config="simple")
        return queryset.filter(search_vector=raw)
    for term in terms:
        queryset = queryset.filter(search_text__contains=f" {term} ")
    return queryset
