from django.urls import reverse

from core.site import SiteSitemap
from questions.models import Question


class QuestionListSitemap(SiteSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["questions:index"]

    def location(self, item):
        return reverse(item)


class QuestionSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Question.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"questions-list": QuestionListSitemap, "questions": QuestionSitemap}
