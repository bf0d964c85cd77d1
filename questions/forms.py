import re

from django import forms

from core.editor import editor_widget
from core.publicforms import GuardedForm, ResidentText
from questions.models import Handling, Question, Topic

_PHONE = re.compile(r"^\+?[0-9 .]{8,20}$")


class AskForm(GuardedForm):
    """The question a resident sends: what the issue asks for and no more."""

    name = ResidentText(label="Họ và tên", max_length=100)
    phone = ResidentText(
        label="Số điện thoại",
        max_length=20,
        required=False,
        max_links=0,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="Thư điện tử",
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    address = ResidentText(
        label="Tổ dân phố hoặc địa chỉ (không bắt buộc)",
        max_length=200,
        required=False,
        max_links=0,
    )
    topic = forms.ModelChoiceField(
        label="Chủ đề",
        queryset=Topic.objects.all(),
        empty_label="– Chọn chủ đề –",
        error_messages={"invalid_choice": "Chủ đề này không có trong danh sách."},
    )
    title = ResidentText(label="Tiêu đề câu hỏi", max_length=200)
    body = ResidentText(
        label="Nội dung câu hỏi",
        max_length=5000,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    wants_notice = forms.BooleanField(
        label="Gửi thư báo cho tôi khi có câu trả lời", required=False
    )
    consent = forms.BooleanField(
        label="Tôi đồng ý để phường lưu và xử lý thông tin cá nhân trên",
        error_messages={
            "required": "Vui lòng đồng ý cho phường xử lý thông tin để trả lời bạn."
        },
    )

    field_order = [
        "name",
        "phone",
        "email",
        "address",
        "topic",
        "title",
        "body",
        "wants_notice",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields[
            "phone"
        ].help_text = "Ghi số điện thoại hoặc thư điện tử (hoặc cả hai)."

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not _PHONE.match(phone):
            raise forms.ValidationError(
                "Số điện thoại chỉ gồm chữ số (có thể có dấu + ở đầu)."
            )
        return phone

    def clean(self):
        # Before the guard's own checks, which raise: every message at once.
        data = self.cleaned_data
        if not self.has_error("phone") and not self.has_error("email"):
            if not data.get("phone") and not data.get("email"):
                self.add_error(
                    "phone",
                    "Vui lòng ghi số điện thoại hoặc thư điện tử để phường liên hệ.",
                )
            elif data.get("wants_notice") and not data.get("email"):
                self.add_error("email", "Để nhận thư báo, vui lòng ghi thư điện tử.")
        return super().clean()

    def question(self, sender_key):
        data = self.cleaned_data
        return Question(
            sender_key=sender_key,
            **{
                f: data[f]
                for f in (
                    "name",
                    "phone",
                    "email",
                    "address",
                    "topic",
                    "title",
                    "body",
                    "wants_notice",
                )
            },
        )


class LookupForm(forms.Form):
    ma = forms.CharField(
        label="Mã tra cứu",
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
        help_text="Ví dụ: HD-7K4M9-QXT2R (viết hoa hay thường, có dấu gạch hay không đều được).",
    )


class QuestionAdminForm(forms.ModelForm):
    # Set by QuestionAdmin.get_form: whether the user may approve answers.
    can_publish = True

    class Meta:
        model = Question
        fields = [
            "topic",
            "public_body",
            "status",
            "decline_reason",
            "assigned_to",
            "internal_notes",
            "answer",
            "answer_status",
            "is_public",
        ]
        widgets = {"answer": editor_widget()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answer_status = self.fields.get("answer_status")
        if answer_status is not None and not self.can_publish:
            answer_status.choices = [
                c for c in answer_status.choices if c[0] != Question.Status.PUBLISHED
            ]
            answer_status.help_text = (
                "Chọn “Chờ duyệt” để gửi câu trả lời cho người duyệt."
            )
        if "is_public" in self.fields and not self.can_publish:
            self.fields["is_public"].disabled = True

    def clean_answer_status(self):
        value = self.cleaned_data["answer_status"]
        if value == Question.Status.PUBLISHED and not self.can_publish:
            raise forms.ValidationError(
                "Bạn không có quyền duyệt câu trả lời. Hãy chọn “Chờ duyệt”.",
                code="publish_denied",
            )
        return value

    def clean(self):
        data = super().clean()
        approved = data.get("answer_status") == Question.Status.PUBLISHED
        if approved and not (data.get("answer") or "").strip():
            self.add_error("answer", "Chưa có câu trả lời để duyệt.")
        if data.get("status") == Handling.DECLINED:
            if approved:
                self.add_error("status", "Câu hỏi đã có câu trả lời được duyệt.")
            if not (data.get("decline_reason") or "").strip():
                self.add_error("decline_reason", "Hãy ghi lý do để người hỏi biết.")
        return data


class ExportForm(forms.Form):
    email = forms.EmailField(label="Thư điện tử", required=False)
    phone = forms.CharField(label="Số điện thoại", max_length=20, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            raise forms.ValidationError("Nhập thư điện tử hoặc số điện thoại.")
        return data
