from django.urls import path

from documents import consultation_views, feeds, views

app_name = "documents"

# Mounted at the site's root (portal/urls.py): the register under /van-ban/,
# its drafts open for comment under /gop-y-du-thao/.
urlpatterns = [
    path("van-ban/", views.document_list, name="list"),
    path("van-ban/<int:pk>/", views.document_detail, name="detail"),
    path("van-ban/tep/<int:pk>/<str:name>", views.download, name="file"),
    path("van-ban/rss/", feeds.LatestDocumentsFeed(), name="feed"),
    path(
        "gop-y-du-thao/",
        consultation_views.consultation_list,
        name="consultations",
    ),
    path("gop-y-du-thao/rss/", feeds.ConsultationsFeed(), name="consultations_feed"),
    path(
        "gop-y-du-thao/<slug:slug>/",
        consultation_views.consultation_detail,
        name="consultation",
    ),
]
