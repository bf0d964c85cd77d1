"""RSS 2.0 of newly published documents."""

from django.urls import reverse
from django.utils import timezone

from core.feeds import PublicFeed, feed_text
from core.site import site_url
from documents.models import Consultation, Document

FEED_SIZE = 20


class LatestDocumentsFeed(PublicFeed):
    def title(self):
        return self.channel_text("documents/feed_title.txt")

    def description(self):
        return "Văn bản mới ban hành, công bố trên cổng thông tin."

    def link(self):
        return site_url(reverse("documents:list"))

    def items(self):
        return (
            Document.objects.published()
            .for_listing()
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return feed_text(f"{item.doc_type.name} {item.number_symbol}")

    def item_description(self, item):
        return feed_text(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [feed_text(item.doc_type.name)]


class ConsultationsFeed(PublicFeed):
    """Drafts put out for comment, newest opening first."""

    def title(self):
        return self.channel_text("documents/consultations_feed_title.txt")

    def description(self):
        return "Dự thảo văn bản lấy ý kiến người dân, với hạn góp ý."

    def link(self):
        return site_url(reverse("documents:consultations"))

    def items(self):
        return (
            Consultation.objects.public()
            .filter(opens_at__lte=timezone.now())
            .defer("report")
            .order_by("-opens_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return feed_text(item.title)

    def item_description(self, item):
        deadline = timezone.localtime(item.closes_at).strftime("%H:%M %d/%m/%Y")
        return feed_text(f"Hạn góp ý: {deadline}. {item.introduction}".strip())

    def item_pubdate(self, item):
        return item.opens_at

    def item_updateddate(self, item):
        return item.updated_at
