from django.core.cache import cache

from news.models import Category
from portal.models import CACHE_SECONDS, MENU_CACHE_KEY, Page, SiteProfile


def site(request):
    """The header, menu and footer data that base.html shows on every page.

    Each part is cached briefly and dropped when staff save it (portal.models).
    """
    menu = cache.get(MENU_CACHE_KEY)
    if menu is None:
        menu = list(Category.objects.filter(in_menu=True, parent=None))
        cache.set(MENU_CACHE_KEY, menu, CACHE_SECONDS)
    return {
        "site": SiteProfile.current(),
        "menu_categories": menu,
        "footer_pages": Page.footer_links(),
    }
