"""Góp ý dự thảo: drafts open for comment, a form that closes by itself at the
deadline (Asia/Ho_Chi_Minh), comments stored only while open, personal data
never public, staff moderation."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from documents.models import Comment, Consultation
from tests.documents.factories import (
    attach_pdf,
    comment_data,
    make_consultation,
    make_document,
)
from tests.portal.sitemap_xml import sitemap_text

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def deadline_consultation():
    # 17:00 on 15/12/2026 in Hà Nội is 10:00 UTC.
    return make_consultation(
        opens_at=datetime.datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
        closes_at=datetime.datetime(2026, 12, 15, 10, 0, tzinfo=UTC),
        title="Dự thảo quy định giờ thu gom rác",
    )


def test_the_list_shows_open_drafts_first_with_deadline_and_count(client):
    now = timezone.now()
    closed = make_consultation(
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=10),
        title="Dự thảo đã hết hạn",
    )
    opened = make_consultation(title="Dự thảo đang mở")
    Comment.objects.create(consultation=opened, body="Một", status="published")
    Comment.objects.create(consultation=opened, body="Hai")
    Comment.objects.create(consultation=opened, body="Rác", status="hidden")
    page = client.get("/gop-y-du-thao/").content.decode()
    assert page.index("Dự thảo đang mở") < page.index("Dự thảo đã hết hạn")
    assert "Đang lấy ý kiến" in page and "Đã hết hạn" in page
    assert "2 góp ý" in page  # hidden comments (spam, abuse) are not counted
    assert (
        closed.closes_at.astimezone(timezone.get_current_timezone()).strftime(
            "%H:%M %d/%m/%Y"
        )
        in page
    )


def test_only_published_documents_can_be_public_consultations(client):
    draft = make_consultation(document=make_document(status="draft"), title="Kín")
    assert "Kín" not in client.get("/gop-y-du-thao/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    later = make_document(published_at=timezone.now() + datetime.timedelta(days=1))
    assert (
        client.get(make_consultation(document=later).get_absolute_url()).status_code
        == 404
    )


def test_a_draft_page_shows_its_files_deadline_and_days_left(client, monkeypatch):
    consultation = deadline_consultation()
    attach_pdf(consultation.document, "Nội dung dự thảo", name="Dự thảo quy định.pdf")
    at(monkeypatch, datetime.datetime(2026, 12, 10, 3, 0, tzinfo=UTC))
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Hạn góp ý: <time" in page
    assert "17:00 15/12/2026" in page
    assert "còn 5 ngày" in page
    assert "Dự thảo quy định.pdf" in page
    assert 'class="hp-field-row"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "/trang/chinh-sach-bao-ve-du-lieu-ca-nhan/" in page


@pytest.mark.parametrize(
    "utc, is_open",
    [
        # 16:59:59 in Hà Nội on the last day: still open.
        (datetime.datetime(2026, 12, 15, 9, 59, 59, tzinfo=UTC), True),
        # 17:00 in Hà Nội: closed.
        (datetime.datetime(2026, 12, 15, 10, 0, 0, tzinfo=UTC), False),
        # 23:30 in Hà Nội, still 15/12: a deadline read as UTC would be open.
        (datetime.datetime(2026, 12, 15, 16, 30, tzinfo=UTC), False),
        # 16:30 in Hà Nội but only 09:30 UTC: a deadline read as local time
        # on a UTC clock would already be closed.
        (datetime.datetime(2026, 12, 15, 9, 30, tzinfo=UTC), True),
    ],
)
def test_the_form_closes_at_the_deadline_in_vietnam(client, monkeypatch, utc, is_open):
    consultation = deadline_consultation()
    at(monkeypatch, utc)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert ('name="body"' in page) is is_open
    assert ("Biểu mẫu góp ý đã đóng" in page) is not is_open
    response = client.post(consultation.get_absolute_url(), comment_data())
    assert response.status_code == (302 if is_open else 403)
    assert Comment.objects.count() == (1 if is_open else 0)


def test_a_comment_after_the_deadline_is_refused_with_its_text_shown(
    client, monkeypatch
):
    consultation = deadline_consultation()
    at(monkeypatch, datetime.datetime(2026, 12, 16, 1, 0, tzinfo=UTC))
    response = client.post(
        consultation.get_absolute_url(), comment_data(body="Ý kiến <b>muộn</b>")
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "Đã hết hạn góp ý lúc 17:00 15/12/2026" in page
    assert "chưa được gửi vì đã quá hạn" in page
    assert "Ý kiến &lt;b&gt;muộn&lt;/b&gt;" in page
    assert not Comment.objects.exists()


def test_a_draft_not_yet_open_shows_no_form_and_takes_no_comment(client):
    later = timezone.now() + datetime.timedelta(days=2)
    consultation = make_consultation(
        opens_at=later, closes_at=later + datetime.timedelta(days=10)
    )
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert 'name="body"' not in page
    assert "chưa bắt đầu nhận góp ý" in page
    response = client.post(consultation.get_absolute_url(), comment_data())
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_resident_comments_and_is_thanked():
    client = Client(enforce_csrf_checks=True)
    consultation = make_consultation()
    form = client.get(consultation.get_absolute_url()).content.decode()
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(
        consultation.get_absolute_url(),
        comment_data(csrfmiddlewaretoken=token),
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?da-gui=1#gop-y")
    comment = Comment.objects.get()
    assert comment.status == "new"
    assert comment.contact == "0905123456"
    assert comment.address == "Tổ 12, khu phố 3"
    assert len(comment.sender_key) == 32 and "127.0.0.1" not in comment.sender_key
    page = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã góp ý" in page


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Trường này là bắt buộc"),
        ("contact", "gọi tôi", "số điện thoại"),
        ("body", "", "Trường này là bắt buộc"),
        ("consent", "", "đánh dấu đồng ý"),
    ],
)
def test_a_form_with_mistakes_keeps_the_text_and_says_what_to_fix(
    client, field, value, message
):
    consultation = make_consultation()
    data = comment_data(body="Ý kiến của tôi về giờ thu gom rác")
    data[field] = value
    response = client.post(consultation.get_absolute_url(), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Góp ý chưa được gửi" in page and message in page
    if field != "body":
        assert "Ý kiến của tôi về giờ thu gom rác" in page
    assert not Comment.objects.exists()


def test_contacts_are_normalised():
    from documents.comment_form import normalized_contact

    assert normalized_contact("+84 905.123.456") == "0905123456"
    assert normalized_contact("0905-123-456") == "0905123456"
    assert normalized_contact("Mai@Example.COM") == "mai@example.com"
    assert normalized_contact("12") is None
    assert normalized_contact("a@b") is None


def test_published_comments_show_without_personal_data(client):
    consultation = make_consultation(report="<p>Đã tiếp thu <script>x()</script></p>")
    Comment.objects.create(
        consultation=consultation,
        name="Lê Văn Bình",
        contact="binh@example.com",
        address="Tổ 7 khu phố 2",
        body="Nên lắp thêm đèn ở hẻm 14.",
        status="published",
    )
    Comment.objects.create(consultation=consultation, body="Chưa duyệt", name="Ẩn Danh")
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "Nên lắp thêm đèn ở hẻm 14." in page
    assert "Người góp ý" in page
    for private in ["Lê Văn Bình", "binh@example.com", "Tổ 7 khu phố 2", "Chưa duyệt"]:
        assert private not in page
    assert "Báo cáo tiếp thu, giải trình" in page
    assert "Đã tiếp thu" in page and "<script>" not in page


def test_closing_must_come_after_opening():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    consultation = Consultation(
        document=make_document(), title="Sai", opens_at=now, closes_at=now
    )
    with pytest.raises(ValidationError, match="Hạn góp ý phải sau"):
        consultation.full_clean()


HOSTILE_PATHS = [
    "/gop-y-du-thao/khong-co/",
    "/gop-y-du-thao/%00/",
    "/gop-y-du-thao/" + "a" * 3000 + "/",
    "/gop-y-du-thao/'%22%3E%3Cscript%3E/",
    "/gop-y-du-thao/..%2F..%2Fetc/",
    "/gop-y-du-thao/%C4%91/",
    "/gop-y-du-thao/a/b/",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_are_404(path):
    make_consultation()
    client = Client(raise_request_exception=False)
    assert client.get(path).status_code == 404
    assert client.post(path, comment_data()).status_code in (403, 404)


@pytest.mark.parametrize("value", ["0", "-1", "abc", "9" * 40, "%00", "１２"])
def test_hostile_page_numbers_give_a_page(value):
    consultation = make_consultation()
    client = Client(raise_request_exception=False)
    assert client.get("/gop-y-du-thao/", {"page": value}).status_code == 200
    assert (
        client.get(consultation.get_absolute_url(), {"page": value}).status_code == 200
    )


def test_a_put_is_not_allowed():
    consultation = make_consultation()
    assert Client().put(consultation.get_absolute_url()).status_code == 405


def test_an_open_draft_page_is_never_shared_by_caches(client):
    consultation = make_consultation()
    response = client.get(consultation.get_absolute_url())
    assert "private" in response["Cache-Control"]
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )


def test_the_list_is_cached_no_longer_than_the_next_deadline(client):
    now = timezone.now()
    make_consultation(closes_at=now + datetime.timedelta(seconds=20))
    control = client.get("/gop-y-du-thao/")["Cache-Control"]
    assert "public" in control
    seconds = int(control.split("max-age=")[1].split(",")[0])
    assert seconds <= 20


def test_consultations_are_in_the_sitemap(client):
    public = make_consultation()
    hidden = make_consultation(document=make_document(status="draft"))
    xml = sitemap_text(client)
    assert "http://testserver/gop-y-du-thao/</loc>" in xml
    assert f"{public.get_absolute_url()}</loc>" in xml
    assert f"{hidden.get_absolute_url()}</loc>" not in xml


def test_the_feed_lists_opened_public_drafts(client):
    import xml.etree.ElementTree as ET

    make_consultation(title="Dự thảo <b>mở</b>")
    later = timezone.now() + datetime.timedelta(days=3)
    make_consultation(
        title="Chưa mở", opens_at=later, closes_at=later + datetime.timedelta(days=9)
    )
    make_consultation(document=make_document(status="draft"), title="Kín")
    response = client.get("/gop-y-du-thao/rss/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").endswith("Góp ý dự thảo")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Dự thảo &lt;b&gt;mở&lt;/b&gt;"]
    assert items[0].findtext("description").startswith("Hạn góp ý: ")
    assert items[0].findtext("link").startswith("http://testserver/gop-y-du-thao/")


def test_the_document_page_links_to_its_consultation(client):
    consultation = make_consultation(title="Dự thảo về chợ tạm")
    page = client.get(consultation.document.get_absolute_url()).content.decode()
    assert f'href="{consultation.get_absolute_url()}"' in page


def test_approvers_put_a_draft_out_for_comment_in_the_admin():
    from django.contrib.auth.models import Group, User

    from core.roles import APPROVERS, WRITERS
    from documents.roles import ensure_roles

    ensure_roles()
    approver = User.objects.create_user("duyet", password="x", is_staff=True)
    approver.groups.add(Group.objects.get(name=APPROVERS))
    writer = User.objects.create_user("viet", password="x", is_staff=True)
    writer.groups.add(Group.objects.get(name=WRITERS))
    document = make_document()
    data = {
        "document": document.pk,
        "title": "Dự thảo quy định về chợ",
        "slug": "",
        "introduction": "",
        "opens_at_0": "10/12/2026",
        "opens_at_1": "08:00",
        "closes_at_0": "01/12/2026",
        "closes_at_1": "17:00",
        "report": "",
    }
    url = "/quan-tri/documents/consultation/add/"
    staff = Client()
    staff.force_login(writer)
    assert staff.get(url).status_code == 403
    staff.force_login(approver)
    page = staff.post(url, data).content.decode()
    assert "Hạn góp ý phải sau thời điểm bắt đầu nhận góp ý" in page
    data.update(closes_at_0="25/12/2026")
    assert staff.post(url, data).status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.slug == "du-thao-quy-dinh-ve-cho"
    # 17:00 in Hà Nội is 10:00 UTC.
    assert consultation.closes_at == datetime.datetime(2026, 12, 25, 10, 0, tzinfo=UTC)
