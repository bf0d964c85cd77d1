"""The register's pages run a fixed number of queries, at 20 documents as at
2,000. The menu and sidebar come from the cache, warmed by a first request;
the visitor counter (stats) is left out."""

import datetime

import pytest
from django.utils import timezone

from documents.models import Document
from documents.search import index_text, vector
from tests.documents.factories import (
    attach_pdf,
    doc_type,
    field,
    issuing_body,
    make_document,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_visit_counting(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]


@pytest.fixture(params=[20, 2000], ids=["20-documents", "2000-documents"])
def register(request):
    types = [doc_type("nghi-quyet"), doc_type("ke-hoach"), doc_type("thong-bao")]
    bodies = [issuing_body("Đảng ủy phường"), issuing_body("UBND phường")]
    fields = [field("Xây dựng Đảng"), field("Đô thị")]
    now = timezone.now()
    today = timezone.localdate()
    documents = []
    for n in range(request.param):
        doc = Document(
            doc_type=types[n % 3],
            issuing_body=bodies[n % 2],
            field=fields[n % 2],
            number_symbol=f"{n + 1}/NQ-ĐU",
            summary=f"Về việc thứ {n + 1} của phường",
            issued_on=today - datetime.timedelta(days=n),
            status=Document.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=1),
        )
        doc.search_text = index_text(doc, [])  # bulk_create skips save()
        doc.search_vector = vector(doc.search_text)
        documents.append(doc)
    Document.objects.bulk_create(documents, batch_size=500)
    newest = Document.objects.order_by("-issued_on").first()
    newer = make_document("9999/QĐ-UBND")
    newest.replaced_by = newer
    newest.save()
    newest.related_articles.set([])
    attach_pdf(newest, "Nội dung tệp")
    return newest


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_list_page_queries(client, django_assert_num_queries, register):
    # 1-3 the types, issuing bodies and fields for the filters, 4 the years
    # that have documents, 5 the count, 6 the page with type, body and field
    count(client, django_assert_num_queries, "/van-ban/", 6)


def test_filtered_and_searched_list_queries(
    client, django_assert_num_queries, register
):
    url = "/van-ban/?loai=nghi-quyet&co_quan=dang-uy-phuong&nam=2026&hieu_luc=con-hieu-luc&q=nq+du"
    # the same six: filters and search add conditions, not queries
    count(client, django_assert_num_queries, url, 6)


def test_detail_page_queries(client, django_assert_num_queries, register):
    # 1 the document with its type, body, field and replacement, 2 its files,
    # 3 the documents it replaces, 4 its related articles
    count(client, django_assert_num_queries, register.get_absolute_url(), 4)


def test_download_queries(client, django_assert_num_queries, register):
    attached = register.files.get()
    # 1 the file with its document
    count(client, django_assert_num_queries, attached.get_absolute_url(), 1)
