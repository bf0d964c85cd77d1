"""Staff handle questions in the admin: a queue by status and deadline,
assignment, internal notes, the answer in the article editor, approval as for
articles (core.workflow), and the personal data only for those allowed."""

import json

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from core.workflow import WorkflowAdmin
from questions.forms import ExportForm, QuestionAdminForm
from questions.models import CLOSED, PERSONAL_FIELDS, Question, Topic

PUBLISH_PERMISSION = "questions.publish_question"
PERSONAL_PERMISSION = "questions.view_personal_data"


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


class Overdue(admin.SimpleListFilter):
    title = "hạn trả lời"
    parameter_name = "han"

    def lookups(self, request, model_admin):
        return [("qua-han", "Quá hạn"), ("con-han", "Còn hạn")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        open_ = queryset.exclude(status__in=CLOSED)
        if self.value() == "qua-han":
            return open_.filter(due_on__lt=today)
        if self.value() == "con-han":
            return open_.filter(due_on__gte=today)
        return queryset


@admin.register(Question)
class QuestionAdmin(WorkflowAdmin, admin.ModelAdmin):
    """Writers handle every question and send answers for approval; approvers
    (questions.publish_question) approve them and publish Q&As. Residents'
    words are read-only here and always shown escaped."""

    publish_permission = PUBLISH_PERMISSION
    status_field = "answer_status"
    published_at_field = "answered_at"
    version_field = None

    form = QuestionAdminForm
    list_display = [
        "display_code",
        "title",
        "topic",
        "status",
        "due_on",
        "days_left",
        "assigned_to",
        "answer_status",
        "is_public",
    ]
    list_filter = [
        "status",
        Overdue,
        "answer_status",
        "is_public",
        "topic",
        "assigned_to",
    ]
    list_select_related = ["topic", "assigned_to"]
    search_fields = ["code", "title"]
    readonly_fields = [
        "display_code",
        "received_at",
        "due_on",
        "days_left",
        "title",
        "body",
        "answered_at",
        "personal_data_erased_at",
        *PERSONAL_FIELDS,
        "wants_notice",
    ]
    actions = ["publish", "unpublish", "assign_to_me"]

    class Media:
        css = {"all": ["css/questions-admin.css"]}

    def get_queryset(self, request):
        # The queue is everyone's: writers see every question (unlike drafts
        # of articles, which stay their writer's).
        closed = Case(When(status__in=CLOSED, then=Value(1)), default=Value(0))
        queryset = self.model._default_manager.annotate(closed_rank=closed)
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        # Open questions first, the nearest deadline on top.
        return ["closed_rank", "due_on", "pk"]

    def has_add_permission(self, request):
        return False  # questions come from residents

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self.can_publish(request) and self.is_published(obj):
            return False  # an approved answer is the approvers' responsibility
        return admin.ModelAdmin.has_change_permission(self, request, obj)

    def may_see_personal_data(self, request):
        return request.user.has_perm(PERSONAL_PERMISSION)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                "Câu hỏi",
                {
                    "fields": [
                        "display_code",
                        "received_at",
                        "due_on",
                        "days_left",
                        "topic",
                        "title",
                        "body",
                        "public_body",
                    ]
                },
            ),
            (
                "Xử lý",
                {
                    "fields": [
                        "status",
                        "decline_reason",
                        "assigned_to",
                        "internal_notes",
                    ]
                },
            ),
            (
                "Trả lời",
                {"fields": ["answer", "answer_status", "answered_at", "is_public"]},
            ),
        ]
        if self.may_see_personal_data(request):
            fieldsets.insert(
                1,
                (
                    "Người hỏi (dữ liệu cá nhân)",
                    {
                        "fields": [
                            *PERSONAL_FIELDS,
                            "wants_notice",
                            "personal_data_erased_at",
                        ]
                    },
                ),
            )
        return fieldsets

    def get_search_fields(self, request):
        if self.may_see_personal_data(request):
            return [*self.search_fields, "name", "email", "phone"]
        return self.search_fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.can_publish(request)
        return form

    @admin.display(description="mã", ordering="code")
    def display_code(self, obj):
        return obj.display_code

    @admin.display(description="còn (ngày làm việc)")
    def days_left(self, obj):
        if obj.is_closed:
            return "–"
        left = obj.days_left()
        if left < 0:
            return format_html(
                '<span class="question-overdue">Quá hạn {} ngày</span>', -left
            )
        css = "question-due-soon" if left <= 3 else "question-due"
        return format_html('<span class="{}">{}</span>', css, left)

    @admin.action(
        description="Duyệt câu trả lời của các câu hỏi đã chọn", permissions=["publish"]
    )
    def publish(self, request, queryset):
        count = self.publish_selected(request, queryset.exclude(answer=""))
        self.report(request, f"Đã duyệt {count} câu trả lời.")

    @admin.action(description="Rút lại duyệt (về bản nháp)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.unpublish_selected(queryset)
        self.report(request, f"Đã rút lại {count} câu trả lời.")

    @admin.action(description="Giao cho tôi xử lý", permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = queryset.update(assigned_to=request.user)
        self.report(request, f"Đã nhận xử lý {count} câu hỏi.")

    def get_urls(self):
        return [
            path(
                "xuat-du-lieu-ca-nhan/",
                self.admin_site.admin_view(self.export_personal_data),
                name="questions_question_export",
            ),
            *super().get_urls(),
        ]

    def export_personal_data(self, request):
        """Everything kept about one person, found by email or phone, as JSON:
        the answer to a resident's request for their data."""
        if not self.may_see_personal_data(request):
            raise PermissionDenied
        form = ExportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            return personal_data_download(form.cleaned_data)
        ctx = {
            **self.admin_site.each_context(request),
            "title": "Xuất dữ liệu cá nhân của một người hỏi",
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/questions/export.html", ctx)


def personal_data_download(data):
    rows = Question.objects.select_related("topic")
    found = Question.objects.none()
    if data.get("email"):
        found = found | rows.filter(email__iexact=data["email"])
    if data.get("phone"):
        found = found | rows.filter(phone=data["phone"].strip())
    records = [
        {
            "ma_tra_cuu": q.display_code,
            "ho_ten": q.name,
            "dien_thoai": q.phone,
            "thu_dien_tu": q.email,
            "dia_chi": q.address,
            "bao_qua_thu": q.wants_notice,
            "chu_de": q.topic.name,
            "tieu_de": q.title,
            "cau_hoi": q.body,
            "ngay_nhan": timezone.localtime(q.received_at).isoformat(),
            "tinh_trang": q.get_status_display(),
            "cau_tra_loi": q.answer
            if q.answer_status == Question.Status.PUBLISHED
            else "",
        }
        for q in found.order_by("received_at")
    ]
    body = json.dumps({"cau_hoi": records}, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="du-lieu-ca-nhan.json"'
    return response
