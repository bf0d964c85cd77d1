"""The monitoring script slot (EMC): a site-profile address, loaded by every
public page as an external script, whose origin, and only it, the CSP allows."""

import pytest
from django.core.exceptions import ValidationError

from portal.middleware import ADMIN_POLICY, PUBLIC_POLICY
from portal.models import EnglishPage, Page, SiteProfile
from tests.news.factories import make_article
from tests.portal.test_csp import directives

pytestmark = pytest.mark.django_db

SCRIPT = "https://emc.example.vn/static/emc.js?id=hoa-thuan-dong"
TAG = f'<script src="{SCRIPT.replace("&", "&amp;")}" async></script>'


@pytest.fixture(autouse=True)
def site():
    """A little site: no load_demo, which takes seconds per test."""
    SiteProfile.objects.create(portal_name="Cổng thông tin phường Thử")
    Page.objects.create(slug="gioi-thieu", title="Giới thiệu", body="<p>Phường.</p>")
    EnglishPage.objects.create(
        organisation="Test Ward",
        functions="Serves.",
        address="1 Street",
        person_responsible="An",
    )
    make_article(title="Tin thử")


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 30


def set_script(url):
    profile = SiteProfile.objects.get()
    profile.monitoring_script = url
    profile.full_clean()
    profile.save()


@pytest.mark.parametrize("path", ["/", "/trang/gioi-thieu/", "/en/", "/khong-co/"])
def test_without_a_script_the_policy_is_unchanged_and_no_script_is_loaded(client, path):
    response = client.get(path)
    assert response["Content-Security-Policy"] == PUBLIC_POLICY
    assert "emc" not in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/trang/gioi-thieu/", "/en/", "/khong-co/"])
def test_with_a_script_every_public_page_loads_it_and_allows_only_its_origin(
    client, path
):
    set_script(SCRIPT)
    response = client.get(path)
    assert TAG in response.content.decode()
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "https://emc.example.vn"]
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["style-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_origin_keeps_a_port_and_drops_the_path_and_query(client):
    set_script("https://EMC.example.vn:8443/a/b.js?x=1")
    policy = directives(client.get("/"))
    assert policy["script-src"] == ["'self'", "https://emc.example.vn:8443"]


@pytest.mark.parametrize("path", ["/rss/", "/sitemap.xml", "/robots.txt"])
def test_what_is_not_a_page_keeps_the_strict_policy(client, path):
    set_script(SCRIPT)
    assert client.get(path)["Content-Security-Policy"] == PUBLIC_POLICY


def test_the_admin_keeps_its_own_policy(client, admin_user):
    set_script(SCRIPT)
    client.force_login(admin_user)
    response = client.get("/quan-tri/")
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert "emc.example.vn" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "http://emc.example.vn/emc.js",
        "javascript:alert(1)",
        "//emc.example.vn/emc.js",
        "https://user:pass@emc.example.vn/emc.js",
        "https://emc.example.vn/emc.js?a='unsafe-inline'",
        "https://emc.example.vn/emc.js;script-src *",
        "https://emc.example.vn/a b.js",
        'https://emc.example.vn/"><script>',
        "data:text/javascript,alert(1)",
    ],
)
def test_only_a_plain_https_address_is_accepted(url):
    with pytest.raises(ValidationError):
        set_script(url)


def test_a_cached_page_keeps_the_policy_it_was_sent_with(client, page_cache):
    set_script(SCRIPT)
    client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    assert TAG in hit.content.decode()
    assert "https://emc.example.vn" in directives(hit)["script-src"]


@pytest.mark.parametrize("first, then", [(SCRIPT, ""), ("", SCRIPT)])
def test_changing_the_address_drops_cached_pages_so_header_and_page_agree(
    client, page_cache, first, then
):
    set_script(first)
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    set_script(then)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    loads = TAG in response.content.decode()
    allows = "https://emc.example.vn" in directives(response)["script-src"]
    assert loads == allows == bool(then)


def test_the_admin_form_offers_the_field(client, admin_user):
    client.force_login(admin_user)
    profile = SiteProfile.objects.get()
    page = client.get(f"/quan-tri/portal/siteprofile/{profile.pk}/change/")
    assert 'name="monitoring_script"' in page.content.decode()


def test_a_response_that_never_read_the_profile_costs_no_query_for_the_policy(
    rf, django_assert_num_queries
):
    from django.http import HttpResponse

    from portal.middleware import MonitoringScriptMiddleware

    set_script(SCRIPT)
    middleware = MonitoringScriptMiddleware(lambda request: HttpResponse("erreur"))
    with django_assert_num_queries(0):
        response = middleware(rf.get("/"))
    assert response["Content-Security-Policy"] == PUBLIC_POLICY
