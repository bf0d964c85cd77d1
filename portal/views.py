from urllib.parse import urlsplit

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone

from core.attachments import serve
from core.cache import public_cache
from core.pagecache import page_cacheable
from core.site import site_url
from portal import most_read as readership
from portal import selfcheck
from portal.models import EnglishPage, Page, PageAttachment
from portal.sitemaps import SITEMAPS, html_map


@page_cacheable
@public_cache
def page(request, slug):
    """A static page: "Giới thiệu", "Liên hệ", the privacy notice…"""
    page = get_object_or_404(Page, slug=slug, is_published=True)
    ctx = {"page": page, "attachments": list(page.attachments.all())}
    return render(request, "portal/page.html", ctx)


@page_cacheable
@public_cache
def english(request):
    """The organisation in English (/en/). While staff have not written it,
    the name and contacts come from the site profile (the header links here
    on every page)."""
    ctx = {"english": EnglishPage.current(), "page_lang": "en"}
    return render(request, "portal/english.html", ctx)


def page_attachment(request, pk, name):
    """A file attached to a static page (core.attachments.serve)."""
    attached = get_object_or_404(PageAttachment.objects.select_related("page"), pk=pk)
    return serve(request, attached, name, public=attached.page.is_published)


def sitemap_index(request):
    """sitemap.xml: Django's index of the sections (portal.sitemaps), each
    location on the site's address (PORTAL_SITE_URL), not the request's Host."""
    response = sitemap_views.index(
        request, SITEMAPS, sitemap_url_name="sitemap_section"
    )
    for entry in response.context_data["sitemaps"]:
        address = urlsplit(entry.location)
        path = address.path + (f"?{address.query}" if address.query else "")
        entry.location = site_url(path)
    return response


def sitemap(request, section):
    """One section of sitemap.xml: /sitemap-<section>.xml (404 for others)."""
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@page_cacheable
@public_cache
def site_map(request):
    """Sơ đồ cổng: every public section as a tree, from the same registry as
    sitemap.xml, so it is never kept by hand."""
    return render(request, "portal/site_map.html", {"sections": html_map()})


@public_cache
def most_read(request):
    """Tin đọc nhiều: the most read articles of the last 7 (or 30) days."""
    days = 30 if request.GET.get("ngay") == "30" else 7
    ctx = {
        "days": days,
        "periods": readership.PERIODS,
        "ranked": readership.most_read(days, readership.PAGE_SIZE),
    }
    return render(request, "portal/most_read.html", ctx)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('news:search')}",
        f"Sitemap: {site_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered with no request context: no context processor
    runs, so nothing touches the database that may be the very thing down."""
    return HttpResponseServerError(loader.render_to_string("500.html"))


def self_check(request):
    """Tự kiểm tra: what an inspection looks for, checked on this site
    (portal.selfcheck), as a printable report. Wrapped in admin_view."""
    if not request.user.has_perm("portal.view_selfcheck"):
        raise PermissionDenied
    items = selfcheck.run()
    ctx = {
        **admin.site.each_context(request),
        "title": "Tự kiểm tra cổng thông tin",
        "items": items,
        "counts": {
            label: sum(1 for i in items if i.result.status == status)
            for status, label in selfcheck.LABELS.items()
        },
        "checked_at": timezone.localtime(),
    }
    return render(request, "admin/selfcheck.html", ctx)
