"""The week prints on A4: the page links a print-only stylesheet that sets
the paper and leaves out the header, menu, sidebar, footer and forms."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def print_stylesheet():
    with open(finders.find("css/schedule-print.css"), encoding="utf-8") as f:
        return f.read()


def test_the_week_page_links_the_print_stylesheet(client):
    html = client.get("/lich-cong-tac/").content.decode()
    assert re.search(
        r'<link rel="stylesheet" href="[^"]*css/schedule-print\.css" media="print">',
        html,
    )
    # A print button for readers who look for one (static/js/site.js).
    assert "data-print>In lịch tuần này</button>" in html


def test_the_print_stylesheet_sets_a4_paper():
    css = print_stylesheet()
    page = re.search(r"@page\s*{([^}]*)}", css)
    assert page and re.search(r"size:\s*A4\b", page.group(1))


def test_the_print_stylesheet_hides_everything_but_the_schedule():
    css = print_stylesheet()
    hidden = re.search(r"([^{}]*){\s*display:\s*none !important", css).group(1)
    for part in (".site-header", ".site-nav", ".sidebar", ".site-footer"):
        assert part in hidden
    for part in (".week-nav", ".schedule-tools"):
        assert part in hidden
