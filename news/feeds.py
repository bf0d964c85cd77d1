"""RSS 2.0 feeds: the whole site's latest news, and one per category."""

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404

from core.feeds import PublicFeed, feed_text
from core.site import site_url
from news.models import Article, Category, CorrectionNote

FEED_SIZE = 20


class LatestNewsFeed(PublicFeed):
    def _channel_text(self, name, category=None):
        return self.channel_text(f"news/feed_{name}.txt", category=category)

    def title(self, obj):
        return self._channel_text("title", obj)

    def description(self, obj):
        return self._channel_text("description", obj)

    def link(self, obj):
        return site_url(obj.get_absolute_url() if obj else "/")

    def items(self, obj):
        public = Article.objects.listed()
        if obj:
            public = public.in_category(obj)
        # The newest correction note rides along in the same query.
        latest_note = CorrectionNote.objects.filter(article=OuterRef("pk")).order_by(
            "-created_at", "-id"
        )
        public = public.annotate(correction=Subquery(latest_note.values("text")[:1]))
        return public.for_listing()[:FEED_SIZE]

    def item_title(self, item):
        return feed_text(item.title)

    def item_description(self, item):
        if item.correction:
            return feed_text(f"Đính chính: {item.correction} — {item.summary}")
        return feed_text(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return feed_text(item.author) or None

    def item_categories(self, item):
        return [feed_text(item.category.name)]


class CategoryFeed(LatestNewsFeed):
    def get_object(self, request, slug):
        super().get_object(request)
        return get_object_or_404(Category, slug=slug)
