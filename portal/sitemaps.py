from core.site import SiteSitemap
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from portal.models import Page
from questions.sitemaps import SITEMAPS as QUESTION_SITEMAPS
from schedule.sitemaps import SITEMAPS as SCHEDULE_SITEMAPS


class PageSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.filter(is_published=True).order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    **NEWS_SITEMAPS,
    "pages": PageSitemap,
    **DOCUMENT_SITEMAPS,
    **QUESTION_SITEMAPS,
    **SCHEDULE_SITEMAPS,
}
