from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.attachments import AttachmentInline
from news.forms import ArticleAdminForm
from news.models import Article, ArticleAttachment, Category

PUBLISH_PERMISSION = "news.publish_article"


def can_publish(request):
    return request.user.has_perm(PUBLISH_PERMISSION)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "order", "in_menu"]
    list_editable = ["order", "in_menu"]
    # No prepopulated_fields: the admin's URLify turns "Đường" into "djng";
    # an empty slug is made on save with đ -> d instead.
    search_fields = ["name"]


class ArticleAttachmentInline(AttachmentInline):
    model = ArticleAttachment


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [ArticleAttachmentInline]
    list_display = ["title", "status", "category", "published_at", "is_featured"]
    list_filter = ["status", "category", "published_at", "is_featured"]
    list_select_related = ["category"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["image", "image_alt", "image_caption"]}),
        ("Nguồn tin và tác giả", {"fields": ["source_name", "source_url", "author"]}),
        ("Xuất bản", {"fields": ["status", "published_at", "is_featured"]}),
    ]

    # Writers ("Biên tập viên") hold add/change; approvers ("Người duyệt tin")
    # also hold news.publish_article. The rule is checked on the server in the
    # form, in save_model and in the actions, whatever the browser sends.
    def has_publish_permission(self, request):
        return can_publish(request)

    def has_change_permission(self, request, obj=None):
        # A published article is the approvers' responsibility: writers may
        # read it but not change it.
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            if not can_publish(request):
                return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request):
            return []
        return ["is_featured"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = can_publish(request)
        return form

    def save_model(self, request, obj, form, change):
        if obj.status == Article.Status.PUBLISHED and not can_publish(request):
            raise PermissionDenied("Bạn không có quyền xuất bản tin.")
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Xuất bản các tin đã chọn", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        drafts = queryset.exclude(status=Article.Status.PUBLISHED)
        with transaction.atomic():
            # Approved now, it goes out now, unless it is scheduled for later.
            drafts.filter(published_at__lt=now).update(published_at=now)
            count = drafts.update(status=Article.Status.PUBLISHED, updated_at=now)
        self.message_user(request, f"Đã xuất bản {count} tin.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống (chuyển về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Article.Status.PUBLISHED).update(
            status=Article.Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(request, f"Đã gỡ {count} tin xuống.", messages.SUCCESS)

    @admin.action(description="Đánh dấu là tin nổi bật", permissions=["publish"])
    def feature(self, request, queryset):
        count = queryset.update(is_featured=True)
        self.message_user(request, f"Đã đánh dấu {count} tin nổi bật.")

    @admin.action(description="Bỏ đánh dấu tin nổi bật", permissions=["publish"])
    def unfeature(self, request, queryset):
        count = queryset.update(is_featured=False)
        self.message_user(request, f"Đã bỏ đánh dấu {count} tin nổi bật.")
