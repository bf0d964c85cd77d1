"""Tự kiểm tra (portal/selfcheck.py and /quan-tri/tu-kiem-tra/): what an
inspection looks for, each item pass / missing / to check with a link."""

import datetime
import os

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from portal import selfcheck
from portal.models import EnglishPage, Page, SiteProfile, SupportUnit
from tests.documents.factories import make_document
from tests.news.factories import (
    WRITERS,
    image_bytes,
    make_article,
    make_category,
    make_staff,
)

pytestmark = pytest.mark.django_db

URL = "/quan-tri/tu-kiem-tra/"
SCRIPT = "https://emc.example.vn/emc.js"
# Every subject is built now; the tests keep a slot for one that is not.
NOT_BUILT_YET = set()


@pytest.fixture(autouse=True)
def backups(settings, tmp_path):
    settings.PORTAL_BACKUP_DIR = tmp_path / "backups"
    return settings.PORTAL_BACKUP_DIR


@pytest.fixture
def production(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000


def results():
    return {check.__name__: check() for _, check in selfcheck.CHECKS}


def make_backup(folder, age):
    folder.mkdir(parents=True, exist_ok=True)
    made = timezone.localtime() - age
    path = folder / f"portal-{made:%Y-%m-%d-%H%M}.tar.gz"
    path.write_bytes(b"archive")
    os.utime(path, (made.timestamp(), made.timestamp()))
    return path


def fill(backups):
    """What the demo leaves to the site's owner: the monitoring script and
    a backup (HTTPS and HSTS come from the production settings)."""
    profile = SiteProfile.objects.get()
    profile.monitoring_script = SCRIPT
    profile.save()
    make_backup(backups, datetime.timedelta(hours=3))


def test_every_item_reports_missing_on_an_empty_install():
    found = results()
    # No question is due or late on an empty install: that item holds.
    assert found.pop("check_questions_answered").status == selfcheck.PASS
    assert all(r.status != selfcheck.PASS for r in found.values()), found
    not_built = {name for name, r in found.items() if name in NOT_BUILT_YET}
    for name in not_built:
        assert found[name].status == selfcheck.TO_CHECK
        assert "Chưa có" in found[name].message
    # Nothing to look at yet: no image, no page for the sitemap.
    for name in ("check_alt_text", "check_sitemap"):
        assert found[name].status == selfcheck.TO_CHECK
    missing = set(found) - NOT_BUILT_YET - {"check_alt_text", "check_sitemap"}
    assert {n for n in missing if found[n].status == selfcheck.MISSING} == missing


def test_every_item_passes_on_the_demo_once_filled(backups, production):
    call_command("load_demo")
    fill(backups)
    found = results()
    failed = {
        name: r
        for name, r in found.items()
        if r.status != selfcheck.PASS and name not in NOT_BUILT_YET
    }
    assert not failed, failed
    for name in NOT_BUILT_YET:
        assert found[name].status in (selfcheck.PASS, selfcheck.TO_CHECK)


def test_each_result_links_to_the_admin_page_that_fixes_it(client, admin_user):
    found = results()
    client.force_login(admin_user)
    for name in (
        "check_profile",
        "check_english_page",
        "check_about_page",
        "check_privacy_notice",
        "check_monitoring_script",
        "check_trust_badge",
        "check_documents_on_time",
    ):
        url = found[name].fix_url
        assert url.startswith("/quan-tri/"), name
        assert client.get(url).status_code == 200, (name, url)


def test_a_missing_privacy_page_links_to_adding_it_with_its_address():
    result = selfcheck.check_privacy_notice()
    assert (
        result.fix_url
        == "/quan-tri/portal/page/add/?slug=chinh-sach-bao-ve-du-lieu-ca-nhan"
    )


def test_an_incomplete_profile_names_what_is_missing():
    SiteProfile.objects.create(organisation="UBND phường", address="Số 1", phone="1")
    result = selfcheck.check_profile()
    assert result.status == selfcheck.MISSING
    assert (
        "thư điện tử" in result.message and "người chịu trách nhiệm" in result.message
    )
    assert "địa chỉ" not in result.message.split("Còn thiếu:")[1]


def test_a_hidden_or_empty_static_page_is_missing():
    page = Page.objects.create(slug="gioi-thieu", title="Giới thiệu", body="")
    assert "chưa có nội dung" in selfcheck.check_about_page().message
    page.body = "<p>Phường.</p>"
    page.is_published = False
    page.save()
    assert "đang ẩn" in selfcheck.check_about_page().message


def test_an_english_page_older_than_a_year_is_missing():
    english = EnglishPage.objects.create(
        organisation="Ward", functions="x", address="y", person_responsible="z"
    )
    assert selfcheck.check_english_page().status == selfcheck.PASS
    old = timezone.now() - datetime.timedelta(days=400)
    EnglishPage.objects.filter(pk=english.pk).update(updated_at=old)
    result = selfcheck.check_english_page()
    assert result.status == selfcheck.MISSING and "quá một năm" in result.message


def test_a_document_put_online_late_is_named():
    monday = datetime.date(2026, 11, 2)

    def at(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))

    make_document(
        "1/TB-UBND",
        issued_on=monday,
        published_at=at(monday + datetime.timedelta(days=2)),
    )
    make_document(
        "2/TB-UBND",
        issued_on=monday,
        published_at=at(monday + datetime.timedelta(days=3)),
    )
    # Friday to Tuesday: Saturday and Sunday do not count.
    friday = datetime.date(2026, 11, 6)
    make_document(
        "3/TB-UBND",
        issued_on=friday,
        published_at=at(friday + datetime.timedelta(days=4)),
    )
    result = selfcheck.check_documents_on_time()
    assert result.status == selfcheck.MISSING
    assert "1 văn bản" in result.message and "2/TB-UBND" in result.message
    assert "1/TB-UBND" not in result.message and "3/TB-UBND" not in result.message


def test_images_without_alt_text_are_counted_by_kind(settings):
    category = make_category()
    make_article(
        category,
        body='<p><img src="/media/a.png"></p><p><img src="/media/b.png" alt="Cầu"></p>',
    )
    make_article(category, body='<p><img src="/media/c.png" alt=" "></p>')
    unit = SupportUnit(name="Đơn vị", url="https://example.org", logo_alt="")
    unit.logo.save("u.png", ContentFile(image_bytes()), save=False)
    unit.save()
    result = selfcheck.check_alt_text()
    assert result.status == selfcheck.MISSING
    assert "2 ảnh trong nội dung tin bài" in result.message
    assert "1 logo đơn vị hỗ trợ" in result.message


def test_the_sitemap_check_finds_a_page_the_sitemap_misses(monkeypatch):
    make_article(title="Tin có trong sitemap")
    Page.objects.create(slug="gioi-thieu", title="Giới thiệu", body="<p>x</p>")
    assert selfcheck.check_sitemap().status == selfcheck.PASS
    from portal import sitemaps

    monkeypatch.setitem(sitemaps.SITEMAPS, "pages", sitemaps.EnglishSitemap)
    result = selfcheck.check_sitemap()
    assert result.status == selfcheck.MISSING
    assert "/trang/gioi-thieu/" in result.message


@pytest.mark.parametrize(
    "age, status",
    [
        (datetime.timedelta(hours=20), selfcheck.PASS),
        (datetime.timedelta(days=3), selfcheck.MISSING),
    ],
)
def test_the_last_backups_age_is_checked(backups, age, status):
    make_backup(backups, datetime.timedelta(days=10))
    path = make_backup(backups, age)
    (backups / "notes.txt").write_text("not a backup")
    result = selfcheck.check_backup()
    assert result.status == status
    assert path.name in result.message


def test_https_and_hsts_pass_in_production_settings(production):
    assert selfcheck.check_https().status == selfcheck.PASS
    assert "31.536.000" in selfcheck.check_https().message


def test_the_monitoring_script_and_badge_come_from_the_profile():
    SiteProfile.objects.create(monitoring_script=SCRIPT)
    assert selfcheck.check_monitoring_script().status == selfcheck.PASS
    assert selfcheck.check_trust_badge().status == selfcheck.MISSING


# The page ---------------------------------------------------------------------


def test_the_page_lists_every_item_with_its_status(client, admin_user):
    client.force_login(admin_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    for title, _ in selfcheck.CHECKS:
        assert title in text
    assert "Chưa đạt" in text and "Cần kiểm tra" in text
    assert 'media="print"' in text and "selfcheck-print.css" in text


def test_the_admin_index_links_to_it_for_those_allowed(client, admin_user):
    client.force_login(admin_user)
    assert f'href="{URL}"' in client.get("/quan-tri/").content.decode()
    writer = make_staff("writer", WRITERS)
    client.force_login(writer)
    assert f'href="{URL}"' not in client.get("/quan-tri/").content.decode()


def test_only_staff_with_the_permission_see_it(client):
    assert client.get(URL).status_code == 302  # to the login page
    writer = make_staff("writer", WRITERS)
    client.force_login(writer)
    assert client.get(URL).status_code == 403
    writer.user_permissions.add(Permission.objects.get(codename="view_selfcheck"))
    client.force_login(writer)
    assert client.get(URL).status_code == 200


def add_content(n):
    category = make_category()
    for i in range(n):
        make_article(category, body=f'<p><img src="/media/{i}.png" alt="Ảnh {i}"></p>')
        make_document(f"{i}/TB-UBND{n}")
        Page.objects.create(title=f"Trang {n} {i}", body="<p>x</p>")
        unit = SupportUnit(
            name=f"Đơn vị {n} {i}", url="https://example.org", logo_alt="x"
        )
        unit.logo.save("u.png", ContentFile(image_bytes()), save=False)
        unit.save()


def test_the_page_runs_a_fixed_number_of_queries(
    client, admin_user, django_assert_num_queries, production, backups
):
    SiteProfile.objects.create(organisation="UBND", monitoring_script=SCRIPT)
    EnglishPage.objects.create(
        organisation="W", functions="x", address="y", person_responsible="z"
    )
    client.force_login(admin_user)
    for n in (1, 8):
        add_content(n)
        client.get(URL, secure=True)  # fills the menu and footer copies
        # session, user (2); the site profile (1); Giới thiệu (1); the menu as
        # readers get it: items, categories, the items' targets, static pages
        # (4); something published in Văn bản, Hỏi đáp, Lịch công tác (3); the
        # English page (1); the privacy page (1); documents on time (1); Q&As
        # answered on time and overdue (2); alt text: lead photos, logos, the
        # bodies of articles, pages, documents (5); sitemap: categories,
        # articles, pages, documents, consultations, Q&As, schedule weeks (7);
        # the same from the published querysets (5); the admin sidebar's "add"
        # links for the two single-record models (2).
        with django_assert_num_queries(35):
            assert client.get(URL, secure=True).status_code == 200
