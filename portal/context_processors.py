from django.utils import timezone

from core.cache import cached
from news.models import Category
from portal.models import Page, SiteProfile

MENU_CACHE_KEY = "portal:menu"


def menu_categories():
    return list(Category.objects.filter(in_menu=True, parent=None))


def site(request):
    """The header, menu and footer data that base.html shows on every page.

    Each part is cached briefly and dropped when staff save it (portal.apps).
    """
    # The same profile as the page's Content-Security-Policy (portal.middleware).
    profile = getattr(request, "site_profile", None)
    return {
        "site": SiteProfile.current() if profile is None else profile,
        "menu_categories": cached(MENU_CACHE_KEY, menu_categories),
        "footer_pages": Page.footer_links(),
        # The day picker's month link when the page has no day of its own.
        "today": timezone.localdate(),
    }
