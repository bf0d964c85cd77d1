"""Form pieces shared by every admin form that takes photos or rich text."""

from html.parser import HTMLParser

from django import forms
from django.conf import settings
from django.utils.html import strip_tags

from core.images import validate_image
from core.sanitize import sanitize_html

NEEDS_ALT = "Hãy mô tả ngắn nội dung ảnh (alt) cho người khiếm thị."


class _ImagesWithoutAlt(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.count = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.count += 1


def clean_rich_text(html, required=True):
    """Sanitized HTML whose every picture has a text alternative (WCAG 1.1.1)."""
    html = sanitize_html(html)
    if _ImagesWithoutAlt(html).count:
        raise forms.ValidationError(
            "Mỗi ảnh trong trang cần có mô tả (alt): chọn ảnh và điền phần mô tả."
        )
    if required and not strip_tags(html).strip() and "<img" not in html:
        raise forms.ValidationError("Trang chưa có nội dung.")
    return html


class AltTextRequired:
    """A ModelForm mixin: each image field named in alt_fields needs its
    alt text field filled when an image is set."""

    alt_fields = {}

    def clean(self):
        data = super().clean()
        for image, alt in self.alt_fields.items():
            if data.get(image) and not (data.get(alt) or "").strip():
                self.add_error(alt, NEEDS_ALT)
        return data


class ImageUploadForm(forms.Form):
    """A photo for a rich-text body, from the editor's "Tải ảnh lên…"."""

    image = forms.FileField(
        label="Ảnh",
        validators=[validate_image],
        help_text="Ảnh JPEG, PNG, GIF hoặc WebP, tối đa "
        f"{settings.PORTAL_MAX_UPLOAD_BYTES // 1024 // 1024} MB.",
    )
    alt = forms.CharField(
        label="Mô tả ảnh (alt)",
        max_length=255,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị.",
    )
    caption = forms.CharField(label="Chú thích ảnh", max_length=255, required=False)
