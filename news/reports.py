"""The leaders' report: who published what in a period (admin, XLSX/CSV)."""

import datetime

from django import forms
from django.utils import timezone

from core.dates import local_midnight
from news.models import Article

HEADERS = [
    "Thời gian xuất bản",
    "Chuyên mục",
    "Tiêu đề",
    "Tác giả",
    "Người viết (tài khoản)",
    "Người duyệt",
    "Liên kết",
]
DATE_FORMATS = ["%d/%m/%Y"]


class ReportForm(forms.Form):
    start = forms.DateField(
        label="Từ ngày", input_formats=DATE_FORMATS, help_text="dd/mm/yyyy"
    )
    end = forms.DateField(
        label="Đến hết ngày", input_formats=DATE_FORMATS, help_text="dd/mm/yyyy"
    )
    format = forms.ChoiceField(
        label="Định dạng",
        choices=[("xlsx", "Excel (.xlsx)"), ("csv", "CSV")],
        initial="xlsx",
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("Ngày bắt đầu phải trước ngày kết thúc.")
        return data


def published_between(start, end):
    """Articles published from the start of the local day `start` to the end
    of the local day `end` (Asia/Ho_Chi_Minh), oldest first."""
    return (
        Article.objects.published()
        .filter(
            published_at__gte=local_midnight(start),
            published_at__lt=local_midnight(end + datetime.timedelta(days=1)),
        )
        .select_related("category", "created_by", "approved_by")
        .defer("body", "search_text", "search_vector", "search_rank")
        .order_by("published_at", "id")
    )


def _name(user):
    return (user.get_full_name() or user.username) if user else ""


def rows(articles, absolute):
    for a in articles:
        yield [
            timezone.localtime(a.published_at).strftime("%d/%m/%Y %H:%M"),
            a.category.name,
            a.title,
            a.author,
            _name(a.created_by),
            _name(a.approved_by),
            absolute(a.get_absolute_url()),
        ]
