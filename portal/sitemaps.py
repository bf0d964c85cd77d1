from core.site import SiteSitemap
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from portal.models import EnglishPage, Page


class PageSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.filter(is_published=True).order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EnglishSitemap(SiteSitemap):
    """/en/, once staff have written it (before, it is a stub)."""

    changefreq = "yearly"
    priority = 0.4

    def items(self):
        return EnglishPage.objects.filter(is_published=True).order_by("pk")[:1]

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    **NEWS_SITEMAPS,
    "pages": PageSitemap,
    "english": EnglishSitemap,
    **DOCUMENT_SITEMAPS,
}
