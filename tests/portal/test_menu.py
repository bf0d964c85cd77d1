"""The required menu (issue 15): Trang chủ, then the news categories, then
Giới thiệu, Dịch vụ công trực tuyến, Văn bản, Góp ý dự thảo, Hỏi đáp, Lịch
công tác and Sơ đồ cổng, present on a fresh install and changed by staff in
the admin."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import clear_url_caches

from portal.menu import DEFAULTS, ensure_menu
from portal.models import MenuItem, Page, SiteProfile
from tests.news.factories import make_category

pytestmark = pytest.mark.django_db

MENU = re.compile(r'<ul class="menu-list">(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')


def menu_links(client, url="/"):
    html = client.get(url).content.decode()
    return [(title, href) for href, title in LINK.findall(MENU.search(html).group(1))]


@pytest.fixture
def about():
    return Page.objects.create(title="Giới thiệu", body="<p>Phường …</p>")


@pytest.fixture
def other_apps(settings):
    """Hỏi đáp and Lịch công tác installed (stand-ins where they are not)."""
    settings.ROOT_URLCONF = "tests.portal.other_apps_urls"
    clear_url_caches()
    cache.clear()
    yield
    clear_url_caches()


def test_a_fresh_install_has_the_required_items_after_the_categories(
    client, about, other_apps
):
    make_category("Tin hoạt động", order=1)
    make_category("Thông báo", order=2)
    assert menu_links(client) == [
        ("Trang chủ", "/"),
        ("Tin hoạt động", "/chuyen-muc/tin-hoat-dong/"),
        ("Thông báo", "/chuyen-muc/thong-bao/"),
        ("Giới thiệu", "/trang/gioi-thieu/"),
        ("Dịch vụ công trực tuyến", "https://dichvucong.gov.vn/"),
        ("Văn bản", "/van-ban/"),
        ("Góp ý dự thảo", "/gop-y-du-thao/"),
        ("Hỏi đáp", "/hoi-dap/"),
        ("Lịch công tác", "/lich-cong-tac/"),
        ("Sơ đồ cổng", "/so-do-cong/"),
    ]


def test_items_of_apps_not_installed_are_hidden_not_broken(
    client, about, other_apps, monkeypatch
):
    assert "Lịch công tác" in [t for t, _ in menu_links(client)]
    monkeypatch.setitem(MenuItem.URL_NAMES, "schedule", "khong-co:trang-nay")
    cache.clear()
    assert "Lịch công tác" not in [t for t, _ in menu_links(client)]
    for key in MenuItem.URL_NAMES:  # whatever this branch has installed
        item = MenuItem.objects.get(key=key)
        shown = item.title in [t for t, _ in menu_links(client)]
        assert shown is (item.target(SiteProfile()) is not None)


def test_giới_thiệu_is_hidden_while_its_page_is_missing_or_private(client):
    assert "Giới thiệu" not in [t for t, _ in menu_links(client)]
    page = Page.objects.create(title="Giới thiệu", body="<p>…</p>", is_published=False)
    assert "Giới thiệu" not in [t for t, _ in menu_links(client)]
    page.is_published = True
    page.save()
    assert ("Giới thiệu", "/trang/gioi-thieu/") in menu_links(client)


def test_the_public_services_link_is_set_in_the_site_profile(client, about):
    profile = SiteProfile.objects.create(
        public_services_url="https://dichvucong.tinh.example.vn/"
    )
    assert ("Dịch vụ công trực tuyến", "https://dichvucong.tinh.example.vn/") in (
        menu_links(client)
    )
    profile.public_services_url = ""
    profile.save()
    assert "Dịch vụ công trực tuyến" not in [t for t, _ in menu_links(client)]


def test_staff_changes_show_at_once(client, about, other_apps):
    MenuItem.objects.filter(key="documents").update(order=1)  # before Giới thiệu
    item = MenuItem.objects.get(key="site_map")
    item.title = "Bản đồ trang"
    item.save()
    hidden = MenuItem.objects.get(key="questions")
    hidden.is_visible = False
    hidden.save()
    MenuItem.objects.create(title="Liên hệ", link="/trang/lien-he/", order=95)
    Page.objects.create(title="Liên hệ", body="<p>Điện thoại</p>")
    MenuItem.objects.create(
        title="Tổng đài 1022", link="https://1022.example.vn/", order=96
    )
    titles = [t for t, _ in menu_links(client)]
    assert titles == [
        "Trang chủ",
        "Văn bản",
        "Giới thiệu",
        "Dịch vụ công trực tuyến",
        "Góp ý dự thảo",
        "Lịch công tác",
        "Bản đồ trang",
        "Liên hệ",
        "Tổng đài 1022",
    ]


def test_an_item_can_lead_the_menu_before_the_categories(client, about):
    make_category("Tin hoạt động")
    MenuItem.objects.filter(key="about").update(after_categories=False, order=1)
    titles = [t for t, _ in menu_links(client)]
    assert titles[:3] == ["Trang chủ", "Giới thiệu", "Tin hoạt động"]


def test_the_required_items_cannot_be_hidden_and_a_new_item_needs_an_address():
    for key in MenuItem.REQUIRED:
        item = MenuItem.objects.get(key=key)
        item.is_visible = False
        with pytest.raises(ValidationError, match="bắt buộc"):
            item.full_clean()
    optional = MenuItem.objects.get(key="schedule")
    optional.is_visible = False
    optional.full_clean()
    for bad in ["", "javascript:alert(1)", "//example.vn/", "trang/lien-he"]:
        with pytest.raises(ValidationError):
            MenuItem(title="Mục mới", link=bad).full_clean()
    MenuItem(title="Mục mới", link="/trang/lien-he/").full_clean()
    MenuItem(title="Mục mới", link="https://example.vn/").full_clean()


def test_the_items_on_phones_wait_behind_thêm(client, about):
    html = client.get("/").content.decode()
    more = html.split('<summary class="menu-more-toggle">Thêm</summary>')[1]
    assert "Giới thiệu" in more.split("</details>")[0]
    assert '<details class="menu-more-group">' in html  # closed on the home page
    about_page = client.get("/trang/gioi-thieu/").content.decode()
    assert '<details class="menu-more-group" open>' in about_page
    assert '<a href="/trang/gioi-thieu/" aria-current="page">' in about_page


def test_a_page_under_an_item_marks_it(client, about):
    html = client.get("/van-ban/?trang=1").content.decode()
    assert '<a href="/van-ban/" aria-current="page">Văn bản</a>' in html


def test_a_deleted_seeded_item_comes_back_after_migrate_and_staff_items_stay():
    MenuItem.objects.filter(key="home").delete()
    MenuItem.objects.create(title="Liên hệ", link="/trang/lien-he/")
    MenuItem.objects.filter(key="about").update(title="Về phường")
    ensure_menu()
    assert MenuItem.objects.filter(key="home").exists()
    assert MenuItem.objects.get(key="about").title == "Về phường"
    assert MenuItem.objects.filter(title="Liên hệ").exists()


def test_the_admin_renames_but_never_deletes_a_seeded_item(admin_client):
    item = MenuItem.objects.get(key="about")
    url = f"/quan-tri/portal/menuitem/{item.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "Xóa" not in page.split('<div class="submit-row">')[1][:600]
    form = {"title": "Về phường", "link": "/trang/ve-phuong/", "order": "5"}
    form["after_categories"] = "on"
    form["is_visible"] = "on"
    assert admin_client.post(url, form).status_code == 302
    assert MenuItem.objects.get(key="about").link == "/trang/ve-phuong/"
    delete = f"/quan-tri/portal/menuitem/{item.pk}/delete/"
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    added = MenuItem.objects.create(title="Liên hệ", link="/trang/lien-he/")
    everything = list(MenuItem.objects.values_list("pk", flat=True))
    for chosen in (everything, [added.pk]):
        admin_client.post(
            "/quan-tri/portal/menuitem/",
            {"action": "delete_selected", "_selected_action": chosen, "post": "yes"},
        )
    assert not MenuItem.objects.filter(pk=added.pk).exists()
    assert MenuItem.objects.count() == len(DEFAULTS)  # the seeded ones stay


def test_a_hidden_required_item_is_refused_in_the_admin(admin_client):
    item = MenuItem.objects.get(key="site_map")
    url = f"/quan-tri/portal/menuitem/{item.pk}/change/"
    response = admin_client.post(url, {"title": "Sơ đồ cổng", "order": "60"})
    assert response.status_code == 200
    assert "không thể ẩn" in response.content.decode()
