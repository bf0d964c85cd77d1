from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse_lazy
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from news.images import validate_image
from news.models import Article


class EditorWidget(AdminProseEditorWidget):
    """The prose editor, with Vietnamese labels (static/js/editor-vi.js) and
    room to write (static/css/editor.css)."""

    @property
    def media(self):
        return super().media + Media(
            css={"all": ["css/editor.css"]}, js=["js/editor-vi.js"]
        )


def editor_widget():
    extensions = dict(settings.PORTAL_EDITOR_EXTENSIONS)
    if extensions.get("Figure"):
        # "Tải ảnh lên…" in the figure dialog opens our upload page, which
        # answers with the CKEditor 4 file-browser protocol the editor speaks.
        extensions["Figure"] = {
            "pickerUrl": reverse_lazy("admin:news_article_upload_image")
        }
    return EditorWidget(config={"extensions": extensions}, preset="configurable")


def https_urls(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class ArticleAdminForm(forms.ModelForm):
    # Set by ArticleAdmin.get_form: whether the user may publish.
    can_publish = True

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
            "is_featured",
        ]
        widgets = {
            "body": editor_widget(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = https_urls

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                c for c in status.choices if c[0] != Article.Status.PUBLISHED
            ]
            status.help_text = (
                "Chọn “Chờ duyệt” để gửi tin cho người duyệt tin xuất bản."
            )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == Article.Status.PUBLISHED and not self.can_publish:
            raise forms.ValidationError(
                "Bạn không có quyền xuất bản tin. Hãy chọn “Chờ duyệt”.",
                code="publish_denied",
            )
        return status

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and hasattr(image, "content_type"):
            validate_image(image)
        return image

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("image_alt"):
            self.add_error(
                "image_alt", "Hãy mô tả ngắn nội dung ảnh (alt) cho ảnh đại diện."
            )
        return data


class ImageUploadForm(forms.Form):
    image = forms.FileField(
        label="Ảnh",
        help_text="Ảnh JPEG, PNG, GIF hoặc WebP, tối đa "
        f"{settings.PORTAL_MAX_UPLOAD_BYTES // 1024 // 1024} MB.",
    )
    alt = forms.CharField(
        label="Mô tả ảnh (alt)",
        max_length=255,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị.",
    )
    caption = forms.CharField(label="Chú thích ảnh", max_length=255, required=False)

    def clean_image(self):
        image = self.cleaned_data["image"]
        validate_image(image)
        return image
