"""The site's URLs plus stand-ins for the pages other apps add (Hỏi đáp,
Lịch công tác, the English page) where they are not installed yet: the menu
and the site maps must show them once their URL names resolve."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from portal.urls import urlpatterns as site_patterns


def stand_in(request):
    return HttpResponse("<!DOCTYPE html><title>Trang thử</title>")


def _missing(name):
    try:
        reverse(name, urlconf="portal.urls")
    except NoReverseMatch:
        return True
    return False


extra = []
for namespace, route, name in [
    ("questions", "hoi-dap/", "index"),
    ("schedule", "lich-cong-tac/", "week"),
]:
    if _missing(f"{namespace}:{name}"):
        patterns = ([path("", stand_in, name=name)], namespace)
        extra.append(path(route, include(patterns)))
if _missing("english"):
    extra.append(path("en/", stand_in, name="english"))

urlpatterns = extra + site_patterns
