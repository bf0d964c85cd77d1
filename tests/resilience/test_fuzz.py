"""Hostile input on every URL pattern: whatever is sent, no 5xx.

The resolver is walked, so a new URL is fuzzed without touching this file.
Each converter or regex group gets every hostile value; the pages that read
a query string get hostile query strings. The table of statuses is printed.
"""

import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

HOSTILE = [
    "a" * 3000,
    "%00",
    "x%00y",
    "\x00",
    "đường-phố-hòa-thuận",
    "%F0%9F%92%A9",
    "\u202e\ufeff",
    "-1",
    "0",
    "9999999999999999999999",
    "../../../etc/passwd",
    "..%2F..%2Fsecret_key.txt",
    "%2e%2e",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "%zz",
    " ",
    "2023/02/31",
]
DATES = [
    ("2023", "02", "31"),
    ("0000", "00", "00"),
    ("9999", "12", "31"),
    ("1899", "13", "32"),
    ("2024", "02", "29"),
]
QUERIES = [
    "page=-1",
    "page=9999999999",
    "page=abc",
    "page=1e9",
    "page=%00",
    "p=-1",
    "p=99999999999",
    "q=%00",
    "q=" + "a" * 5000,
    "q=%22%22%22",
    "q=%26%7C%21%3A*",
    "ngay=2023-02-31",
    "ngay=-1",
    "chuyen_muc=../x",
    "tu=2023-02-31&den=abc",
    "tu=9999-12-31&den=0001-01-01",
    "next=//ke-gia-mao.example",
]
PLACEHOLDER = re.compile(r"<(?:[^>:]+:)?[^>]+>|\(\?P<[^>]+>[^)]*\)")


def patterns(resolver=None, prefix=""):
    """Every URL pattern as a route string with placeholders."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\", "")
        if isinstance(entry, URLResolver):
            yield from patterns(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def fill(route, values):
    """The route with its placeholders replaced by `values` in turn."""
    values = iter(values)
    return "/" + PLACEHOLDER.sub(lambda m: next(values), route)


def paths_for(route):
    holes = len(PLACEHOLDER.findall(route))
    if not holes:
        return ["/" + route]
    paths = [fill(route, [value] * holes) for value in HOSTILE]
    if holes == 3 or holes == 2:
        paths += [fill(route, date[:holes]) for date in DATES]
    return paths


def fuzz(client, routes):
    table = {}
    for route in routes:
        table[route] = Counter(
            client.get(path).status_code for path in paths_for(route)
        )
    return table


def print_table(title, table):
    print(f"\n{title}: {len(table)} patterns")
    for route, counts in sorted(table.items()):
        print(f"  /{route[:70]:<72} {dict(sorted(counts.items()))}")
    total = sum(table.values(), Counter())
    print(f"  total {sum(total.values())} requests: {dict(sorted(total.items()))}")
    return total


@pytest.fixture
def content():
    article = make_article()
    return [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/tim-kiem/",
        "/ngay/",
        "/ngay/2026/01/",
        "/ngay/2026/01/02/",
        "/rss/",
        "/sitemap.xml",
        "/quan-tri/login/",
    ]


def test_hostile_paths_and_queries_never_get_a_5xx(content):
    routes = list(patterns())
    anonymous = Client(raise_request_exception=False)
    table = fuzz(anonymous, routes)
    queries = {
        path: Counter(anonymous.get(f"{path}?{query}").status_code for query in QUERIES)
        for path in content
    }
    staff = get_user_model().objects.create_superuser("quantri", "", "mat-khau-123")
    admin = Client(raise_request_exception=False)
    admin.force_login(staff)
    admin_routes = [r for r in routes if r.startswith("quan-tri/")]
    admin_table = fuzz(admin, admin_routes)

    totals = print_table("Anonymous, hostile path values", table)
    totals += print_table("Anonymous, hostile query strings", queries)
    totals += print_table("Superuser, hostile admin path values", admin_table)
    assert len(routes) > 20
    assert sum(totals.values()) > 1000
    errors = [s for s in totals if s >= 500]
    assert not errors, totals
