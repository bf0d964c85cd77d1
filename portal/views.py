from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse

from core.attachments import serve
from core.cache import public_cache
from portal.models import Page, PageAttachment


@public_cache
def page(request, slug):
    """A static page: "Giới thiệu", "Liên hệ", the privacy notice…"""
    page = get_object_or_404(Page, slug=slug, is_published=True)
    ctx = {"page": page, "attachments": list(page.attachments.all())}
    return render(request, "portal/page.html", ctx)


def page_attachment(request, pk, name):
    """A file attached to a static page (core.attachments.serve)."""
    attached = get_object_or_404(PageAttachment.objects.select_related("page"), pk=pk)
    return serve(request, attached, name, public=attached.page.is_published)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('news:search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered with no request context: no context processor
    runs, so nothing touches the database that may be the very thing down."""
    return HttpResponseServerError(loader.render_to_string("500.html"))
