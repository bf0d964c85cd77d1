from django.contrib import admin
from django.utils.html import format_html

from core.attachments import AttachmentInline
from core.revisions import RevisionsAdmin
from portal.forms import PageForm, SiteProfileForm
from portal.models import (
    EnglishPage,
    MenuItem,
    Page,
    PageAttachment,
    SiteProfile,
    SupportUnit,
)


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    form = SiteProfileForm
    fieldsets = [
        (
            "Tên cổng và cơ quan",
            {"fields": ["portal_name", "organisation", "governing_body"]},
        ),
        ("Liên hệ", {"fields": ["address", "phone", "email"]}),
        ("Chịu trách nhiệm nội dung", {"fields": ["editor_name", "editor_title"]}),
        ("Logo", {"fields": ["logo", "logo_alt"]}),
        ("Menu", {"fields": ["public_services_url"]}),
        ("Chân trang", {"fields": ["footer_text", "copyright"]}),
        (
            "Chứng nhận Tín Nhiệm Mạng",
            {
                "fields": ["trust_badge_image", "trust_badge_url"],
                "description": "Biểu tượng chỉ hiện khi có cả ảnh và địa chỉ xác minh.",
            },
        ),
        ("Giám sát (EMC)", {"fields": ["monitoring_script"]}),
    ]

    def has_add_permission(self, request):
        return not SiteProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MenuItem)
class MenuItemAdmin(admin.ModelAdmin):
    """The menu besides the categories. Seeded items (Trang chủ, Giới thiệu,
    Dịch vụ công trực tuyến, Văn bản, Hỏi đáp, Lịch công tác, Sơ đồ cổng) may
    be renamed and reordered, never deleted; the four the inspection list
    names are never hidden (MenuItem.clean)."""

    list_display = ["title", "leads_to", "after_categories", "order", "is_visible"]
    list_editable = ["after_categories", "order", "is_visible"]
    fields = ["title", "link", "after_categories", "order", "is_visible"]

    @admin.display(description="dẫn tới")
    def leads_to(self, obj):
        target = obj.target(SiteProfile.current())
        if target is None:
            return "(chưa có trang này: mục đang ẩn)"
        return target

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.has_own_target:
            return ["link"]
        return []

    def has_delete_permission(self, request, obj=None):
        # The bulk action asks this for each item too: a selection with a
        # seeded item is refused whole.
        if obj is not None and obj.key:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(EnglishPage)
class EnglishPageAdmin(admin.ModelAdmin):
    """One record: the page at /en/."""

    fieldsets = [
        (None, {"fields": ["organisation", "functions"]}),
        ("Liên hệ", {"fields": ["address", "phone", "email"]}),
        ("Người chịu trách nhiệm", {"fields": ["person_responsible", "person_title"]}),
        (None, {"fields": ["is_published"]}),
    ]
    list_display = ["organisation", "is_published", "updated_at"]

    def has_add_permission(self, request):
        return not EnglishPage.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SupportUnit)
class SupportUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "order", "is_visible"]
    list_editable = ["order", "is_visible"]
    search_fields = ["name"]


class PageAttachmentInline(AttachmentInline):
    model = PageAttachment


@admin.register(Page)
class PageAdmin(RevisionsAdmin, admin.ModelAdmin):
    form = PageForm
    inlines = [PageAttachmentInline]
    list_display = ["title", "link", "in_footer", "order", "is_published", "updated_at"]
    list_editable = ["in_footer", "order", "is_published"]
    # No prepopulated_fields: the admin's URLify turns "Đường" into "djng";
    # a blank slug is made on save by core.text.slugify_vi ("duong").
    search_fields = ["title"]

    def restore_as_draft(self, page):
        # Restoring never publishes: the page waits, hidden, for a check.
        page.is_published = False

    @admin.display(description="địa chỉ")
    def link(self, obj):
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())
