from django.urls import path

from documents import feeds, views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("tep/<int:pk>/<str:name>", views.download, name="file"),
    path("rss/", feeds.LatestDocumentsFeed(), name="feed"),
]
