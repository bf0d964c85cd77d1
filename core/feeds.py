from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.html import escape

from core.cache import PUBLIC_MAX_AGE
from core.site import site_url
from core.text import clean_text


def feed_text(text):
    """Plain text as an RSS element: readers treat titles, descriptions and
    authors as HTML, so the text is escaped once more and arrives exactly as
    typed ("<img …>" shows as those characters). Characters XML forbids are
    dropped: rows saved before they were cleaned at the door may hold some."""
    return escape(clean_text(text, multiline=False)) if text else text


class PublicFeed(Feed):
    """The base of the site's RSS feeds: the public pages' cache header, every
    link absolute on PORTAL_SITE_URL (never the request's Host), and the
    request kept for channel texts rendered from templates (the site's name
    lives in another app's context)."""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def channel_text(self, template, **context):
        # The template escapes the names already, as feed_text() would.
        text = render_to_string(template, context, self.request)
        return clean_text(" ".join(text.split()), multiline=False)

    def feed_url(self, obj):
        return site_url(self.request.path)

    def item_link(self, item):
        return site_url(item.get_absolute_url())
