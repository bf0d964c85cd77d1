from django.urls import path, re_path

from core.pagecache import page_cacheable
from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("tin-tuc/<slug:slug>/", views.article, name="article"),
    path("tin-tuc/tep/<int:pk>/<str:name>", views.attachment, name="attachment"),
    path("tim-kiem/", views.search_view, name="search"),
    path("rss/", page_cacheable(feeds.LatestNewsFeed()), name="feed"),
    path(
        "rss/chuyen-muc/<slug:slug>/",
        page_cacheable(feeds.CategoryFeed()),
        name="category_feed",
    ),
    path("ngay/", views.pick_day, name="pick_day"),
    re_path(
        r"^ngay/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$",
        page_cacheable(views.MonthView.as_view()),
        name="month",
    ),
    re_path(
        r"^ngay/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/$",
        page_cacheable(views.DayView.as_view()),
        name="day",
    ),
]
