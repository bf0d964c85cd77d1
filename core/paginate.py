from django.core.paginator import Paginator
from django.db.models import QuerySet

# Lists show at most this many pages: counting and skipping rows then costs
# the same whatever the size of the table. Older news is reached through the
# day and month archives.
MAX_PAGES = 100


def page_of(request, items, per_page):
    """The page of items that ?page= asks for. A bad or too-large page number
    gives the first or last page, never an error."""
    limit = per_page * MAX_PAGES
    if isinstance(items, QuerySet):
        items = items[:limit]
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    page.paginator.capped = page.paginator.count >= limit
    return page
