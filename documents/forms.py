from django import forms

from core.editor import editor_widget
from documents.models import Document


class DocumentAdminForm(forms.ModelForm):
    # Set by DocumentAdmin.get_form: whether the user may publish.
    can_publish = True

    class Meta:
        model = Document
        fields = [
            "doc_type",
            "number_symbol",
            "issuing_body",
            "signer",
            "field",
            "issued_on",
            "effective_on",
            "expires_on",
            "replaced_by",
            "summary",
            "body",
            "related_articles",
            "status",
            "published_at",
        ]
        widgets = {
            "body": editor_widget(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                c for c in status.choices if c[0] != Document.Status.PUBLISHED
            ]
            status.help_text = (
                "Chọn “Chờ duyệt” để gửi văn bản cho người duyệt xuất bản."
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Document.Status.PUBLISHED and not self.can_publish:
            raise forms.ValidationError(
                "Bạn không có quyền xuất bản văn bản. Hãy chọn “Chờ duyệt”.",
                code="publish_denied",
            )
        return status

    def clean(self):
        data = super().clean()
        issued, effective, expires = (
            data.get("issued_on"),
            data.get("effective_on"),
            data.get("expires_on"),
        )
        if issued and effective and effective < issued:
            self.add_error("effective_on", "Ngày có hiệu lực trước ngày ban hành.")
        start = effective or issued
        if start and expires and expires <= start:
            self.add_error("expires_on", "Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        replaced_by = data.get("replaced_by")
        if replaced_by and self.instance.pk and replaced_by.pk == self.instance.pk:
            self.add_error("replaced_by", "Văn bản không thể thay thế chính nó.")
        return data
