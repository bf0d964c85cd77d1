"""The site: every app's pages, the admin, and what belongs to the whole site
(sitemap, robots.txt, static pages, error pages)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from core import views as core_views
from core.pagecache import PAGE_NUMBER, page_cacheable
from portal import views
from portal.media import serve_media

admin.site.site_header = "Quản trị cổng thông tin phường"
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Bảng điều khiển"

urlpatterns = [
    path(
        f"{settings.ADMIN_PATH}tai-anh/",
        admin.site.admin_view(core_views.upload_image),
        name="editor_upload_image",
    ),
    path(
        f"{settings.ADMIN_PATH}tu-kiem-tra/",
        admin.site.admin_view(views.self_check),
        name="selfcheck",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("trang/<slug:slug>/", views.page, name="page"),
    path("en/", views.english, name="english"),
    path(
        "trang/tep/<int:pk>/<str:name>", views.page_attachment, name="page_attachment"
    ),
    path(
        "tin-doc-nhieu/",
        page_cacheable(views.most_read, params={"ngay": "7|30"}),
        name="most_read",
    ),
    path("sitemap.xml", page_cacheable(views.sitemap_index, params={}), name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        page_cacheable(views.sitemap, params={"p": PAGE_NUMBER}),
        name="sitemap_section",
    ),
    path("so-do-cong/", views.site_map, name="site_map"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon),
    path("", include("documents.urls")),
    path("hoi-dap/", include("questions.urls")),
    path("lich-cong-tac/", include("schedule.urls")),
    path("", include("news.urls")),
]

if settings.PORTAL_SERVE_MEDIA:
    urlpatterns += [
        path("media/<path:path>", serve_media, {"document_root": settings.MEDIA_ROOT}),
    ]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler500 = "portal.views.server_error"
