"""The approval queue on the dashboard, who-wrote columns and filters, and the
leaders' report of what was published in a period (XLSX and CSV)."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.dates import local_midnight
from news.models import Article
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    make_article,
    make_category,
    make_staff,
)

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("admin:news_article_report")
LIST_URL = reverse("admin:news_article_changelist")
DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def approver(client):
    user = make_staff("nguoiduyet", APPROVERS)
    client.force_login(user)
    return user


def test_the_dashboard_shows_the_approval_queue_and_my_drafts(client, approver):
    writer = make_staff("bientapvien", WRITERS)
    make_article(status=Article.Status.PENDING, title="Chờ một", created_by=writer)
    make_article(status=Article.Status.PENDING, title="Chờ hai", created_by=writer)
    make_article(status=Article.Status.DRAFT, title="Nháp của tôi", created_by=approver)
    make_article(
        status=Article.Status.DRAFT, title="Nháp người khác", created_by=writer
    )
    html = client.get(reverse("admin:index")).content.decode()
    assert "Tin chờ duyệt (2)" in html and "Chờ một" in html
    assert "Bản nháp của tôi (1)" in html and "Nháp của tôi" in html
    assert "Nháp người khác" not in html


def test_the_list_shows_and_filters_by_who_wrote_and_approved(client, approver):
    alice = make_staff("alice", WRITERS)
    make_article(title="Tin của Alice", created_by=alice, author="Tổ văn hóa")
    make_article(title="Tin của người khác")
    html = client.get(LIST_URL).content.decode()
    for text in ("Người tạo", "Người duyệt", "Tác giả", "Tổ văn hóa"):
        assert text in html, text
    filtered = client.get(LIST_URL, {"created_by__id__exact": alice.pk})
    html = filtered.content.decode()
    assert "Tin của Alice" in html and "Tin của người khác" not in html


@pytest.fixture
def period_articles(approver):
    """Published around the local days 01/10 to 31/10/2026, boundaries included."""
    category = make_category("Thông báo")
    start, end = datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)
    first, after = local_midnight(start), local_midnight(end + DAY)
    moments = {
        "Trước kỳ": first - SECOND,
        "Đầu kỳ": first,
        "Giữa kỳ": first + 10 * DAY,
        "Cuối kỳ": after - SECOND,
        "Sau kỳ": after,
    }
    writer = make_staff("bientapvien", WRITERS)
    for title, moment in moments.items():
        make_article(
            category,
            title=title,
            published_at=moment,
            created_by=writer,
            approved_by=approver,
            author="Ban biên tập",
        )
    make_article(
        category,
        title="Nháp trong kỳ",
        status=Article.Status.DRAFT,
        published_at=first + DAY,
    )
    return {"start": "01/10/2026", "end": "31/10/2026"}


def test_the_xlsx_report_lists_exactly_the_periods_articles(client, period_articles):
    response = client.get(REPORT_URL, {**period_articles, "format": "xlsx"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thời gian xuất bản", "Chuyên mục", "Tiêu đề")
    assert [r[2] for r in rows[1:]] == ["Đầu kỳ", "Giữa kỳ", "Cuối kỳ"]
    first = rows[1]
    assert first[0] == "01/10/2026 00:00"
    assert first[3:6] == ("Ban biên tập", "bientapvien", "nguoiduyet")
    assert first[6].startswith("http://testserver/tin-tuc/")
    assert rows[3][0] == "31/10/2026 23:59"


def test_the_csv_report_has_the_same_rows(client, period_articles):
    response = client.get(REPORT_URL, {**period_articles, "format": "csv"})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[2] for r in rows[1:]] == ["Đầu kỳ", "Giữa kỳ", "Cuối kỳ"]


def test_the_report_form_takes_vietnamese_dates_and_explains_mistakes(client, approver):
    html = client.get(REPORT_URL).content.decode()
    assert "Từ ngày" in html and "dd/mm/yyyy" in html
    bad = client.get(REPORT_URL, {"start": "2026-11-01", "end": "30/11/2026"})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    backwards = client.get(REPORT_URL, {"start": "30/11/2026", "end": "01/11/2026"})
    assert "Ngày bắt đầu phải trước ngày kết thúc" in backwards.content.decode()


def test_writers_cannot_take_the_report(client):
    client.force_login(make_staff("bientapvien", WRITERS))
    assert client.get(REPORT_URL).status_code == 403


def test_publishing_records_the_approver(client, approver):
    pending = make_article(status=Article.Status.PENDING)
    client.post(LIST_URL, {"action": "publish", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.approved_by == approver
    assert pending.published_at <= timezone.now()
