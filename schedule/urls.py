from django.urls import path, re_path

from core.pagecache import page_cacheable
from schedule import feeds, views

app_name = "schedule"

urlpatterns = [
    path("", page_cacheable(views.current_week, params={}), name="week"),
    re_path(
        r"^(?P<year>[0-9]{4})/tuan-(?P<week>[0-9]{1,2})/$",
        page_cacheable(views.week_of, params={}),
        name="week_of",
    ),
    path("chon-tuan/", views.pick_week, name="pick_week"),
    path("rss/", page_cacheable(feeds.ScheduleFeed(), params={}), name="feed"),
]
