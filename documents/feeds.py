"""RSS 2.0 of newly published documents."""

from django.urls import reverse

from core.feeds import PublicFeed, feed_text
from core.site import site_url
from documents.models import Document

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
