"""Files attached to articles and static pages: listed under the body with
their format and size, served like the documents' files, checked the same."""

import pytest
from django.contrib.auth.models import User

from news.models import ArticleAttachment
from portal.models import Page, PageAttachment
from tests.documents import samples
from tests.news.factories import APPROVERS, WRITERS, make_article, make_staff

pytestmark = pytest.mark.django_db

PDF = samples.pdf_bytes("Biểu mẫu", ["Đơn đăng ký tạm trú"])


def test_an_articles_files_are_listed_and_downloadable(client):
    article = make_article(title="Hướng dẫn đăng ký tạm trú")
    attached = ArticleAttachment.objects.create(
        article=article, file=samples.upload("Mẫu đơn tạm trú.pdf", PDF)
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tệp đính kèm" in page and "Mẫu đơn tạm trú.pdf" in page
    assert "(PDF, " in page
    response = client.get(attached.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        "filename*=UTF-8''M%E1%BA%ABu%20%C4%91%C6%A1n"
        in response["Content-Disposition"]
    )
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_draft_articles_files_are_hidden_from_the_public(client):
    article = make_article(status="draft")
    attached = ArticleAttachment.objects.create(
        article=article, file=samples.upload("a.pdf", PDF)
    )
    assert client.get(attached.get_absolute_url()).status_code == 404
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get(attached.get_absolute_url()).status_code == 404  # no role
    client.force_login(make_staff("duyettin", APPROVERS))
    assert client.get(attached.get_absolute_url()).status_code == 200


def test_a_pages_files_are_listed_and_downloadable(client):
    page = Page.objects.create(title="Thủ tục hành chính", body="<p>Danh sách.</p>")
    attached = PageAttachment.objects.create(
        page=page,
        file=samples.upload("Danh mục.docx", samples.docx_bytes("Danh mục", ["x"])),
    )
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Danh mục.docx" in html and "Word (DOCX)" in html
    response = client.get(attached.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment;")
    page.is_published = False
    page.save()
    assert client.get(attached.get_absolute_url()).status_code == 404


def test_a_writer_attaches_a_file_to_an_article_in_the_admin(client):
    from tests.news.factories import make_category

    writer = make_staff("alice", WRITERS)
    client.force_login(writer)
    category = make_category("Thông báo")
    data = {
        "title": "Thông báo lịch tiêm chủng",
        "category": category.pk,
        "summary": "Lịch tiêm",
        "body": "<p>Nội dung.</p>",
        "status": "pending",
        "published_at_0": "02/03/2026",
        "published_at_1": "08:00:00",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-order": "0",
        "attachments-0-file": samples.upload("Lịch tiêm.pdf", PDF),
    }
    response = client.post("/quan-tri/news/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ArticleAttachment.objects.get().original_name == "Lịch tiêm.pdf"


def test_an_executable_cannot_be_attached_to_an_article():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ArticleAttachment.objects.create(
            article=make_article(),
            file=samples.upload("tai-lieu.pdf", samples.EXECUTABLE),
        )
    assert not ArticleAttachment.objects.exists()
