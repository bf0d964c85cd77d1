"""The site menu: news categories between the menu items staff set
(portal.models.MenuItem), cached as one piece like the footer and profile."""

from dataclasses import dataclass

from django.urls import reverse

from core.cache import cached

MENU_CACHE_KEY = "portal:menu"

# The items the inspection list asks for, seeded by migration 0006 and put
# back after every migrate if missing (a test database flush included):
# (key, title, link, after the categories). Trang chủ leads the menu.
DEFAULTS = [
    ("home", "Trang chủ", "", False),
    ("about", "Giới thiệu", "/trang/gioi-thieu/", True),
    ("public_services", "Dịch vụ công trực tuyến", "", True),
    ("documents", "Văn bản", "", True),
    ("consultations", "Góp ý dự thảo", "", True),
    ("questions", "Hỏi đáp", "", True),
    ("schedule", "Lịch công tác", "", True),
    ("site_map", "Sơ đồ cổng", "", True),
]


def ensure_menu(menu_item_model=None, apps=None, **kwargs):
    """Create any seeded item that is missing; never touch existing ones.
    After a migrate (post_migrate gives the migrated state as apps), only
    if that state has the menu."""
    if menu_item_model is None and apps is not None:
        try:
            menu_item_model = apps.get_model("portal", "MenuItem")
        except LookupError:
            return
    if menu_item_model is None:
        from portal.models import MenuItem as menu_item_model
    for order, (key, title, link, after) in enumerate(DEFAULTS):
        menu_item_model.objects.get_or_create(
            key=key,
            defaults={
                "title": title,
                "link": link,
                "after_categories": after,
                "order": order * 10,
            },
        )


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str

    @property
    def external(self):
        return self.url.startswith(("http://", "https://"))

    def current(self, path):
        """aria-current for the page at path: "page" on the item's own
        address, "true" under it (a document of Văn bản), else ""."""
        if path == self.url:
            return "page"
        if not self.external and self.url != "/" and path.startswith(self.url):
            return "true"
        return ""


def compute_menu():
    from news.models import Category
    from portal.models import MenuItem, Page, SiteProfile

    profile = SiteProfile.current()
    # A link to a static page that is hidden or gone would answer 404.
    pages = reverse("page", args=["x"]).rsplit("x", 1)[0]
    public = {p.get_absolute_url() for p in Page.objects.filter(is_published=True)}
    links = {True: [], False: []}
    for item in MenuItem.objects.filter(is_visible=True):
        url = item.target(profile)
        if url and (not url.startswith(pages) or url in public):
            links[item.after_categories].append(MenuLink(item.title, url))
    return {
        "categories": list(Category.objects.filter(in_menu=True, parent=None)),
        "start": links[False],
        "end": links[True],
    }


def site_menu(path):
    """The menu for the page at path: categories, and the items before and
    after them each with its aria-current value (no query when cached)."""
    menu = cached(MENU_CACHE_KEY, compute_menu)
    end = [(link, link.current(path)) for link in menu["end"]]
    return {
        "menu_categories": menu["categories"],
        "menu_start": [(link, link.current(path)) for link in menu["start"]],
        "menu_end": end,
        # On phones "Thêm" starts open on a page of its own items.
        "menu_end_open": any(mark for _, mark in end),
    }
