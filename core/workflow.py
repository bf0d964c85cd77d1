"""The editorial workflow every app with drafts shares: writers own their
drafts, approvers publish, approval sets the publish time, and nobody
overwrites somebody else's work unseen.

Nothing here knows a model: an app's admin names its permission and fields
(see WorkflowAdmin) and the rest follows.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from reversion.models import Version

from core.revisions import field_diffs

SEEN_KEY = "workflow-seen"


class Status(models.TextChoices):
    """Where an item with drafts stands: every app's content uses these."""

    DRAFT = "draft", "Bản nháp"
    PENDING = "pending", "Chờ duyệt"
    PUBLISHED = "published", "Đã xuất bản"


def approval_time(planned, now=None):
    """When an approved item goes out: now if its planned time has passed
    (a draft written days ago must not appear back-dated below newer news),
    the planned time if it is still ahead (scheduling)."""
    now = now or timezone.now()
    if planned is None or planned <= now:
        return now
    return planned


def visible_to(
    user,
    queryset,
    publish_permission,
    status_field,
    published_status,
    created_by_field="created_by",
):
    """Approvers see everything; anybody else sees what is published and what
    they created themselves."""
    if user.has_perm(publish_permission):
        return queryset
    return queryset.filter(
        Q(**{created_by_field: user.pk}) | Q(**{status_field: published_status})
    )


def may_preview(
    user, obj, publish_permission, change_permission, created_by_field="created_by"
):
    """A draft's preview: approvers, and a writer for their own drafts."""
    if user.has_perm(publish_permission):
        return True
    owner = getattr(obj, f"{created_by_field}_id", None)
    return user.has_perm(change_permission) and owner is not None and owner == user.pk


def bump_version(obj, field="version", also=()):
    """Add one to the stored version number in a single UPDATE (which also
    locks the row until the save commits) and give it to obj. Returns the
    stored values of the fields named in ``also``, read before the save."""
    if obj.pk is None:
        return None
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    if not rows.update(**{field: F(field) + 1}):
        return None
    stored = rows.values(field, *also).get()
    setattr(obj, field, stored.pop(field))
    return stored


def version_with_number(obj, number, field="version", look_back=50):
    """The kept version (django-reversion) whose number was ``number``."""
    for version in Version.objects.get_for_object(obj)[:look_back]:
        if version.field_dict.get(field) == number:
            return version
    return None


class OptimisticForm(forms.ModelForm):
    """A ModelForm that carries the version number it was opened with and
    refuses to save over a newer one, saying what changed meanwhile."""

    version_field = "version"
    diff_fields = ("title", "summary", "body")
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["opened_version"] = getattr(self.instance, self.version_field)

    def clean(self):
        data = super().clean()
        opened = data.get("opened_version")
        if not self.instance.pk:
            return data
        if opened is None:
            raise forms.ValidationError(
                "Biểu mẫu không cho biết bạn đã mở phiên bản nào: hãy mở lại bài.",
                code="no_version",
            )
        model = type(self.instance)
        # Locked until the save commits (the admin's change view is atomic),
        # so nobody slips a save in between this check and ours.
        current = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list(self.version_field, flat=True)
            .first()
        )
        if current is not None and current != opened:
            self._refuse_stale(opened, current)
        return data

    def _refuse_stale(self, opened, current):
        before = version_with_number(self.instance, opened, self.version_field)
        now = {f: getattr(self.instance, f) for f in self.diff_fields}
        labels = {
            f: self.instance._meta.get_field(f).verbose_name for f in self.diff_fields
        }
        diffs = field_diffs(
            before.field_dict if before else {}, now, self.diff_fields, labels
        )
        # A second "Lưu" after reading this saves deliberately over the newer one.
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = current
        changes = format_html_join(
            "",
            "<li><strong>{}</strong>: {}</li>",
            ((str(lb).capitalize(), d) for lb, d in diffs),
        )
        raise forms.ValidationError(
            format_html(
                "Bài này đã được người khác lưu sau khi bạn mở (bạn mở phiên bản {}, "
                "nay là phiên bản {}). Bản của bạn CHƯA được lưu, để không ghi đè. "
                "Những gì đã thay đổi:<ul>{}</ul>Hãy đối chiếu; nếu vẫn muốn lưu bản "
                "của bạn thay cho bản trên, bấm Lưu lần nữa.",
                opened,
                current,
                changes or format_html("<li>{}</li>", "các trường khác"),
            ),
            code="stale",
        )


class WorkflowAdmin:
    """A ModelAdmin mixin for content with drafts, submissions and approval.

    Set ``publish_permission`` ("app.publish_x") and, when they differ from the
    defaults, the names of the status field and its values, the publish time
    field, and the created_by / approved_by / version fields (None: the model
    keeps no approver, or no version number to guard bulk publishing with).
    """

    publish_permission = None
    status_field = "status"
    published_status = "published"
    draft_status = "draft"
    published_at_field = "published_at"
    created_by_field = "created_by"
    approved_by_field = "approved_by"
    version_field = "version"

    def can_publish(self, request):
        return request.user.has_perm(self.publish_permission)

    def has_publish_permission(self, request):
        return self.can_publish(request)

    def is_published(self, obj):
        return getattr(obj, self.status_field) == self.published_status

    def is_owner(self, request, obj):
        owner = getattr(obj, f"{self.created_by_field}_id")
        return owner is not None and owner == request.user.pk

    def get_queryset(self, request):
        return visible_to(
            request.user,
            super().get_queryset(request),
            self.publish_permission,
            self.status_field,
            self.published_status,
            self.created_by_field,
        )

    def get_object(self, request, object_id, from_field=None):
        # Another writer's draft answers as if it did not exist, for every
        # admin view (change, history, delete, versions).
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Không tìm thấy mục này.")
        return obj

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self.can_publish(request):
            # Published items are the approvers' responsibility; drafts are
            # their writer's.
            if self.is_published(obj) or not self.is_owner(request, obj):
                return False
        return super().has_change_permission(request, obj)

    def restore_as_draft(self, obj):
        # A restored version is a new draft: it goes out only when approved.
        setattr(obj, self.status_field, self.draft_status)

    def _seen_key(self, obj):
        return f"{self.opts.label_lower}:{obj.pk}"

    def mark_seen(self, request, obj):
        if not hasattr(request, "session") or not self.version_field:
            return
        seen = request.session.get(SEEN_KEY, {})
        seen[self._seen_key(obj)] = getattr(obj, self.version_field)
        request.session[SEEN_KEY] = seen

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        # What an approver has looked at: the bulk action asks for a fresh
        # look at anything saved since.
        if obj is not None and request.method == "GET":
            self.mark_seen(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changed_since_seen(self, request, obj):
        if not self.version_field:
            return False
        seen = request.session.get(SEEN_KEY, {}).get(self._seen_key(obj))
        return seen is not None and getattr(obj, self.version_field) > seen

    def was_published(self, obj):
        """Whether the stored row is published (before this save)."""
        if obj.pk is None:
            return False
        stored = type(obj)._default_manager.filter(pk=obj.pk)
        return stored.filter(**{self.status_field: self.published_status}).exists()

    def mark_approved(self, request, obj):
        """What approval does to an item that goes from draft to published."""
        planned = getattr(obj, self.published_at_field)
        setattr(obj, self.published_at_field, approval_time(planned))
        if self.approved_by_field:
            setattr(obj, self.approved_by_field, request.user)

    def save_model(self, request, obj, form, change):
        if self.is_published(obj):
            if not self.can_publish(request):
                raise PermissionDenied("Bạn không có quyền xuất bản.")
            if not self.was_published(obj):
                self.mark_approved(request, obj)
        if not change:
            setattr(obj, self.created_by_field, request.user)
        super().save_model(request, obj, form, change)
        self.mark_seen(request, obj)  # one's own save needs no second look

    def publish_selected(self, request, queryset):
        """The bulk "publish" action: each draft is approved and saved on its
        own, so its publish time, approver and version are kept."""
        published = 0
        with transaction.atomic():
            for obj in queryset.exclude(**{self.status_field: self.published_status}):
                if self.changed_since_seen(request, obj):
                    self.report(
                        request,
                        f"“{obj}” đã được sửa sau lần cuối bạn xem: hãy mở xem lại "
                        "trước khi xuất bản. Tin này chưa được xuất bản.",
                        messages.WARNING,
                    )
                    continue
                setattr(obj, self.status_field, self.published_status)
                self.mark_approved(request, obj)
                obj.save()
                published += 1
        return published

    def unpublish_selected(self, queryset):
        count = 0
        with transaction.atomic():
            for obj in queryset.filter(**{self.status_field: self.published_status}):
                setattr(obj, self.status_field, self.draft_status)
                obj.save()
                count += 1
        return count

    def report(self, request, text, level=messages.SUCCESS):
        self.message_user(request, text, level)
