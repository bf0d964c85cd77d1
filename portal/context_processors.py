from django.core.cache import cache

from news.models import Category
from portal.models import SiteProfile

MENU_CACHE_KEY = "portal:menu"


def site(request):
    """The header, menu and footer data that base.html shows on every page."""
    menu = cache.get(MENU_CACHE_KEY)
    if menu is None:
        menu = list(Category.objects.filter(in_menu=True, parent=None))
        cache.set(MENU_CACHE_KEY, menu, 30)
    return {"site": SiteProfile.current(), "menu_categories": menu}
