"""One production-mode deployment (SQLite, demo content, collected static
files) shared by the resilience tests that start real servers."""

import json

import pytest

from tests.resilience.servers import manage, production_env

URLS_SCRIPT = """
import json
from news.models import Article, Category
from portal.models import Page
a = Article.objects.published().order_by("-published_at").first()
c = Category.objects.filter(in_menu=True).first()
p = Page.objects.filter(is_published=True).first()
d = a.published_at
from django.utils import timezone
d = timezone.localdate(d)
print(json.dumps({
    "home": "/",
    "category": c.get_absolute_url(),
    "article": a.get_absolute_url(),
    "day": f"/ngay/{d:%Y/%m/%d}/",
    "month": f"/ngay/{d:%Y/%m}/",
    "search": "/tim-kiem/?q=ph%C6%B0%E1%BB%9Dng",
    "page": p.get_absolute_url(),
    "feed": "/rss/",
    "category_feed": f"/rss{c.get_absolute_url()}",
    "sitemap": "/sitemap.xml",
    "robots": "/robots.txt",
}))
"""


@pytest.fixture(scope="session")
def deployment(tmp_path_factory):
    """A data dir with a migrated SQLite database, the demo ward and
    collected static files; `deployment.pages` maps names to public paths."""
    data = tmp_path_factory.mktemp("deployment")
    env = production_env(data, f"sqlite:///{data / 'portal.sqlite3'}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")

    class Deployment:
        pass

    deployment = Deployment()
    deployment.data = data
    deployment.env = env
    output = manage(env, "shell", "--no-imports", "-c", URLS_SCRIPT)
    deployment.pages = json.loads(output.strip().splitlines()[-1])
    return deployment
