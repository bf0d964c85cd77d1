"""axe-core (node_modules/axe-core, installed by `make test`) in headless
Chromium: no serious or critical WCAG 2.1 A/AA violation on the main pages."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import Article
from tests.conftest import AXE
from tests.portal.test_html_valid import document_pages, expired_notice

pytestmark = [pytest.mark.browser, pytest.mark.checkers]

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script():
    return str(AXE)


@pytest.fixture
def axe_page(browser):
    """A page whose context ignores the site's CSP, so axe can be injected."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


def serious_violations(page, url):
    page.goto(url)
    page.add_script_tag(path=axe_script())
    result = page.evaluate(
        "async (tags) => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def main_pages():
    article = Article.objects.published().exclude(image="").first()
    day = timezone.localdate(article.published_at)
    return [
        "/",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        f"/ngay/{day:%Y/%m/%d}/",
        "/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng",
        "/trang/gioi-thieu/",
        "/trang/lien-he/",
        "/trang/quyen-rieng-tu/",
        "/khong-co-trang-nay/",
        "/so-do-cong/",
        expired_notice(),
        *document_pages().values(),
    ]


def test_the_main_pages_have_no_serious_accessibility_violation(live_server, axe_page):
    call_command("load_demo")
    found = {}
    for path in main_pages():
        problems = serious_violations(axe_page, live_server.url + path)
        if problems:
            found[path] = problems
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


def test_high_contrast_and_large_text_keep_the_pages_accessible(live_server, axe_page):
    call_command("load_demo")
    axe_page.goto(live_server.url + "/")
    axe_page.get_by_role("button", name="Tương phản cao").click()
    axe_page.get_by_role("button", name="tăng cỡ chữ").click()
    found = {}
    for path in main_pages()[:5]:
        problems = serious_violations(axe_page, live_server.url + path)
        root = axe_page.locator("html")
        assert root.get_attribute("data-high-contrast") == ""
        assert root.get_attribute("data-text-scale") == "1"
        if problems:
            found[path] = problems
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
