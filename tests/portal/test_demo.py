import pytest
from django.core.management import call_command

from news.models import Article, Category
from portal.models import SiteProfile, SupportUnit


@pytest.mark.django_db
def test_demo_content_looks_like_a_ward_portal():
    call_command("load_demo")
    assert Category.objects.count() >= 6
    assert Article.objects.published().count() >= 30
    months = {a.published_at.strftime("%Y-%m") for a in Article.objects.all()}
    assert len(months) >= 3
    assert SupportUnit.objects.count() >= 3
    assert Article.objects.exclude(image="").count() >= 20


@pytest.mark.django_db
def test_loading_the_demo_twice_keeps_the_data_and_edits():
    call_command("load_demo")
    article = Article.objects.first()
    article.title = "Tiêu đề đã sửa"
    article.save()
    count = Article.objects.count()
    call_command("load_demo")
    assert Article.objects.count() == count
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã sửa"
    assert SiteProfile.objects.count() == 1


@pytest.mark.django_db
def test_demo_staff_account_is_created_once(capsys):
    call_command("ensure_demo_staff")
    first = capsys.readouterr().out
    assert "password" in first
    call_command("ensure_demo_staff")
    assert capsys.readouterr().out == ""


@pytest.mark.django_db
def test_demo_articles_were_last_updated_when_they_went_out():
    call_command("load_demo")
    for article in Article.objects.all():
        assert article.updated_at == article.published_at


@pytest.mark.django_db
def test_the_demo_ward_keeps_its_old_sites_visit_counter(client):
    call_command("load_demo")
    html = client.get("/").content.decode()
    assert "111.200" in html
