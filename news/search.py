"""Search of published news. Queries and documents are compared folded."""

from news.text import fold

MAX_QUERY_LENGTH = 200


def search(queryset, query):
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset
