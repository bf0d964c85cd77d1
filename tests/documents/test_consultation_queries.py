"""The consultation pages run a fixed number of queries, at 5 drafts with a
few comments as at 300 drafts with thousands. The menu and sidebar come from
the cache, warmed by a first request; the visitor counter is left out."""

import datetime

import pytest
from django.utils import timezone

from documents.models import Comment, Consultation
from tests.documents.factories import attach_pdf, make_consultation, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_visit_counting(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]


@pytest.fixture(params=[5, 300], ids=["5-drafts", "300-drafts"])
def drafts(request):
    now = timezone.now()
    made = []
    for n in range(request.param):
        opens = now - datetime.timedelta(days=n)
        made.append(
            make_consultation(
                opens_at=opens,
                closes_at=opens + datetime.timedelta(days=15),
                title=f"Dự thảo thứ {n}",
            )
        )
    first = made[0]
    attach_pdf(first.document, "Dự thảo")
    Comment.objects.bulk_create(
        Comment(
            consultation=c,
            body=f"Ý kiến {k}",
            status="published" if k % 2 else "new",
        )
        for c in made[:20]
        for k in range(request.param // 5 + 2)
    )
    return first


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_list_page_queries(client, django_assert_num_queries, drafts):
    # 1 the count, 2 the page of drafts with their document, type and the
    # count of comments, 3 the next opening or closing (for Cache-Control)
    count(client, django_assert_num_queries, "/gop-y-du-thao/", 3)


def test_detail_page_queries(client, django_assert_num_queries, drafts):
    # 1 the draft with its document, type, issuing body and count of
    # comments, 2 its files, 3 the count of published comments, 4 their page
    count(client, django_assert_num_queries, drafts.get_absolute_url(), 4)


def test_an_unpublished_documents_draft_costs_one_query(
    client, django_assert_num_queries
):
    hidden = make_consultation(document=make_document(status="draft"))
    client.get("/gop-y-du-thao/")
    with django_assert_num_queries(1):
        assert client.get(hidden.get_absolute_url()).status_code == 404
    assert Consultation.objects.public().count() == 0
