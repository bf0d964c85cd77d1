"""The editorial workflow every app with drafts shares: writers own their
drafts, approvers publish, approval sets the publish time, and nobody
overwrites somebody else's work unseen.

Nothing here knows a model: an app's admin names its permission and fields
(see WorkflowAdmin) and the rest follows.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone


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


class WorkflowAdmin:
    """A ModelAdmin mixin for content with drafts, submissions and approval.

    Set ``publish_permission`` ("app.publish_x") and, when they differ from the
    defaults, the names of the status field and its values, the publish time
    field, and the created_by / approved_by fields.
    """

    publish_permission = None
    status_field = "status"
    published_status = "published"
    draft_status = "draft"
    published_at_field = "published_at"
    created_by_field = "created_by"
    approved_by_field = "approved_by"

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
        from django.core.exceptions import PermissionDenied

        if self.is_published(obj):
            if not self.can_publish(request):
                raise PermissionDenied("Bạn không có quyền xuất bản.")
            if not self.was_published(obj):
                self.mark_approved(request, obj)
        if not change:
            setattr(obj, self.created_by_field, request.user)
        super().save_model(request, obj, form, change)

    def publish_selected(self, request, queryset):
        """The bulk "publish" action: each draft is approved and saved on its
        own, so its publish time, approver and version are kept."""
        published = 0
        with transaction.atomic():
            for obj in queryset.exclude(**{self.status_field: self.published_status}):
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
