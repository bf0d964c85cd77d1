from html.parser import HTMLParser

from django import forms
from django.db import models
from django.utils.html import strip_tags

from news.forms import editor_widget
from news.images import validate_image
from news.sanitize import sanitize_html
from portal.models import Page, SiteProfile, SupportUnit

NEEDS_ALT = "Hãy mô tả ngắn nội dung ảnh (alt) cho người khiếm thị."


class ImagesWithoutAlt(HTMLParser):
    """Counts the <img> tags of a piece of HTML that have no alt text."""

    def __init__(self, html):
        super().__init__()
        self.count = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.count += 1


def https_by_default(field, **kwargs):
    # An address typed without a scheme becomes https://, as Django 6 will do.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def validated_upload(image):
    # A new upload has a content type; a kept file is already validated.
    if image and hasattr(image, "content_type"):
        validate_image(image)
    return image


class SiteProfileForm(forms.ModelForm):
    class Meta:
        model = SiteProfile
        formfield_callback = https_by_default
        fields = [
            "portal_name",
            "organisation",
            "governing_body",
            "address",
            "phone",
            "email",
            "editor_name",
            "editor_title",
            "logo",
            "logo_alt",
            "footer_text",
            "copyright",
            "trust_badge_image",
            "trust_badge_url",
        ]

    def clean_logo(self):
        return validated_upload(self.cleaned_data.get("logo"))

    def clean_trust_badge_image(self):
        return validated_upload(self.cleaned_data.get("trust_badge_image"))

    def clean(self):
        data = super().clean()
        if data.get("logo") and not data.get("logo_alt", "").strip():
            self.add_error("logo_alt", NEEDS_ALT)
        return data


class SupportUnitForm(forms.ModelForm):
    class Meta:
        model = SupportUnit
        formfield_callback = https_by_default
        fields = ["name", "url", "logo", "logo_alt", "order", "is_visible"]

    def clean_logo(self):
        return validated_upload(self.cleaned_data.get("logo"))


class PageForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "in_footer",
            "order",
            "is_published",
        ]
        widgets = {"body": editor_widget()}

    def clean_body(self):
        body = sanitize_html(self.cleaned_data.get("body", ""))
        # Every picture in the page needs a text alternative (WCAG 1.1.1).
        if ImagesWithoutAlt(body).count:
            raise forms.ValidationError(
                "Mỗi ảnh trong trang cần có mô tả (alt): chọn ảnh và điền phần mô tả."
            )
        if not strip_tags(body).strip() and "<img" not in body:
            raise forms.ValidationError("Trang chưa có nội dung.")
        return body
