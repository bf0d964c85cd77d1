"""The look of the portal in headless Chromium, under the site's real CSP
(the `page` fixture fails on any console error, CSP violations included).
Screenshots land in artifacts/screenshots/."""

import pytest
from django.core.management import call_command

from news.models import Article

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(db):
    call_command("load_demo")


def shoot(page, screenshot, name):
    """Scroll through the page so lazy images load, then save it whole."""
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 600)"
        " { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }"
        " window.scrollTo(0, 0); }"
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")
    screenshot(name)


def article_with_photo():
    return Article.objects.published().exclude(image="").first()


@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots_of_the_home_and_article_pages(
    live_server, demo, page, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/")
    assert page.locator(".site-header .brand-name").is_visible()
    shoot(page, screenshot, f"look-home-{width}")
    page.goto(live_server.url + article_with_photo().get_absolute_url())
    assert page.locator("h1.article-title").is_visible()
    shoot(page, screenshot, f"look-article-{width}")
    # Nothing may stick out sideways on a phone.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width


@pytest.mark.parametrize("featured", [3, 5])
def test_the_featured_stories_fill_the_space_beside_the_lead_story(
    live_server, demo, page, screenshot, featured
):
    public = Article.objects.published().exclude(image="")
    Article.objects.update(is_featured=False)
    Article.objects.filter(
        pk__in=list(public.values_list("pk", flat=True)[:featured])
    ).update(is_featured=True)
    page.goto(live_server.url + "/")
    assert page.locator(".featured-grid .card").count() == featured
    page.wait_for_load_state("networkidle")
    screenshot(f"look-featured-{featured}", full_page=False)
    lead = page.locator(".featured-grid .card-large").bounding_box()
    others = [
        card.bounding_box()
        for card in page.locator(".featured-grid .card:not(.card-large)").all()
    ]
    assert others, "the demo has several featured stories"
    for box in others:
        assert box["x"] > lead["x"] + lead["width"] - 1  # in a column beside it
        assert box["y"] < lead["y"] + lead["height"]  # not below it
    column_bottom = max(b["y"] + b["height"] for b in others)
    # The side column and the lead story end level: no empty area beside it.
    assert abs(column_bottom - (lead["y"] + lead["height"])) < 2


def test_text_size_and_contrast_persist_across_pages(
    live_server, demo, page, screenshot
):
    page.goto(live_server.url + "/")
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("button", name="tăng cỡ chữ").click()
    page.get_by_role("button", name="tăng cỡ chữ").click()
    page.get_by_role("button", name="Tương phản cao").click()
    page.goto(live_server.url + "/trang/gioi-thieu/")
    bigger = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert bigger == pytest.approx(size * 1.25)
    contrast = page.get_by_role("button", name="Tương phản cao")
    assert contrast.get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    screenshot("look-high-contrast-1280", full_page=False)
    page.get_by_role("button", name="giảm cỡ chữ").click()
    page.reload()
    smaller = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert smaller == pytest.approx(size * 1.125)
    page.get_by_role("button", name="cỡ chữ mặc định").click()
    contrast.click()
    page.reload()
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == size
    assert page.locator("html").get_attribute("data-high-contrast") is None


def test_the_skip_link_is_first_and_shows_when_focused(live_server, demo, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#noi-dung"


def test_focus_is_clearly_visible(live_server, demo, page):
    page.goto(live_server.url + "/")
    link = page.locator(".card-title a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    outline = link.evaluate(
        "el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth"
    )
    assert outline.startswith("solid") and not outline.endswith(" 0px")


def test_the_article_prints_without_menus_or_sidebar(
    live_server, demo, page, screenshot
):
    page.goto(live_server.url + article_with_photo().get_absolute_url())
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".sidebar", ".article-tools", ".topbar"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".article-body").is_visible()
    assert page.locator(".site-footer").is_visible()  # the source: who publishes
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    screenshot("look-article-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_screenshots_of_a_static_page_and_the_404_page(
    live_server, demo, page, screenshot
):
    page.goto(live_server.url + "/trang/gioi-thieu/")
    assert page.get_by_role("heading", name="Sơ đồ tổ chức").is_visible()
    screenshot("look-about-1280")
    response = page.goto(live_server.url + "/khong-co-trang-nay/")
    assert response.status == 404
    # Chromium logs the page's own 404 status as a console error: expected.
    page.console_errors.remove(
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    )
    assert page.get_by_role("heading", name="Không tìm thấy trang").is_visible()
    screenshot("look-404-1280", full_page=False)
