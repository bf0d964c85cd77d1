import csv

from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse

from stats import figures
from stats.charts import history_charts
from stats.models import DailyVisits, StatsSettings


@admin.register(DailyVisits)
class DailyVisitsAdmin(admin.ModelAdmin):
    """The history, read-only: charts above the list, and a CSV download."""

    change_list_template = "admin/stats/dailyvisits/change_list.html"
    list_display = ["day", "visits"]
    date_hierarchy = "day"
    list_per_page = 31

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        csv_view = self.admin_site.admin_view(self.export_csv)
        return [
            path("csv/", csv_view, name="stats_dailyvisits_csv"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": "Lượt truy cập theo ngày",
            "charts": history_charts(),
            "figures": figures.cached(),
            "settings_url": reverse("admin:stats_statssettings_changelist"),
        }
        return super().changelist_view(request, extra_context)

    def export_csv(self, request):
        if not self.has_view_permission(request):
            return redirect("admin:index")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="luot-truy-cap.csv"'
        response.write("\ufeff")  # so spreadsheet programs read UTF-8
        writer = csv.writer(response)
        writer.writerow(["Ngày", "Lượt truy cập"])
        for day, visits in DailyVisits.objects.order_by("day").values_list(
            "day", "visits"
        ):
            writer.writerow([f"{day:%d/%m/%Y}", visits])
        return response


@admin.register(StatsSettings)
class StatsSettingsAdmin(admin.ModelAdmin):
    """One record: the list opens it directly."""

    fields = ["starting_total"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_object(self, request, object_id, from_field=None):
        # The record exists once staff first save it.
        return StatsSettings.current() if object_id == "1" else None

    def changelist_view(self, request, extra_context=None):
        settings = StatsSettings.objects.get_or_create(pk=1)[0]
        return redirect("admin:stats_statssettings_change", settings.pk)
