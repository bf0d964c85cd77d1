from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


def site_url(path):
    """The path on the configured site address (PORTAL_SITE_URL), whatever
    Host the request named: cached pages must not echo a forged Host."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_SITE_URL + path


class SiteSitemap(Sitemap):
    """Locations on PORTAL_SITE_URL, never on the request's Host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.PORTAL_SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.PORTAL_SITE_URL).netloc
