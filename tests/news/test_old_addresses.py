"""When an article's slug changes, its old address answers 301 to the new one."""

import pytest
from django.urls import reverse

from news.models import Article, OldSlug
from tests.news.factories import APPROVERS, make_article, make_staff
from tests.news.test_roles import article_post

pytestmark = pytest.mark.django_db


def test_the_old_address_redirects_permanently_after_a_slug_change(client):
    article = make_article(title="Lịch tiếp dân tháng 12")
    old_url = article.get_absolute_url()
    client.force_login(make_staff("nguoiduyet", APPROVERS))
    data = article_post(
        article.category,
        title=article.title,
        slug="lich-tiep-cong-dan-thang-12",
        status="published",
        opened_version=article.version,
        minor_edit="on",
    )
    assert (
        client.post(
            reverse("admin:news_article_change", args=[article.pk]), data
        ).status_code
        == 302
    )
    client.logout()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/tin-tuc/lich-tiep-cong-dan-thang-12/"
    assert client.get(response["Location"]).status_code == 200


def test_every_earlier_address_leads_to_the_current_one(client):
    article = make_article(slug="ban-dau")
    for slug in ("lan-hai", "lan-ba"):
        article.slug = slug
        article.save()
    for old in ("ban-dau", "lan-hai"):
        response = client.get(f"/tin-tuc/{old}/")
        assert response.status_code == 301
        assert response["Location"] == "/tin-tuc/lan-ba/"


def test_taking_back_an_old_slug_removes_its_redirect(client):
    article = make_article(slug="ten-cu")
    article.slug = "ten-moi"
    article.save()
    article.slug = "ten-cu"
    article.save()
    assert list(OldSlug.objects.values_list("slug", flat=True)) == ["ten-moi"]
    assert client.get("/tin-tuc/ten-cu/").status_code == 200


def test_an_old_address_of_a_draft_is_still_a_404(client):
    article = make_article(slug="truoc", status=Article.Status.DRAFT)
    article.slug = "sau"
    article.save()
    assert client.get("/tin-tuc/truoc/").status_code == 404
    assert client.get("/tin-tuc/khong-co/").status_code == 404
