from django.urls import reverse

from core.site import SiteSitemap
from news.models import Article, Category


class HomeSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["news:home"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return Category.objects.order_by("pk")


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"home": HomeSitemap, "categories": CategorySitemap, "news": ArticleSitemap}
