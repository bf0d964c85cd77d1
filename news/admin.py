from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from core.attachments import AttachmentInline
from core.export import table_response
from core.revisions import RevisionsAdmin
from core.workflow import WorkflowAdmin
from news import reports
from news.forms import ArticleAdminForm
from news.models import Article, ArticleAttachment, Category, CorrectionNote

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
class ArticleAdmin(WorkflowAdmin, RevisionsAdmin, admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [ArticleAttachmentInline]
    publish_permission = PUBLISH_PERMISSION
    list_display = [
        "title",
        "status",
        "category",
        "published_at",
        "author",
        "created_by",
        "approved_by",
        "is_featured",
    ]
    list_filter = [
        "status",
        "category",
        "published_at",
        ("created_by", admin.RelatedOnlyFieldListFilter),
        ("approved_by", admin.RelatedOnlyFieldListFilter),
        ("author", admin.AllValuesFieldListFilter),
        "is_featured",
    ]
    list_select_related = ["category", "created_by", "approved_by"]
    change_list_template = "admin/news/article/change_list.html"
    search_fields = ["title"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish", "feature", "unfeature"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (
            "Ảnh đại diện",
            {"fields": ["image", "image_choice", "image_alt", "image_caption"]},
        ),
        ("Nguồn tin và tác giả", {"fields": ["source_name", "source_url", "author"]}),
        (
            "Xuất bản",
            {
                "fields": [
                    "status",
                    "published_at",
                    "display_until",
                    "is_featured",
                    "correction_note",
                    "minor_edit",
                    "opened_version",
                ]
            },
        ),
    ]

    # Writers ("Biên tập viên") hold add/change of their own drafts; approvers
    # ("Người duyệt tin") also hold news.publish_article. The rules live in
    # core.workflow.WorkflowAdmin and are checked on the server in the
    # queryset, the form, save_model and the actions, whatever the browser sends.
    def get_urls(self):
        report = path(
            "bao-cao/",
            self.admin_site.admin_view(self.report_view),
            name="news_article_report",
        )
        return [report, *super().get_urls()]

    def report_view(self, request):
        """Tin đã đăng trong một khoảng ngày, as XLSX or CSV, for approvers."""
        if not can_publish(request):
            raise PermissionDenied
        form = reports.ReportForm(request.GET or None)
        if form.is_valid():
            data = form.cleaned_data
            articles = reports.published_between(data["start"], data["end"])
            name = f"tin-da-dang-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}"
            table = reports.rows(articles, request.build_absolute_uri)
            return table_response(
                name, "Tin đã đăng", reports.HEADERS, table, data["format"]
            )
        ctx = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Báo cáo tin đã đăng theo khoảng ngày",
            "form": form,
        }
        return TemplateResponse(request, "admin/news/article/report.html", ctx)

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request):
            return []
        return ["is_featured"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = can_publish(request)
        return form

    def mark_approved(self, request, obj):
        # On approval (one article or the bulk action), after the publish
        # time is fixed: the category's default end of display, if any.
        super().mark_approved(request, obj)
        obj.apply_default_display_period()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        note = form.cleaned_data.get("correction_note") if form is not None else ""
        if note and not form.cleaned_data.get("minor_edit"):
            CorrectionNote.objects.create(
                article=obj, text=note, created_by=request.user
            )

    @admin.action(description="Xuất bản các tin đã chọn", permissions=["publish"])
    def publish(self, request, queryset):
        count = self.publish_selected(request, queryset)
        self.message_user(request, f"Đã xuất bản {count} tin.", messages.SUCCESS)

    @admin.action(description="Gỡ xuống (chuyển về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.unpublish_selected(queryset)
        self.message_user(request, f"Đã gỡ {count} tin xuống.", messages.SUCCESS)

    @admin.action(description="Đánh dấu là tin nổi bật", permissions=["publish"])
    def feature(self, request, queryset):
        count = queryset.update(is_featured=True)
        self.message_user(request, f"Đã đánh dấu {count} tin nổi bật.")

    @admin.action(description="Bỏ đánh dấu tin nổi bật", permissions=["publish"])
    def unfeature(self, request, queryset):
        count = queryset.update(is_featured=False)
        self.message_user(request, f"Đã bỏ đánh dấu {count} tin nổi bật.")
