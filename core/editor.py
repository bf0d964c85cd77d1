"""The rich-text editor: django-prose-editor with Vietnamese labels.

See README.md for why this is django-prose-editor and not CKEditor.
"""

from django.conf import settings
from django.urls import reverse_lazy
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media


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
        extensions["Figure"] = {"pickerUrl": reverse_lazy("editor_upload_image")}
    return EditorWidget(config={"extensions": extensions}, preset="configurable")
