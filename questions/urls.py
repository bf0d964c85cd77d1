from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("tra-cuu/<str:code>/", views.status, name="status"),
]
