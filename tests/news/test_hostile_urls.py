"""Every URL parameter, given nonsense: a 404, a friendly message or the last
page, never a server error."""

import pytest

from tests.news.factories import make_article

pytestmark = pytest.mark.django_db

LONG = "a" * 5000


@pytest.fixture(autouse=True)
def some_news():
    category = None
    for n in range(15):
        article = make_article(category, title=f"Tin thử nghiệm số {n}")
        category = article.category
    return category


@pytest.mark.parametrize(
    "url",
    [
        "/ngay/2023/02/30/",
        "/ngay/2023/13/01/",
        "/ngay/2023/00/10/",
        "/ngay/0000/01/01/",
        "/ngay/9999/12/31/",
        "/ngay/1000/01/01/",
        "/ngay/2023/1/01/",
        "/ngay/2023/13/",
        "/ngay/0000/01/",
        "/ngay/abcd/01/01/",
        "/tin-tuc/khong-co-tin-nay/",
        f"/tin-tuc/{LONG}/",
        "/tin-tuc/%00/",
        "/tin-tuc/abc%00def/",
        "/tin-tuc/%C4%91%C6%B0%E1%BB%9Dng/",
        "/tin-tuc/%ZZ/",
        "/chuyen-muc/khong-co/",
        f"/chuyen-muc/{LONG}/",
        "/chuyen-muc/%00/",
        "/rss/chuyen-muc/khong-co/",
        f"/rss/chuyen-muc/{LONG}/",
        "/rss/chuyen-muc/%00/",
        "/sitemap-news.xml?p=abc",
        "/sitemap-news.xml?p=-1",
        "/sitemap-news.xml?p=99999",
        "/sitemap-news.xml?p=%00",
        "/sitemap-khong-co.xml",
        f"/sitemap-{LONG}.xml",
    ],
)
def test_bad_paths_give_a_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "page", ["abc", "-1", "0", "999999", "1.5", "1e3", "\x00", "%00", "9" * 5000, ""]
)
@pytest.mark.parametrize(
    "url", ["/", "/chuyen-muc/{slug}/", "/ngay/2025/04/", "/ngay/{day}/"]
)
def test_a_bad_page_number_gives_the_first_or_last_page(client, some_news, url, page):
    from django.utils import timezone

    day = timezone.localdate().strftime("%Y/%m/%d")
    url = url.format(slug=some_news.slug, day=day)
    response = client.get(url, {"page": page})
    assert response.status_code == 200


def test_a_page_past_the_end_shows_the_last_page(client, some_news):
    response = client.get(some_news.get_absolute_url(), {"page": "999999"})
    assert response.context["page_obj"].number == 2


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2023-02-30",
        "abc",
        "0001-01-01",
        "9999-12-31",
        "2023-1-1",
        "\x00",
        LONG,
        "2023-04-10T00:00",
    ],
)
def test_a_bad_picked_day_gets_a_friendly_message(client, value):
    response = client.get("/ngay/", {"ngay": value})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "Ngày không hợp lệ" in response.content.decode()
    else:
        assert client.get(response["Location"]).status_code in (200, 404)
