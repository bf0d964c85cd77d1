from django import forms

from core import body_images
from core.editor import editor_widget
from core.forms import AltTextRequired
from core.workflow import OptimisticForm
from news.models import Article

CORRECTION_PREFIX = "Đính chính:"
# Changing these on a published article is not a correction of its text.
NOT_CONTENT = {
    "opened_version",
    "correction_note",
    "minor_edit",
    "is_featured",
    "display_until",
}


class ArticleAdminForm(AltTextRequired, OptimisticForm):
    alt_fields = {"image": "image_alt"}
    # Set by ArticleAdmin.get_form: whether the user may publish.
    can_publish = True

    correction_note = forms.CharField(
        label="Đính chính",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Sửa một tin đã đăng cần một dòng công khai cho người đọc, ví dụ: "
        "“Đính chính: buổi họp dời sang 8 giờ, không phải 7 giờ.” Dòng này hiện dưới "
        "ngày cập nhật của tin và trong RSS.",
    )
    image_choice = forms.ChoiceField(
        label="Hoặc chọn ảnh đã có",
        required=False,
        widget=forms.RadioSelect,
        help_text="Dùng một ảnh đã chèn trong nội dung hay vừa tải lên làm ảnh đại "
        "diện, không phải tải lại.",
    )
    minor_edit = forms.BooleanField(
        label="Chỉ sửa lỗi nhỏ",
        required=False,
        help_text="Chọn khi chỉ sửa lỗi chính tả hay trình bày, không đổi ý của tin: "
        "khi đó không cần dòng đính chính.",
    )

    class Media:
        # Autosave in the browser (static/js/autosave.js) and room to write.
        css = {"all": ["css/newsroom-admin.css"]}
        js = ["js/autosave.js"]

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "category",
            "summary",
            "body",
            "image",
            "image_alt",
            "image_caption",
            "source_name",
            "source_url",
            "author",
            "status",
            "published_at",
            "display_until",
            "is_featured",
        ]
        widgets = {
            "body": editor_widget(),
            "summary": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        body = self.data.get(self.add_prefix("body")) or self.instance.body
        self.fields["image_choice"].choices = [
            ("", "Không dùng ảnh có sẵn")
        ] + body_images.choices(body)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                c for c in status.choices if c[0] != Article.Status.PUBLISHED
            ]
            status.help_text = (
                "Chọn “Chờ duyệt” để gửi tin cho người duyệt tin xuất bản."
            )

    def clean_correction_note(self):
        note = self.cleaned_data["correction_note"].strip()
        if note.lower().startswith(CORRECTION_PREFIX.lower()):
            note = note[len(CORRECTION_PREFIX) :].strip()
        return note

    def needs_correction_note(self, data):
        """Editing the text of an article that has been public, to publish it
        again, is a correction the readers are told about."""
        stored = self.instance
        was_public = stored.pk and (
            stored.status == Article.Status.PUBLISHED or stored.approved_by_id
        )
        return (
            was_public
            and data.get("status") == Article.Status.PUBLISHED
            and not data.get("minor_edit")
            and bool(set(self.changed_data) - NOT_CONTENT)
        )

    def _use_chosen_image(self):
        chosen = self.cleaned_data.get("image_choice")
        if chosen and not self.files.get(self.add_prefix("image")):
            try:
                self.cleaned_data["image"] = body_images.open_body_image(chosen)
            except FileNotFoundError:
                self.add_error(
                    "image_choice", "Không tìm thấy ảnh này: hãy chọn ảnh khác."
                )

    def _post_clean(self):
        super()._post_clean()
        # A browser cannot send a chosen file again: say so plainly.
        if self.errors and self.files.get(self.add_prefix("image")):
            if "image" not in self.errors:
                self.add_error(
                    "image",
                    "Ảnh vừa chọn CHƯA được lưu vì biểu mẫu còn lỗi: sửa lỗi rồi chọn "
                    "lại tệp ảnh (hoặc chọn ảnh trong danh sách ảnh đã có).",
                )

    def clean(self):
        self._use_chosen_image()
        data = super().clean()
        if self.needs_correction_note(data) and not data.get("correction_note"):
            self.add_error(
                "correction_note",
                "Tin này đã được đăng: hãy ghi một dòng đính chính cho người đọc, "
                "hoặc chọn “Chỉ sửa lỗi nhỏ” nếu chỉ sửa lỗi chính tả.",
            )
        return data

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Article.Status.PUBLISHED and not self.can_publish:
            raise forms.ValidationError(
                "Bạn không có quyền xuất bản tin. Hãy chọn “Chờ duyệt”.",
                code="publish_denied",
            )
        return status
