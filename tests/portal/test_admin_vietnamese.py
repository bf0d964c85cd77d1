"""The admin speaks Vietnamese on every page staff can reach: a crawl as a
superuser, an approver and a writer fails on any English admin phrase."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse

from news.models import Article
from portal.models import Page, SiteProfile, SupportUnit
from tests.news.factories import (
    APPROVERS,
    WRITERS,
    make_article,
    make_category,
    make_staff,
)

pytestmark = pytest.mark.django_db

# English of Django's admin templates, forms and auth pages, as staff would
# see it if a translation were missing. Matched as whole words, case-sensitive,
# in visible text and in the attributes people read (title, placeholder…).
ENGLISH = [
    "Please correct the error below",
    "Please correct the errors below",
    "Please correct the error(s) below",
    "Show counts",
    "Hide counts",
    "Reset password",
    "Set password",
    "Choose all",
    "Remove all",
    "by selecting them",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "History",
    "Save and add another",
    "Save and continue editing",
    "Save as new",
    "Delete selected",
    "Add another",
    "Recent actions",
    "My actions",
    "None available",
    "View site",
    "View on site",
    "Log out",
    "Change password",
    "Welcome",
    "Clear all filters",
    "Any date",
    "Past 7 days",
    "This month",
    "This year",
    "No date",
    "Has date",
    "Run the selected action",
    "Select all",
    "Clear selection",
    "Date/time",
    "doesn’t have a change history",
    "Old password",
    "New password",
    "Password confirmation",
    "Skip to main content",
    "Toggle navigation",
    "Toggle theme",
    "Start typing to filter",
    "Filter navigation items",
    "Currently",
    "This field is required",
    "Enter a valid",
    "Breadcrumbs",
    "Sidebar",
    "Authentication and Authorization",
    "Staff status",
    "Superuser status",
    "Personal info",
    "Important dates",
    "Last login",
    "Date joined",
    "First name",
    "Last name",
    "Email address",
    "Designates whether",
    "Raw passwords",
    "Password-based authentication",
    "log entry",
    "content type",
    "Select this object",
    "Model name",
    "Add link",
    "Error:",
    "Added:",
    "Changed:",
    "Deleted:",
    "Forgotten your",
    "Reversion",
    "revision",
]
PATTERN = re.compile("|".join(rf"(?<![\w-]){re.escape(p)}(?![\w-])" for p in ENGLISH))
READ_ATTRS = {"title", "placeholder", "aria-label", "alt"}


class _Visible(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.parts, self._skip = [], 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1
        attrs = dict(attrs)
        self.parts += [attrs[a] or "" for a in READ_ATTRS if a in attrs]
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_in(html):
    text = " ".join(" ".join(_Visible(html).parts).split())
    return sorted({m.group(0) for m in PATTERN.finditer(text)})


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _filter_links(html, base):
    links = re.findall(r'href="(\?[^"]+)"', html)
    return [base + link.replace("&amp;", "&") for link in links[:12]]


def admin_pages(client, user):
    """Every admin page the user reaches, as (url, method) pairs."""
    pages = [
        (reverse("admin:index"), "get"),
        (reverse("admin:password_change"), "get"),
        (reverse("admin:password_change"), "post"),
        (reverse("admin:news_article_report"), "get"),
    ]
    for model in admin.site._registry:
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = reverse(f"{info}_changelist")
        pages.append((changelist, "get"))
        response = client.get(changelist)
        if response.status_code == 200:
            pages += [
                (u, "get") for u in _filter_links(response.content.decode(), changelist)
            ]
        pages += [(reverse(f"{info}_add"), "get"), (reverse(f"{info}_add"), "post")]
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        for view in ("change", "history", "versions", "password"):
            url = _url(f"{info}_{view}", obj.pk)
            if url:
                pages.append((url, "get"))
        pages.append((reverse(f"{info}_change", args=[obj.pk]), "post"))
    return pages


@pytest.fixture
def content(admin_user):
    writer = make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)
    category = make_category("Tin hoạt động")
    make_article(
        category,
        title="Tin của bản thân",
        status=Article.Status.DRAFT,
        created_by=writer,
    )
    make_article(
        category, title="Tin đã đăng", author="Ban biên tập", created_by=writer
    )
    Page.objects.create(title="Giới thiệu", body="<p>Về phường.</p>")
    SupportUnit.objects.create(name="Công an phường", url="https://example.vn/")
    SiteProfile.objects.get_or_create()
    group = Group.objects.create(name="Nhóm thử")
    group.permissions.add(*Permission.objects.all()[:5])


@pytest.mark.parametrize("username", ["admin", "nguoiduyet", "bientapvien"])
def test_every_admin_page_staff_reach_is_in_vietnamese(client, content, username):
    from django.contrib.auth.models import User

    user = User.objects.get(username=username)
    client.force_login(user)
    found, seen = {}, 0
    for url, method in admin_pages(client, user):
        response = getattr(client, method)(url, {} if method == "post" else None)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        seen += 1
        english = english_in(response.content.decode())
        if english:
            found[f"{method.upper()} {url}"] = english
    assert seen >= 15, "the crawl reached too few pages"
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_crawl_would_catch_english():
    assert english_in("<p>Please correct the errors below.</p>") == [
        "Please correct the errors below"
    ]
    assert english_in('<a title="Show counts" href="#">x</a>') == ["Show counts"]
    assert english_in("<script>var s = 'History';</script><p>Lịch sử</p>") == []


def test_the_javascript_catalogue_translates_the_two_list_selector(admin_client):
    response = admin_client.get(reverse("admin:jsi18n"))
    catalog = json.loads(
        re.search(
            r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S
        ).group(1)
    )
    for key in (
        'Choose %s by selecting them and then select the "Choose" arrow button.',
        "Choose all %s",
        "Remove all %s",
        "Choose selected %s",
        "Remove selected %s",
    ):
        assert key in catalog and catalog[key] != key, key


def test_permission_names_are_vietnamese():
    names = set(Permission.objects.values_list("name", flat=True))
    assert "Có thể thêm tin bài" in names
    assert "Có thể xem mục nhật ký" in names
    assert not [n for n in names if n.startswith("Can ")]
