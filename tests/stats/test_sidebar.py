"""The sidebar block "Thống kê truy cập" on every page."""

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone

from stats.models import DailyVisits, StatsSettings
from tests.stats.conftest import BROWSER_UA


@pytest.fixture
def figures(db, settings):
    settings.STATS_STORE = "database"
    StatsSettings.objects.create(starting_total=111200)
    DailyVisits.objects.create(day=timezone.localdate(), visits=11)


def sidebar():
    return Template("{% load stats_tags %}{% visit_stats %}").render(Context())


def test_the_block_shows_the_figures_in_vietnamese_number_format(figures, client):
    html = client.get("/").content.decode()
    assert '<dd class="stats-total">111.211</dd>' in html
    assert '<dd class="stats-current">0</dd>' in html
    assert '<dd class="stats-today">11</dd>' in html


def test_the_figures_are_cached_so_a_page_costs_no_statistics_query(
    figures, django_assert_num_queries
):
    # 1. SELECT the settings row (starting number)
    # 2. SELECT the sums of all days and of today
    # 3. SELECT COUNT of visitors seen in the last 5 minutes
    with django_assert_num_queries(3):
        sidebar()
    with django_assert_num_queries(0):
        sidebar()


def test_a_new_visit_shows_once_the_cached_figures_expire(figures, client):
    client.get("/", HTTP_USER_AGENT=BROWSER_UA)
    assert "111.211" in sidebar()  # cached: up to 30 s stale
    cache.clear()  # 30 s later
    html = sidebar()
    assert '<dd class="stats-total">111.212</dd>' in html
    assert '<dd class="stats-current">1</dd>' in html


def test_changing_the_starting_number_shows_at_once(figures):
    assert "111.211" in sidebar()
    settings = StatsSettings.current()
    settings.starting_total = 5000
    settings.save()
    assert '<dd class="stats-total">5.011</dd>' in sidebar()
