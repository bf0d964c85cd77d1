"""Search of published news. Queries and documents are compared folded."""

from django.shortcuts import render

from news.models import Article
from news.text import fold, nfc
from news.views import _listing, _page

MAX_QUERY_LENGTH = 200


def search(queryset, query):
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def search_view(request):
    query = nfc(request.GET.get("q", "")).replace("\x00", "").strip()
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        message = f"Từ khóa dài quá {MAX_QUERY_LENGTH} ký tự nên đã được rút gọn."
    results = Article.objects.none()
    if query:
        results = search(_listing(Article.objects.published()), query)
    elif "q" in request.GET:
        message = "Hãy nhập từ khóa để tìm kiếm."
    ctx = {"query": query, "message": message, "page_obj": _page(request, results)}
    return render(request, "news/search.html", ctx)
