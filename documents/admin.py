from django import forms
from django.contrib import admin
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from core.attachments import AttachmentInline
from core.editor import editor_widget
from core.workflow import WorkflowAdmin
from documents.forms import DocumentAdminForm
from documents.models import (
    Comment,
    Consultation,
    Document,
    DocumentFile,
    DocumentType,
    Field,
    IssuingBody,
)

PUBLISH_PERMISSION = "documents.publish_document"
PERSONAL_DATA_PERMISSION = "documents.view_commenter_data"


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


class ConsultationAdminForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "document",
            "title",
            "slug",
            "introduction",
            "opens_at",
            "closes_at",
            "report",
        ]
        widgets = {
            "report": editor_widget(),
            "introduction": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    """Drafts put out for comment. Approvers manage them (the page is public
    as soon as the document is); writers may look."""

    form = ConsultationAdminForm
    list_display = ["title", "document", "opens_at", "closes_at", "comments_link"]
    list_select_related = ["document"]
    search_fields = ["title", "document__number_symbol"]
    autocomplete_fields = ["document"]
    date_hierarchy = "closes_at"
    fieldsets = [
        (None, {"fields": ["document", "title", "slug", "introduction"]}),
        ("Thời gian nhận góp ý", {"fields": ["opens_at", "closes_at"]}),
        ("Kết quả", {"fields": ["report"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_received()

    @admin.display(description="góp ý")
    def comments_link(self, obj):
        url = reverse("admin:documents_comment_changelist")
        return format_html(
            '<a href="{}?consultation__id__exact={}">{} góp ý</a>',
            url,
            obj.pk,
            obj.received,
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Moderation: staff publish or hide residents' comments. The sender's
    name, contact and address appear only to staff with
    documents.view_commenter_data; everything a resident typed is shown as
    escaped text (read-only fields)."""

    list_display = ["excerpt", "consultation", "created_at", "status"]
    list_filter = ["status", "consultation"]
    list_select_related = ["consultation"]
    date_hierarchy = "created_at"
    actions = ["publish", "hide"]
    readonly_fields = ["consultation", "created_at", "text", "anonymised_at"]

    def has_add_permission(self, request):
        return False  # comments come from residents, through the public form

    def sees_personal_data(self, request):
        return request.user.has_perm(PERSONAL_DATA_PERMISSION)

    def get_list_display(self, request):
        if self.sees_personal_data(request):
            return [
                "excerpt",
                "name",
                "contact",
                "consultation",
                "created_at",
                "status",
            ]
        return self.list_display

    def get_search_fields(self, request):
        if self.sees_personal_data(request):
            return ["body", "name", "contact"]
        return ["body"]

    def get_fields(self, request, obj=None):
        fields = ["consultation", "created_at", "text", "status"]
        if self.sees_personal_data(request):
            fields += ["name", "contact", "address", "anonymised_at"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + ["name", "contact", "address"]

    @admin.display(description="góp ý")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    @admin.display(description="nội dung góp ý")
    def text(self, obj):
        return linebreaksbr(obj.body, autoescape=True)

    @admin.action(description="Công khai các góp ý đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(status=Comment.Status.PUBLISHED)
        self.message_user(request, f"Đã công khai {count} góp ý.")

    @admin.action(description="Ẩn các góp ý đã chọn", permissions=["change"])
    def hide(self, request, queryset):
        count = queryset.update(status=Comment.Status.HIDDEN)
        self.message_user(request, f"Đã ẩn {count} góp ý.")
