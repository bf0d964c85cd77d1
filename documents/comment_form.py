"""The form residents comment on a draft with (core.publicforms rules), and
what bounds the comments one sender, and everyone, can store."""

import re

from django import forms
from django.core.validators import validate_email
from django.urls import reverse
from django.utils.html import format_html

from core.publicforms import GuardedForm, ResidentText, stored_over_limit
from documents.models import Comment

PRIVACY_PAGE_SLUG = "chinh-sach-bao-ve-du-lieu-ca-nhan"
_PHONE = re.compile(r"(?:\+?84|0)\d{8,10}")


def normalized_contact(value):
    """An email in lower case, or a phone number as digits starting with 0
    (spaces, dots, dashes and +84 taken away); None when it is neither."""
    value = value.strip()
    if "@" in value:
        try:
            validate_email(value)
        except forms.ValidationError:
            return None
        return value.lower()
    digits = re.sub(r"[\s.\-()]", "", value)
    if not _PHONE.fullmatch(digits):
        return None
    return "0" + digits.removeprefix("+").removeprefix("84").removeprefix("0")


class CommentForm(GuardedForm):
    name = ResidentText(label="Họ và tên", max_length=100)
    contact = ResidentText(
        label="Số điện thoại hoặc email",
        max_length=254,
        help_text="Để cán bộ liên hệ khi cần làm rõ ý kiến; không hiện công khai.",
    )
    address = ResidentText(
        label="Tổ dân phố hoặc địa chỉ (không bắt buộc)",
        max_length=200,
        required=False,
    )
    body = ResidentText(
        label="Nội dung góp ý",
        multiline=True,
        max_length=5000,
        help_text="Tối đa 5.000 ký tự.",
    )
    consent = forms.BooleanField(
        label="Tôi đồng ý để phường xử lý thông tin cá nhân của tôi cho việc tiếp "
        "nhận góp ý này",
        error_messages={
            "required": "Vui lòng đánh dấu đồng ý để phường có thể nhận góp ý."
        },
    )
    field_order = ["name", "contact", "address", "body", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        privacy = reverse("page", args=[PRIVACY_PAGE_SLUG])
        self.fields["consent"].help_text = format_html(
            'Xem <a href="{}">chính sách bảo vệ dữ liệu cá nhân</a>: thông tin '
            "được dùng để liên hệ khi cần và được xóa sau thời hạn lưu trữ.",
            privacy,
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["body"].widget.attrs["rows"] = 8

    def clean_contact(self):
        contact = normalized_contact(self.cleaned_data["contact"])
        if contact is None:
            raise forms.ValidationError(
                "Vui lòng nhập số điện thoại (ví dụ 0905 123 456) hoặc địa chỉ "
                "email (ví dụ ten@example.com).",
                code="contact",
            )
        return contact

    def save(self, consultation, sender_key):
        data = self.cleaned_data
        return Comment.objects.create(
            consultation=consultation,
            name=data["name"],
            contact=data["contact"],
            address=data["address"],
            body=data["body"],
            sender_key=sender_key,
        )


def storage_full(sender_key, now=None):
    """The comments already stored reach the public form rates
    (core.publicforms.stored_over_limit)."""
    return stored_over_limit(Comment.objects.all(), "created_at", sender_key, now)
