from django.core.paginator import Paginator


def page_of(request, items, per_page):
    """The page of items that ?page= asks for. A bad or too-large page number
    gives the first or last page, never an error."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
