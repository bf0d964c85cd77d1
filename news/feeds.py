"""RSS 2.0 feeds: the whole site's latest news, and one per category."""

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from core.cache import PUBLIC_MAX_AGE
from core.feeds import feed_text
from core.site import site_url
from core.text import clean_text
from news.models import Article, Category, CorrectionNote

FEED_SIZE = 20


class LatestNewsFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        # The site's name comes from the template context (news does not import
        # portal), so the channel's texts are small templates.
        self.request = request
        return None

    def _channel_text(self, name, category=None):
        ctx = {"category": category}
        # The template escapes the names already, as feed_text() would.
        text = render_to_string(f"news/feed_{name}.txt", ctx, self.request)
        return clean_text(" ".join(text.split()), multiline=False)

    def title(self, obj):
        return self._channel_text("title", obj)

    def description(self, obj):
        return self._channel_text("description", obj)

    # Every link is absolute on PORTAL_SITE_URL, so Django never adds the
    # request's Host to one.
    def link(self, obj):
        return site_url(obj.get_absolute_url() if obj else "/")

    def feed_url(self, obj):
        return site_url(self.request.path)

    def item_link(self, item):
        return site_url(item.get_absolute_url())

    def items(self, obj):
        public = Article.objects.published()
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
