"""Search in /van-ban/: the number and symbol with or without diacritics and
punctuation, the summary, and words only found inside a PDF or a DOCX."""

import pytest

from documents.search import index_text, parse_query
from tests.documents.factories import attach_docx, attach_pdf, make_document

pytestmark = pytest.mark.django_db


def found(client, q, **params):
    response = client.get("/van-ban/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "query", ["12/NQ-ĐU", "12 nq du", "12 NQ ĐU", "12/nq-du", "nq-đu 12", "12-NQ/DU"]
)
def test_the_number_and_symbol_is_found_however_it_is_typed(client, query):
    make_document("12/NQ-ĐU", summary="Về công tác cán bộ")
    make_document("13/NQ-ĐU", summary="Về công tác dân vận")
    page = found(client, query)
    assert "12/NQ-ĐU" in page and "13/NQ-ĐU" not in page


def test_whole_words_match_not_parts_of_words(client):
    make_document("5/KH-UBND", summary="Kế hoạch thủy lợi")
    assert "5/KH-UBND" in found(client, "thuy loi")
    assert "5/KH-UBND" not in found(client, "thu")


def test_a_phrase_only_inside_a_pdf_finds_its_document(client):
    doc = make_document("7/TB-UBND", summary="Thông báo lịch tiếp dân")
    other = make_document("8/TB-UBND", summary="Thông báo khác")
    attach_pdf(doc, "Ông Trần Văn Bình tiếp công dân tại hội trường Khối Phố Bốn.")
    attach_pdf(other, "Không có gì đặc biệt.")
    page = found(client, "hội trường khối phố bốn")
    assert "7/TB-UBND" in page and "8/TB-UBND" not in page
    assert "7/TB-UBND" in found(client, "hoi truong khoi pho bon")


def test_a_phrase_only_inside_a_docx_finds_its_document(client):
    doc = make_document("3/HD-MTTQ", summary="Hướng dẫn bầu cử")
    attach_docx(doc, "Tổ bầu cử số chín họp tại nhà văn hóa Tân Lập.")
    page = found(client, "nha van hoa tan lap")
    assert "3/HD-MTTQ" in page


def test_deleting_a_file_forgets_its_words(client):
    doc = make_document("9/BC-UBND")
    attached = attach_pdf(doc, "Mười hai hộ nghèo thoát nghèo.")
    assert "9/BC-UBND" in found(client, "thoat ngheo")
    attached.delete()
    assert "9/BC-UBND" not in found(client, "thoat ngheo")


def test_drafts_are_never_found(client):
    make_document("4/QĐ-UBND", status="draft", summary="Quyết định nội bộ")
    assert "4/QĐ-UBND" not in found(client, "quyet dinh noi bo")


def test_a_long_query_is_cut_with_a_message():
    query, terms, notices = parse_query("ab " * 200)
    assert len(query) == 200 and terms == ["ab"] and notices


def test_the_index_is_folded_words_between_spaces():
    doc = make_document("12/NQ-ĐU", summary="Đường Hòa Thuận")
    assert index_text(doc, ["Ý kiến"]) == " 12 nq du duong hoa thuan y kien "


@pytest.mark.postgres
def test_postgresql_matches_through_the_gin_indexed_vector():
    from django.db import connection

    from documents.models import Document
    from documents.search import matching, parse_query

    doc = make_document("12/NQ-ĐU", summary="Về công tác cán bộ")
    assert Document.objects.filter(pk=doc.pk, search_vector__isnull=False).exists()
    _, terms, _ = parse_query("12 nq đu")
    queryset = matching(Document.objects.all(), terms)
    assert list(queryset) == [doc]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "document_search" in plan
