""" "Tin đọc nhiều": the stats app's most read paths, as published articles.

stats counts paths and news knows articles; neither imports the other, so the
site joins them here: /tin-tuc/<slug>/ is resolved with the URL patterns.
"""

from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from core.cache import cached
from news.models import Article
from stats import readership

PERIODS = (7, 30)
SIDEBAR_SIZE = 5
PAGE_SIZE = 20
# Brief: the ranking moves slowly and every page shows it.
SIDEBAR_SECONDS = 60


def _slug(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.kwargs.get("slug") if match.view_name == "news:article" else None


def most_read(days, limit):
    """[(article, readers)] of the last `days` days, most read first: one
    query for the articles, whatever the number of paths."""
    prefix = reverse("news:article", args=["x"]).rsplit("x", 1)[0]
    # Paths of deleted or unpublished articles drop out: ask for a few more.
    top = readership.top_paths(days, timezone.localdate(), prefix, limit * 2)
    slugs = {path: _slug(path) for path, _ in top}
    articles = Article.objects.listed().for_listing().select_related("category")
    found = {a.slug: a for a in articles.filter(slug__in=set(slugs.values()) - {None})}
    ranked = [(found[slugs[p]], n) for p, n in top if slugs[p] in found]
    return ranked[:limit]


def sidebar_periods():
    """Both periods for the sidebar block, cached briefly in every process."""

    def compute():
        return [(days, most_read(days, SIDEBAR_SIZE)) for days in PERIODS]

    return cached("portal:most-read", compute, SIDEBAR_SECONDS)
