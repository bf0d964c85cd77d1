"""Files attached to a piece of content (an article, a page, a document):
the abstract model every app's attachment builds on, and its admin inline."""

from django import forms
from django.contrib import admin
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import format_html

from core.cache import PUBLIC_MAX_AGE
from core.files import (
    KINDS,
    check_file,
    display_name,
    file_response,
    get_attachment_storage,
    stored_name,
    validate_attachment,
)
from core.text import nfc


class Attachment(models.Model):
    """A checked file, stored as tep/<random>/<name>; the name staff gave it
    is kept in original_name for the download."""

    file = models.FileField(
        "tệp",
        upload_to=stored_name,
        storage=get_attachment_storage,
        max_length=255,
        validators=[validate_attachment],
        help_text="PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument "
        "(ODT, ODS) hoặc tệp ZIP chứa các tệp đó. Tệp được kiểm tra theo nội dung.",
    )
    original_name = models.CharField("tên tệp", max_length=255, editable=False)
    size = models.PositiveBigIntegerField("dung lượng", default=0, editable=False)
    kind = models.CharField("định dạng", max_length=8, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.original_name

    def save(self, *args, **kwargs):
        new = self.file and not self.file._committed
        if new:
            # Checked here too, so no path (demo, shell, API) stores an
            # unchecked file.
            kind = check_file(self.file)
            self.kind = kind.code
            self.size = self.file.size
            self.original_name = display_name(self.file.name, kind)
            # The stored name gets the real extension too (stored_name()).
            self.file.name = self.original_name
            self.describe_new_file(kind)
        try:
            with transaction.atomic():
                super().save(*args, **kwargs)
        except BaseException:
            # Only a file this save wrote (then _committed) is ours to remove.
            if new and self.file._committed:
                self.file.storage.delete(self.file.name)
            raise

    @property
    def kind_label(self):
        kind = KINDS.get(self.kind)
        return kind.label if kind else ""

    @property
    def content_type(self):
        return KINDS[self.kind].content_type

    def describe_new_file(self, kind):
        """Hook for subclasses: read what they need from the new file."""


def serve(request, attached, name, public, may_preview=False):
    """The download of an attachment: under the name staff gave it (a wrong
    name in the URL redirects), with its checked type and safe headers.
    Files of public content may be cached; staff previews and the public's
    404 for unpublished content never."""
    if not public and not may_preview:
        response = render(request, "404.html", status=404)
    elif nfc(name) != attached.original_name:
        response = redirect(attached.get_absolute_url())
    elif not attached.file.storage.exists(attached.file.name):
        response = render(request, "404.html", status=404)
    else:
        response = file_response(attached.file, attached.original_name, attached.kind)
    if public and response.status_code == 200:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    elif response.status_code != 302:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def delete_file_with_row(sender, instance, **kwargs):
    """Connected by each concrete attachment model (post_delete): the file
    goes when its row does, once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def connect_attachment(model):
    post_delete.connect(delete_file_with_row, sender=model, weak=False)


class AttachmentInline(admin.TabularInline):
    """The admin's list of files under a piece of content. The stored files
    have no public URL (they are served by views that check access), so the
    file input never shows one; the name links to the download view."""

    fields = ["name_link", "file", "order", "kind_display", "size_display"]
    readonly_fields = ["name_link", "kind_display", "size_display"]
    formfield_overrides = {models.FileField: {"widget": forms.FileInput}}
    extra = 1

    @admin.display(description="tệp hiện có")
    def name_link(self, obj):
        if not obj.pk:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj)

    @admin.display(description="định dạng")
    def kind_display(self, obj):
        return obj.kind_label if obj.pk else "–"

    @admin.display(description="dung lượng")
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.pk else "–"
