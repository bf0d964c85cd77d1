"""Floods and hostile text on the comment form: the site keeps serving, the
stored rows stay within the limits (in the cache and in the database), every
refused send gets a 429 or the form with a message, and whatever a resident
types is shown as inert text, on the site and in the admin."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from core.roles import APPROVERS, WRITERS
from documents import consultation_views
from documents.models import Comment
from documents.roles import ensure_roles
from tests.documents.factories import comment_data, make_consultation

pytestmark = pytest.mark.django_db

BUSY = "Hệ thống đang nhận quá nhiều góp ý"


@pytest.fixture(autouse=True)
def form_settings(settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    settings.PUBLIC_FORM_RATE_PER_ADDRESS = [(3, 600), (20, 86400)]
    settings.PUBLIC_FORM_RATE_OVERALL = [(60, 3600), (300, 86400)]
    settings.STATS_TRUSTED_PROXIES = 1


def flood(consultation, addresses):
    """One send per address in the list; the reader's page is asked for
    between sends. Returns the status codes of the sends."""
    client = Client(raise_request_exception=False)
    reader = Client(raise_request_exception=False)
    codes = []
    for n, address in enumerate(addresses):
        response = client.post(
            consultation.get_absolute_url(),
            comment_data(body=f"Góp ý số {n}"),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )
        codes.append(response.status_code)
        if response.status_code != 302:
            assert response.status_code == 429
            page = response.content.decode()
            assert BUSY in page
            assert f"Góp ý số {n}" in page  # the typed text is kept
        if n % 20 == 0:
            assert reader.get("/gop-y-du-thao/").status_code == 200
            assert reader.get(consultation.get_absolute_url()).status_code == 200
    return codes


def test_200_posts_from_one_address_store_three():
    consultation = make_consultation()
    codes = flood(consultation, ["198.51.100.7"] * 200)
    assert codes.count(302) == 3 and codes.count(429) == 197
    assert Comment.objects.count() == 3


def test_200_posts_from_200_addresses_store_what_the_overall_limit_allows():
    consultation = make_consultation()
    addresses = [f"198.51.{n // 250}.{n % 250 + 1}" for n in range(200)]
    codes = flood(consultation, addresses)
    assert codes.count(302) == 60 and codes.count(429) == 140
    assert Comment.objects.count() == 60
    keys = set(Comment.objects.values_list("sender_key", flat=True))
    assert len(keys) == 60 and not any("198.51" in k for k in keys)


def test_without_the_cache_the_database_still_bounds_the_rows(monkeypatch):
    # The cache fails open (Redis away, or one per process): the count of
    # stored rows per sender and overall is the bound that remains.
    monkeypatch.setattr(consultation_views, "rate_limited", lambda *a, **k: False)
    consultation = make_consultation()
    flood(consultation, ["198.51.100.7"] * 200)
    assert Comment.objects.count() == 3
    flood(consultation, [f"203.0.113.{n}" for n in range(1, 201)])
    assert Comment.objects.count() == 60


def test_honeypot_and_too_fast_sends_are_refused_with_a_message(client, settings):
    consultation = make_consultation()
    url = consultation.get_absolute_url()
    page = client.post(url, comment_data(website="http://spam.example")).content
    assert "để trống ô cuối cùng".encode() in page
    settings.PUBLIC_FORM_MIN_SECONDS = 30
    page = client.post(url, comment_data()).content
    assert "quá nhanh".encode() in page
    assert not Comment.objects.exists()


def test_a_100_kb_field_is_refused_with_a_message_and_nothing_stored(client):
    consultation = make_consultation()
    for field in ["name", "contact", "address", "body"]:
        response = client.post(
            consultation.get_absolute_url(), comment_data(**{field: "a" * 100_000})
        )
        assert response.status_code == 200
        assert "Góp ý chưa được gửi" in response.content.decode()
    assert not Comment.objects.exists()


XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
]


def hostile_comment(client, consultation):
    body = " ".join(XSS) + "\u202etxt.exe\x00\x07\x1b[31m đỏ\nDòng hai"
    response = client.post(
        consultation.get_absolute_url(),
        comment_data(name="<b>Tên</b>\u202e", address="<i>Tổ 1</i>", body=body),
    )
    assert response.status_code == 302
    return Comment.objects.get()


def test_hostile_text_is_stored_clean_and_shown_inert_on_the_site(client):
    consultation = make_consultation()
    comment = hostile_comment(client, consultation)
    assert "\u202e" not in comment.body and "\x00" not in comment.body
    assert "\x07" not in comment.body and "\x1b" not in comment.body
    assert "<script>alert(1)</script>" in comment.body  # stored as typed text
    comment.status = "published"
    comment.save()
    page = Client().get(consultation.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for vector in XSS[:3]:
        assert vector not in page
    assert "{{ 7*7 }}" in page
    assert "<br>Dòng hai" in page
    assert "\u202e" not in page


def staff(username, group):
    ensure_roles()
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_hostile_text_is_inert_in_the_admin(client):
    consultation = make_consultation()
    comment = hostile_comment(client, consultation)
    admin = Client()
    admin.force_login(staff("nguoiduyet", APPROVERS))
    for url in [
        "/quan-tri/documents/comment/",
        f"/quan-tri/documents/comment/{comment.pk}/change/",
    ]:
        page = admin.get(url).content.decode()
        assert "Tổ 1" in page or url.endswith("comment/")
        for vector in XSS[:3]:
            assert vector not in page
        assert "<b>Tên</b>" not in page and "<i>Tổ 1</i>" not in page
        assert "&lt;script&gt;" in page


def test_personal_data_is_for_staff_with_the_permission_only(client):
    consultation = make_consultation()
    client.post(consultation.get_absolute_url(), comment_data())
    comment = Comment.objects.get()
    writer = Client()
    writer.force_login(staff("bientapvien", WRITERS))
    approver = Client()
    approver.force_login(staff("nguoiduyet", APPROVERS))
    for url in [
        "/quan-tri/documents/comment/",
        f"/quan-tri/documents/comment/{comment.pk}/change/",
    ]:
        page = writer.get(url).content.decode()
        assert "Đề nghị dời giờ thu gom rác" in page
        for private in ["Trần Thị Mai", "0905123456", "Tổ 12, khu phố 3"]:
            assert private not in page
        page = approver.get(url).content.decode()
        assert "Trần Thị Mai" in page and "0905123456" in page
    # Searching by contact is for the permission holder only.
    page = writer.get("/quan-tri/documents/comment/?q=0905123456").content.decode()
    assert "Đề nghị dời giờ" not in page


def test_staff_publish_and_hide_comments_in_the_admin(client):
    consultation = make_consultation()
    client.post(consultation.get_absolute_url(), comment_data())
    comment = Comment.objects.get()
    approver = Client()
    approver.force_login(staff("nguoiduyet", APPROVERS))
    response = approver.post(
        "/quan-tri/documents/comment/",
        {"action": "publish", "_selected_action": [comment.pk]},
        follow=True,
    )
    assert "Đã công khai 1 góp ý" in response.content.decode()
    assert (
        "Đề nghị dời giờ"
        in Client().get(consultation.get_absolute_url()).content.decode()
    )
    writer = Client()
    writer.force_login(staff("bientapvien", WRITERS))
    writer.post(
        "/quan-tri/documents/comment/",
        {"action": "hide", "_selected_action": [comment.pk]},
    )
    comment.refresh_from_db()
    assert comment.status == "published"  # writers only read
