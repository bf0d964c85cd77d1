"""The two newsroom roles as groups.

"Biên tập viên" (writers) write articles and send them for approval;
"Người duyệt tin" (approvers) may also publish them (news.publish_article).
Migration 0004 made them first; after every migrate ensure_roles() puts back
any that is missing or lacks a permission (news.apps).
"""

from django.contrib.auth.models import Group, Permission

from core.roles import APPROVERS, WRITERS

ATTACHMENTS = [
    f"{action}_articleattachment" for action in ("add", "change", "delete", "view")
]
WRITER_PERMISSIONS = [
    "add_article",
    "change_article",
    "view_article",
    "view_category",
    *ATTACHMENTS,
]
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + [
    "delete_article",
    "publish_article",
    "add_category",
    "change_category",
]
ROLES = {WRITERS: WRITER_PERMISSIONS, APPROVERS: APPROVER_PERMISSIONS}


def ensure_roles(**kwargs):
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="news", codename__in=codenames
            )
        )
