from django.urls import reverse

from core.site import SiteSitemap
from documents.models import Consultation, Document


class DocumentListSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["documents:list", "documents:consultations"]

    def location(self, item):
        return reverse(item)


class DocumentSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.7
    limit = 5000

    def items(self):
        return Document.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ConsultationSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.6
    limit = 5000

    def items(self):
        return Consultation.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "documents-list": DocumentListSitemap,
    "documents": DocumentSitemap,
    "consultations": ConsultationSitemap,
}
