"""What the round-trip tests put into a scratch site, run there by
`manage.py shell -c`: a bit of everything staff and readers create."""

import datetime
import hashlib
import sys

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client

from documents.models import DocumentFile
from news.models import Article, ArticleAttachment
from portal.models import Page, PageAttachment, SiteProfile, SupportUnit
from stats.models import DailyVisits, StatsSettings
from tests.documents.factories import attach_pdf, make_document
from tests.documents.samples import docx_bytes, pdf_bytes, upload
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    image_bytes,
    image_upload,
    make_article,
    make_category,
    make_staff,
)


def _news():
    news = make_category("Tin tức phường", order=1)
    culture = make_category("Văn hóa – xã hội", parent=news)
    make_article(
        news,
        title="Phường ra quân làm sạch kênh Ba Bò",
        image=image_upload("kenh-ba-bo.png", color=(20, 120, 60)),
        image_alt="Người dân vớt rác trên kênh",
        is_featured=True,
    )
    make_article(culture, title="Đêm hội trăng rằm cho thiếu nhi khu phố 3")
    make_article(news, title="Lịch tiếp công dân tháng 12", status=Article.Status.DRAFT)


def _portal():
    profile = SiteProfile(portal_name="Cổng thông tin phường Thử Nghiệm")
    profile.logo_alt = "Biểu trưng phường Thử Nghiệm"
    profile.logo.save("logo.png", ContentFile(image_bytes()), save=False)
    profile.save()
    unit = SupportUnit(
        name="Cổng dịch vụ công", url="https://example.org/dvc", logo_alt="Biểu trưng"
    )
    unit.logo.save("dvc.png", ContentFile(image_bytes(color=(200, 30, 30))), save=False)
    unit.save()
    Page.objects.create(title="Giới thiệu", body="<p>Phường có bốn khu phố.</p>")
    Page.objects.create(title="Liên hệ", body="<p>Điện thoại trực ban.</p>")


def _people_and_visits():
    make_staff("bien-tap-vien", WRITERS)
    make_staff("nguoi-duyet", APPROVERS)
    Group.objects.create(name="Tổ văn phòng")
    User.objects.create_superuser("quan-tri", password="mat-khau-thu-nghiem-2")
    today = datetime.date(2026, 11, 29)
    for days in range(5):
        DailyVisits.objects.create(
            day=today - datetime.timedelta(days=days), visits=100 + days
        )
    StatsSettings(starting_total=111200).save()


def _attached_files():
    """Stored under PORTAL_FILES_ROOT, not MEDIA_ROOT."""
    document = make_document("15/NQ-ĐU", summary="Về việc chỉnh trang vỉa hè khu phố 2")
    attach_pdf(document, "Nghị quyết chỉnh trang vỉa hè khu phố 2.")
    article = Article.objects.get(title="Phường ra quân làm sạch kênh Ba Bò")
    form = pdf_bytes("Đăng ký", ["Đơn đăng ký tham gia làm sạch kênh."])
    ArticleAttachment.objects.create(
        article=article, file=upload("Đơn đăng ký.pdf", form)
    )
    PageAttachment.objects.create(
        page=Page.objects.get(title="Liên hệ"),
        file=upload("Danh bạ.docx", docx_bytes("Danh bạ", ["Trực ban: 0123"])),
    )


def create():
    _news()
    _portal()
    _people_and_visits()
    _attached_files()
    _questions()


def _questions():
    from tests.questions.factories import make_question

    make_question(answered=True, public=True)
    make_question(title="Câu hỏi đang chờ trả lời")


def home():
    """Print the home page as a reader gets it."""
    response = Client(HTTP_HOST="localhost").get("/")
    assert response.status_code == 200, response.status_code
    sys.stdout.write(response.content.decode())


def downloads():
    """Print each attached file's name and the SHA-256 of its download."""
    client = Client(HTTP_HOST="localhost")
    for model in (DocumentFile, ArticleAttachment, PageAttachment):
        for attached in model.objects.order_by("pk"):
            response = client.get(attached.get_absolute_url())
            assert response.status_code == 200, response.status_code
            body = b"".join(response.streaming_content)
            digest = hashlib.sha256(body).hexdigest()
            sys.stdout.write(f"{attached.original_name} {digest}\n")
