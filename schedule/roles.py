"""The schedule's permissions for the two staff roles (core.roles): writers
draft entries and send them for approval; approvers also publish
(schedule.publish_entry) and delete."""

from core.roles import APPROVERS, WRITERS, grant

WRITER_PERMISSIONS = ["add_entry", "change_entry", "view_entry"]
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + ["delete_entry", "publish_entry"]
ROLES = {WRITERS: WRITER_PERMISSIONS, APPROVERS: APPROVER_PERMISSIONS}


def ensure_roles(**kwargs):
    grant("schedule", ROLES)
