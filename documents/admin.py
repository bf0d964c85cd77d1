from django.contrib import admin

from core.attachments import AttachmentInline
from core.workflow import WorkflowAdmin
from documents.forms import DocumentAdminForm
from documents.models import Document, DocumentFile, DocumentType, Field, IssuingBody

PUBLISH_PERMISSION = "documents.publish_document"


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
class DocumentAdmin(WorkflowAdmin, admin.ModelAdmin):
    """Writer → approver, as for articles (core.workflow): writers ("Biên tập
    viên") add and edit their own drafts; approvers ("Người duyệt tin") hold
    documents.publish_document, see everything and publish (approval sets the
    publish time). Checked on the server in the form, in save_model, in the
    queryset and in the actions."""

    publish_permission = PUBLISH_PERMISSION
    approved_by_field = None
    version_field = None

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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.can_publish(request)
        return form

    @admin.action(description="Xuất bản các văn bản đã chọn", permissions=["publish"])
    def publish(self, request, queryset):
        count = self.publish_selected(request, queryset)
        self.report(request, f"Đã xuất bản {count} văn bản.")

    @admin.action(description="Gỡ xuống (chuyển về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.unpublish_selected(queryset)
        self.report(request, f"Đã gỡ {count} văn bản xuống.")
