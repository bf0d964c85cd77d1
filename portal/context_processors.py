from django.utils import timezone

from portal.menu import site_menu
from portal.models import Page, SiteProfile


def site(request):
    """The header, menu and footer data that base.html shows on every page.

    Each part is cached briefly and dropped when staff save it (portal.apps).
    """
    # The same profile as the page's Content-Security-Policy (portal.middleware).
    profile = getattr(request, "site_profile", None)
    return {
        "site": SiteProfile.current() if profile is None else profile,
        **site_menu(request.path),
        "footer_pages": Page.footer_links(),
        # The day picker's month link when the page has no day of its own.
        "today": timezone.localdate(),
    }
