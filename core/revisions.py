"""Versions of content (django-reversion): every save keeps one; staff list
them, compare any two and restore one as a draft."""

import difflib
import html
import re

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from reversion.models import Version

BLOCK_END = re.compile(r"</(p|h[1-6]|li|figcaption|blockquote)>|<br\s*/?>", re.I)


class KeepsVersions:
    """A model mixin: every save keeps a version, inside the admin (which names
    the user) or anywhere else (the shell, the demo loader)."""

    def save(self, *args, **kwargs):
        with reversion.create_revision():
            super().save(*args, **kwargs)


def readable_text(value):
    """Rich text as the reader sees it: one block a line, no tags."""
    text = BLOCK_END.sub("\n", value or "")
    lines = (
        " ".join(line.split()) for line in html.unescape(strip_tags(text)).splitlines()
    )
    return "\n".join(line for line in lines if line)


def text_diff(old, new):
    """A word-level diff as HTML: removed words in <del>, added in <ins>,
    everything escaped."""
    a = re.findall(r"\S+|\n", readable_text(old))
    b = re.findall(r"\S+|\n", readable_text(new))
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    result = " ".join(out).replace(" \n ", "\n").replace("\n", "<br>")
    return mark_safe(result)


def field_diffs(old, new, fields, labels):
    """[(label, diff html)] for the fields whose text differs."""
    return [
        (labels[f], text_diff(old.get(f, ""), new.get(f, "")))
        for f in fields
        if (old.get(f) or "") != (new.get(f) or "")
    ]


class RevisionsAdmin:
    """A ModelAdmin mixin: saves from the admin are versions that name their
    user; "Phiên bản" lists them, compares two and restores one.

    ``diff_fields`` are the text fields compared; ``restore_as_draft(obj)``
    makes a restored object a draft (restoring never publishes)."""

    diff_fields = ("title", "summary", "body")
    change_form_template = "admin/revisions/change_form.html"

    def restore_as_draft(self, obj):
        pass

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def response_action(self, request, queryset):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().response_action(request, queryset)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/phien-ban/",
                wrap(self.versions_view),
                name=f"{prefix}_versions",
            ),
            path(
                "<path:object_id>/phien-ban/so-sanh/",
                wrap(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/phien-ban/<int:version_id>/khoi-phuc/",
                wrap(self.restore_view),
                name=f"{prefix}_restore",
            ),
        ] + super().get_urls()

    def _object_and_versions(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404("Không tìm thấy mục này.")
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        return obj, versions

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": title,
            "labels": self._labels(),
            **extra,
        }

    def _labels(self):
        return {f: self.opts.get_field(f).verbose_name for f in self.diff_fields}

    def versions_view(self, request, object_id):
        obj, versions = self._object_and_versions(request, object_id)
        ctx = self._context(
            request,
            obj,
            f"Các phiên bản của “{obj}”",
            versions=versions,
            can_restore=self.has_change_permission(request, obj),
        )
        return TemplateResponse(request, "admin/revisions/versions.html", ctx)

    def compare_view(self, request, object_id):
        obj, versions = self._object_and_versions(request, object_id)
        try:
            ids = sorted(int(request.GET[k]) for k in ("a", "b"))
        except (KeyError, ValueError):
            raise Http404("Hãy chọn hai phiên bản để so sánh.")
        older = get_object_or_404(versions, pk=ids[0])
        newer = get_object_or_404(versions, pk=ids[1])
        diffs = field_diffs(
            older.field_dict, newer.field_dict, self.diff_fields, self._labels()
        )
        ctx = self._context(
            request,
            obj,
            f"So sánh hai phiên bản của “{obj}”",
            older=older,
            newer=newer,
            diffs=diffs,
        )
        return TemplateResponse(request, "admin/revisions/compare.html", ctx)

    def restore_view(self, request, object_id, version_id):
        obj, versions = self._object_and_versions(request, object_id)
        if request.method != "POST" or not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(versions, pk=version_id)
        old = version.field_dict
        for field in self.diff_fields:
            setattr(obj, field, old.get(field, ""))
        self.restore_as_draft(obj)
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(
                "Khôi phục phiên bản lúc "
                f"{timezone.localtime(version.revision.date_created):%d/%m/%Y %H:%M}"
            )
            obj.save()
        messages.success(
            request,
            "Đã khôi phục phiên bản đã chọn thành một bản nháp mới. "
            "Bản này chỉ được công bố khi được duyệt và xuất bản lại.",
        )
        opts = self.opts
        change = f"admin:{opts.app_label}_{opts.model_name}_change"
        return redirect(reverse(change, args=[obj.pk]))
