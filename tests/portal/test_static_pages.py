import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.cache import PUBLIC_MAX_AGE
from portal.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("bientap", "b@example.vn", "x")
    client.force_login(user)
    return user


def test_the_demo_has_about_contact_and_privacy_pages(client):
    call_command("load_demo")
    for url, title in (
        ("/trang/gioi-thieu/", "Giới thiệu"),
        ("/trang/lien-he/", "Liên hệ"),
        ("/trang/quyen-rieng-tu/", "Chính sách quyền riêng tư"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<h1 class="article-title">{title}</h1>' in response.content.decode()


def test_the_privacy_notice_says_what_the_statistics_store(client):
    call_command("load_demo")
    text = client.get("/trang/quyen-rieng-tu/").content.decode()
    for fact in (
        "không đặt cookie",  # no cookies
        "mã băm",  # a hash of IP and user agent…
        "thay mới mỗi ngày",  # …salted with a value rotated daily
        "không được lưu",  # no raw IP address
        "xóa tự động",  # purged after a short time
        "tổng số lượt truy cập của từng ngày",  # daily totals kept
    ):
        assert fact in text, fact


def test_every_page_links_the_static_pages_from_the_footer(client):
    call_command("load_demo")
    html = client.get("/tin-tuc/khong-co/").content.decode()  # even the 404 page
    footer = html.split("<footer", 1)[1]
    for url in ("/trang/gioi-thieu/", "/trang/lien-he/", "/trang/quyen-rieng-tu/"):
        assert f'href="{url}"' in footer


def test_a_page_may_be_cached_briefly_by_a_proxy(client):
    Page.objects.create(title="Liên hệ", body="<p>Số điện thoại</p>")
    cache_control = client.get("/trang/lien-he/")["Cache-Control"]
    assert "public" in cache_control and f"max-age={PUBLIC_MAX_AGE}" in cache_control


def test_a_hidden_page_is_neither_served_nor_linked(client):
    Page.objects.create(title="Giới thiệu", body="<p>Chức năng</p>", is_published=False)
    assert client.get("/trang/gioi-thieu/").status_code == 404
    assert "/trang/gioi-thieu/" not in client.get("/").content.decode()


def test_a_page_left_out_of_the_footer_is_still_served(client):
    Page.objects.create(title="Sơ đồ cổng", body="<p>Các mục</p>", in_footer=False)
    assert client.get("/trang/so-do-cong/").status_code == 200
    assert "/trang/so-do-cong/" not in client.get("/").content.decode()


def test_a_new_page_appears_in_the_footer_at_once(client):
    client.get("/")  # footer links now cached
    Page.objects.create(title="Liên hệ", body="<p>Số điện thoại</p>")
    assert 'href="/trang/lien-he/"' in client.get("/").content.decode()


def test_the_body_is_sanitized_on_save():
    page = Page.objects.create(
        title="Liên hệ",
        body='<p onclick="x()">Gọi <a href="javascript:alert(1)">đây</a></p>'
        "<script>alert(1)</script><iframe src=//evil></iframe>",
    )
    assert "<script" not in page.body and "onclick" not in page.body
    assert "javascript:" not in page.body and "<iframe" not in page.body
    assert "Gọi" in page.body


def test_the_slug_is_made_from_the_vietnamese_title():
    assert Page.objects.create(title="Đường dây nóng").slug == "duong-day-nong"


@pytest.mark.parametrize(
    "path",
    [
        "/trang/khong-co/",
        "/trang/%00/",
        "/trang/gioi-thieu%27%3B--/",
        "/trang/" + "a" * 500 + "/",
        "/trang/..%2F..%2Fetc%2Fpasswd/",
        "/trang/gi%E1%BB%9Bi-thi%E1%BB%87u/",
    ],
)
def test_hostile_addresses_get_a_404(client, path):
    assert client.get(path).status_code == 404


def test_staff_edit_pages_with_the_article_editor(client, staff):
    html = client.get("/quan-tri/portal/page/add/").content.decode()
    assert "prose-editor" in html


def test_the_admin_saves_a_page_and_cleans_it(client, staff):
    form = {
        "title": "Giới thiệu",
        "slug": "gioi-thieu",
        "summary": "",
        "body": "<h2>Chức năng</h2><p>Quản lý nhà nước</p><script>x</script>",
        "in_footer": "on",
        "order": 0,
        "is_published": "on",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    response = client.post("/quan-tri/portal/page/add/", form)
    assert response.status_code == 302
    assert Page.objects.get().body == "<h2>Chức năng</h2><p>Quản lý nhà nước</p>"


def test_the_admin_requires_alt_text_for_every_picture(client, staff):
    form = {
        "title": "Sơ đồ tổ chức",
        "slug": "so-do-to-chuc",
        "body": '<figure><img src="/media/so-do.png"><figcaption>Sơ đồ</figcaption></figure>',
        "order": 0,
        "is_published": "on",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    response = client.post("/quan-tri/portal/page/add/", form)
    assert response.status_code == 200
    assert "Mỗi ảnh trong trang cần có mô tả (alt)" in response.content.decode()
    form["body"] = form["body"].replace("<img ", '<img alt="Sơ đồ tổ chức phường" ')
    assert client.post("/quan-tri/portal/page/add/", form).status_code == 302
    html = client.get("/trang/so-do-to-chuc/").content.decode()
    img = re.search(r"<img [^>]*>", html.split('class="article-body"')[1]).group(0)
    assert 'alt="Sơ đồ tổ chức phường"' in img and 'src="/media/so-do.png"' in img
