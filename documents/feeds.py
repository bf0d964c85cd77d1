"""RSS 2.0 of newly published documents."""

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control

from core.cache import PUBLIC_MAX_AGE
from documents.models import Document

FEED_SIZE = 20


class LatestDocumentsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        # The site's name comes from the template context (documents does not
        # import portal).
        self.request = request
        return None

    def title(self):
        text = render_to_string("documents/feed_title.txt", {}, self.request)
        return " ".join(text.split())

    def description(self):
        return "Văn bản mới ban hành, công bố trên cổng thông tin."

    def link(self):
        return reverse("documents:list")

    def items(self):
        return (
            Document.objects.published()
            .for_listing()
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.doc_type.name} {item.number_symbol}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.doc_type.name]
