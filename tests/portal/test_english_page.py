"""The English page (/en/): the organisation in English, edited by staff,
marked lang="en", linked from every page's header, with its own date."""

import datetime
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from portal.models import EnglishPage, Page, SiteProfile
from tests.news.factories import make_article
from tests.portal.sitemap_xml import sitemap_text

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def profile():
    return SiteProfile.objects.create(
        organisation="UBND phường Thử", address="Số 1 đường Thử", phone="0236 1"
    )


@pytest.fixture
def english(profile):
    return EnglishPage.objects.create(
        organisation="People's Committee of Test Ward",
        functions="Manages the ward.\n\nRuns the one-stop desk.",
        address="1 Test Street",
        phone="0236 3 000 000",
        email="ward@example.vn",
        person_responsible="Nguyễn Văn An",
        person_title="Vice Chairman",
    )


def html_lang(response):
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


def test_it_is_served_in_english(client, english):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    text = response.content.decode()
    assert "People&#x27;s Committee of Test Ward" in text
    assert (
        "<p>Manages the ward.</p>" in text and "<p>Runs the one-stop desk.</p>" in text
    )
    assert 'href="tel:02363000000"' in text and "mailto:ward@example.vn" in text
    assert "Nguyễn Văn An, Vice Chairman" in text


def test_the_vietnamese_parts_around_it_say_so(client, english):
    text = client.get("/en/").content.decode()
    assert '<header class="site-header" lang="vi">' in text
    assert '<footer class="site-footer" lang="vi">' in text
    assert '<aside class="sidebar" aria-label="Tiện ích" lang="vi">' in text


def test_vietnamese_pages_stay_vietnamese(client, english):
    make_article(title="Tin thử")
    response = client.get("/")
    assert html_lang(response) == "vi"
    assert '<header class="site-header">' in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/trang/gioi-thieu/", "/khong-co/"])
def test_every_page_links_to_it_from_the_header(client, english, path):
    Page.objects.create(slug="gioi-thieu", title="Giới thiệu", body="<p>x</p>")
    text = client.get(path).content.decode()
    header = text.split("</header>")[0]
    assert (
        '<a class="topbar-lang" href="/en/" hreflang="en" lang="en">English</a>'
        in header
    )


def test_it_shows_its_own_last_updated_date(client, english):
    when = timezone.make_aware(datetime.datetime(2026, 3, 4, 23, 30))
    EnglishPage.objects.filter(pk=english.pk).update(updated_at=when)
    text = client.get("/en/").content.decode()
    assert (
        'Last updated <time datetime="2026-03-04T23:30:00+0700">04/03/2026</time>'
        in text
    )


def test_saving_it_moves_the_date_to_today(english):
    EnglishPage.objects.filter(pk=english.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=400)
    )
    english.refresh_from_db()
    english.functions = "New text."
    english.save()
    assert timezone.localdate(english.updated_at) == timezone.localdate()


def test_hostile_text_is_escaped(client, profile):
    EnglishPage.objects.create(
        organisation=HOSTILE,
        functions=HOSTILE,
        address=HOSTILE,
        person_responsible=HOSTILE,
        person_title=HOSTILE,
    )
    text = client.get("/en/").content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert" in text


@pytest.mark.parametrize(
    "path", ["/en/?page=abc", "/en/?page=-1", "/en/?x=%00", "/en/?page=99999999999"]
)
def test_hostile_query_strings_are_ignored(client, english, path):
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/en/x/", "/en/../quan-tri/", "/en/%00/"])
def test_other_addresses_under_it_are_not_found(client, english, path):
    assert client.get(path).status_code == 404


def test_before_staff_write_it_the_profile_gives_name_and_contacts(client, profile):
    response = client.get("/en/")
    assert response.status_code == 200 and html_lang(response) == "en"
    text = response.content.decode()
    assert '<h1 class="article-title" lang="vi">UBND phường Thử</h1>' in text
    assert "will be published on this page" in text
    assert "Last updated" not in text


def test_a_hidden_english_page_is_not_shown(client, english):
    english.is_published = False
    english.save()
    assert "Test Ward" not in client.get("/en/").content.decode()


def test_it_is_in_the_sitemap(client, english):
    # Listed whether staff wrote it or not: before, it shows the profile's
    # name and contacts (a stub), and the address always answers.
    assert "http://testserver/en/" in sitemap_text(client)
    english.is_published = False
    english.save()
    assert "http://testserver/en/" in sitemap_text(client)
    assert client.get("/en/").status_code == 200


def test_it_reads_one_row(client, english, django_assert_num_queries, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats")]
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/")  # fills the profile, menu and footer copies
    with django_assert_num_queries(1):  # the English page
        client.get("/en/")


def test_staff_edit_it_in_the_admin_and_cannot_add_a_second(
    client, admin_user, english
):
    client.force_login(admin_user)
    change = f"/quan-tri/portal/englishpage/{english.pk}/change/"
    assert client.get(change).status_code == 200
    assert client.get("/quan-tri/portal/englishpage/add/").status_code == 403


@pytest.mark.checkers
def test_it_is_valid_html(tmp_path, english):
    from tests.portal.test_html_valid import vnu_command

    files = []
    client = Client()
    for name in ("english", "english-stub"):
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get("/en/").content)
        files.append(str(path))
        EnglishPage.objects.all().delete()
    result = subprocess.run(
        vnu_command() + files, capture_output=True, text=True, timeout=180
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
