import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/chuyen-muc/tin-hoat-dong/",
        "/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng",
        "/trang/gioi-thieu/",
        "/khong-co-trang-nay/",
    ],
)
def test_public_pages_send_a_strict_content_security_policy(client, path):
    call_command("load_demo")
    policy = directives(client.get(path))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_article_page_sends_it_too(client):
    call_command("load_demo")
    from news.models import Article

    article = Article.objects.published().first()
    policy = directives(client.get(article.get_absolute_url()))
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_allows_the_editors_inline_script_and_nothing_from_elsewhere(client):
    client.force_login(get_user_model().objects.create_superuser("q", "q@e.vn", "x"))
    policy = directives(client.get("/quan-tri/portal/page/add/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
