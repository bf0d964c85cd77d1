"""What the round-trip tests put into a scratch site, run there by
`manage.py shell -c`: a bit of everything staff and readers create."""

import datetime
import sys

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import Client

from news.models import Article
from portal.models import Page, SiteProfile, SupportUnit
from stats.models import DailyVisits, StatsSettings
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


def create():
    _news()
    _portal()
    _people_and_visits()


def home():
    """Print the home page as a reader gets it."""
    response = Client(HTTP_HOST="localhost").get("/")
    assert response.status_code == 200, response.status_code
    sys.stdout.write(response.content.decode())
