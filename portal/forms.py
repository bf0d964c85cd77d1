from django import forms

from core.editor import editor_widget
from core.forms import AltTextRequired, clean_rich_text
from portal.models import Page, SiteProfile


class SiteProfileForm(AltTextRequired, forms.ModelForm):
    alt_fields = {"logo": "logo_alt"}

    class Meta:
        model = SiteProfile
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
            "monitoring_script",
        ]


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
        return clean_rich_text(self.cleaned_data.get("body", ""))
