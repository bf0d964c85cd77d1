import pytest
from django.core.cache import cache
from django.utils import timezone

from stats.models import DailyVisits, StatsSettings

pytestmark = pytest.mark.browser

READER_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)


@pytest.fixture
def counted_site(transactional_db, settings):
    settings.STATS_STORE = "database"
    StatsSettings.objects.create(starting_total=111200)
    DailyVisits.objects.create(day=timezone.localdate(), visits=11)


def test_a_resident_sees_the_visit_figures_in_vietnamese_format(
    counted_site, live_server, page, screenshot
):
    # A reader's browser, not the headless one that the robot list excludes.
    page.set_extra_http_headers({"User-Agent": READER_UA})
    page.goto(live_server.url + "/")
    block = page.locator(".block-stats")
    assert block.get_by_role("heading", name="Thống kê truy cập").is_visible()
    assert block.locator(".stats-total").inner_text() == "111.211"
    assert block.locator(".stats-current").inner_text() == "0"
    assert block.locator(".stats-today").inner_text() == "11"
    # The reader's own visit shows once the 30-second cache has expired.
    cache.clear()
    page.reload()
    assert block.locator(".stats-total").inner_text() == "111.212"
    assert block.locator(".stats-current").inner_text() == "1"
    assert block.locator(".stats-today").inner_text() == "12"
    block.scroll_into_view_if_needed()
    screenshot("stats-sidebar-1280", full_page=False)
    page.set_viewport_size({"width": 360, "height": 800})
    block.scroll_into_view_if_needed()
    screenshot("stats-sidebar-360", full_page=False)


def test_staff_see_the_history_charts_in_the_admin(
    counted_site, live_server, page, screenshot, django_user_model
):
    import datetime

    today = timezone.localdate()
    for n in range(1, 200):
        DailyVisits.objects.create(
            day=today - datetime.timedelta(days=n), visits=300 + (n * 37) % 250
        )
    django_user_model.objects.create_superuser(
        "canbo", "canbo@example.vn", "mk-Th0ngke!"
    )
    page.goto(live_server.url + "/quan-tri/login/?next=/quan-tri/stats/dailyvisits/")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", "mk-Th0ngke!")
    page.click("input[type=submit]")
    page.wait_for_url("**/quan-tri/stats/dailyvisits/")
    charts = page.locator("figure.stats-chart svg")
    assert charts.count() == 2
    assert charts.first.locator("rect").count() == 30
    assert charts.nth(1).locator("rect").count() == 12
    assert charts.first.bounding_box()["width"] > 600
    assert page.get_by_role("link", name="Tải CSV theo ngày").is_visible()
    screenshot("stats-admin-charts")
