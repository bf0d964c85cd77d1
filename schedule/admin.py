from django.contrib import admin
from django.utils.text import Truncator

from core.revisions import RevisionsAdmin
from core.workflow import WorkflowAdmin
from schedule.forms import EntryAdminForm
from schedule.models import Entry

PUBLISH_PERMISSION = "schedule.publish_entry"


@admin.register(Entry)
class EntryAdmin(WorkflowAdmin, RevisionsAdmin, admin.ModelAdmin):
    """Writer → approver, as for articles and documents (core.workflow):
    writers ("Biên tập viên") add and edit their own drafts; approvers
    ("Người duyệt tin") hold schedule.publish_entry, see everything, publish
    and adjust published entries (the page then says "Điều chỉnh lúc…")."""

    publish_permission = PUBLISH_PERMISSION
    approved_by_field = None
    version_field = None
    diff_fields = ("content", "presiding", "attendees", "location", "note")

    form = EntryAdminForm
    list_display = [
        "day",
        "start_time",
        "short_content",
        "presiding",
        "location",
        "status",
        "adjusted_at",
        "created_by",
    ]
    list_display_links = ["day", "start_time", "short_content"]
    list_filter = ["status", "day"]
    list_select_related = ["created_by"]
    search_fields = ["content", "presiding", "attendees", "location"]
    date_hierarchy = "day"
    ordering = ["-day", "start_time"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        ("Thời gian", {"fields": ["day", "start_time", "end_time"]}),
        (
            "Nội dung",
            {"fields": ["content", "presiding", "attendees", "location", "note"]},
        ),
        ("Xuất bản", {"fields": ["status", "published_at"]}),
    ]

    @admin.display(description="nội dung", ordering="content")
    def short_content(self, obj):
        return Truncator(obj.content).chars(80)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.can_publish(request)
        return form

    @admin.action(description="Xuất bản các mục lịch đã chọn", permissions=["publish"])
    def publish(self, request, queryset):
        count = self.publish_selected(request, queryset)
        self.report(request, f"Đã xuất bản {count} mục lịch công tác.")

    @admin.action(description="Gỡ xuống (chuyển về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.unpublish_selected(queryset)
        self.report(request, f"Đã gỡ {count} mục lịch công tác xuống.")
