from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from news import views as news_views
from news.sitemaps import SITEMAPS
from portal import views
from portal.media import serve_media

admin.site.site_header = "Quản trị cổng thông tin phường"
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Bảng điều khiển"

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("trang/<slug:slug>/", views.page, name="page"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", news_views.robots_txt, name="robots_txt"),
    path("favicon.ico", news_views.favicon),
    path("", include("news.urls")),
]

if settings.PORTAL_SERVE_MEDIA:
    urlpatterns += [
        path("media/<path:path>", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler500 = "portal.views.server_error"
