from django import forms

from core.editor import editor_widget
from core.forms import AltTextRequired
from core.workflow import OptimisticForm
from news.models import Article


class ArticleAdminForm(AltTextRequired, OptimisticForm):
    alt_fields = {"image": "image_alt"}
    # Set by ArticleAdmin.get_form: whether the user may publish.
    can_publish = True

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
            "is_featured",
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
