"""Search in the register: the number and symbol, the summary, the signer and
the files' text, folded (no case, no diacritics, đ -> d, punctuation as
spaces), so that "12 nq du" finds "12/NQ-ĐU".

The folded words are kept in Document.search_text, padded with spaces, and a
query asks for each word with LIKE '% word %'. A ward's register holds
hundreds or a few thousand documents, each file's text cut at
core.extract.MAX_CHARS, so a scan of that column stays cheap (measured in
tests/documents/test_search.py's benchmark note); news, with 100,000
articles, needed an index, this does not.
"""

import re

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
    for term in terms:
        queryset = queryset.filter(search_text__contains=f" {term} ")
    return queryset
