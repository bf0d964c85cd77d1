from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.attachments import AttachmentInline
from documents.forms import DocumentAdminForm
from documents.models import Document, DocumentFile, DocumentType, Field, IssuingBody

PUBLISH_PERMISSION = "documents.publish_document"


def can_publish(request):
    return request.user.has_perm(PUBLISH_PERMISSION)


class NamedListAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


admin.site.register(DocumentType, NamedListAdmin)
admin.site.register(Field, NamedListAdmin)
admin.site.register(IssuingBody, NamedListAdmin)


class DocumentFileInline(AttachmentInline):
    model = DocumentFile
    fields = AttachmentInline.fields + ["text_layer"]
    readonly_fields = AttachmentInline.readonly_fields + ["text_layer"]

    @admin.display(description="lớp chữ")
    def text_layer(self, obj):
        if not obj.pk or obj.kind != "pdf":
            return "–"
        return "có" if obj.has_text_layer else "không có lớp chữ"


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Writer → approver, as for articles (kept local so that a shared
    workflow mixin can replace it): writers ("Biên tập viên") add and edit
    their own drafts; approvers ("Người duyệt tin") hold
    documents.publish_document and see everything. Checked on the server in
    the form, in save_model, in the queryset and in the actions."""

    form = DocumentAdminForm
    inlines = [DocumentFileInline]
    list_display = ["number_symbol", "doc_type", "issued_on", "status", "created_by"]
    list_filter = ["status", "doc_type", "issuing_body", "field"]
    list_select_related = ["doc_type", "created_by"]
    search_fields = ["number_symbol", "summary"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["replaced_by", "related_articles"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "doc_type",
                    "number_symbol",
                    "issuing_body",
                    "signer",
                    "field",
                ]
            },
        ),
        (
            "Hiệu lực",
            {"fields": ["issued_on", "effective_on", "expires_on", "replaced_by"]},
        ),
        ("Nội dung", {"fields": ["summary", "body", "related_articles"]}),
        ("Xuất bản", {"fields": ["status", "published_at"]}),
    ]

    def has_publish_permission(self, request):
        return can_publish(request)

    def get_queryset(self, request):
        documents = super().get_queryset(request)
        if can_publish(request):
            return documents
        # A writer sees their own documents and what is already published.
        return documents.filter(
            Q(created_by=request.user) | Q(status=Document.Status.PUBLISHED)
        )

    def has_change_permission(self, request, obj=None):
        if obj is not None and not can_publish(request):
            if obj.status == Document.Status.PUBLISHED or (
                obj.created_by_id != request.user.pk
            ):
                return False
        return super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = can_publish(request)
        return form

    def save_model(self, request, obj, form, change):
        if obj.status == Document.Status.PUBLISHED and not can_publish(request):
            raise PermissionDenied("Bạn không có quyền xuất bản văn bản.")
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="Xuất bản các văn bản đã chọn", permissions=["publish"])
    def publish(self, request, queryset):
        now = timezone.now()
        drafts = queryset.exclude(status=Document.Status.PUBLISHED)
        with transaction.atomic():
            drafts.filter(published_at__lt=now).update(published_at=now)
            count = drafts.update(status=Document.Status.PUBLISHED, updated_at=now)
        self.message_user(request, f"Đã xuất bản {count} văn bản.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống (chuyển về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = queryset.filter(status=Document.Status.PUBLISHED).update(
            status=Document.Status.DRAFT, updated_at=timezone.now()
        )
        self.message_user(request, f"Đã gỡ {count} văn bản xuống.", messages.SUCCESS)
