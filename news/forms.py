from django import forms
from django.conf import settings
from django_prose_editor.widgets import AdminProseEditorWidget

from news.images import validate_image
from news.models import Article


def editor_widget():
    return AdminProseEditorWidget(
        config={"extensions": settings.PORTAL_EDITOR_EXTENSIONS},
        preset="configurable",
    )


class ArticleAdminForm(forms.ModelForm):
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
        widgets = {"body": editor_widget()}

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
