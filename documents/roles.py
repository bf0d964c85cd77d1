"""The documents' permissions for the two staff roles (core.roles): writers
write and send for approval; approvers also publish (documents.publish_document)
and manage the lists of types, fields and issuing bodies."""

from core.roles import APPROVERS, WRITERS, grant

LISTS = ["documenttype", "field", "issuingbody"]
# The files are an inline of the document: whoever may edit the document
# manages its files (the document's own rules decide which document).
FILES = [f"{action}_documentfile" for action in ("add", "change", "delete", "view")]
WRITER_PERMISSIONS = ["add_document", "change_document", "view_document", *FILES] + [
    f"view_{name}" for name in LISTS
]
# Drafts for comment (góp ý dự thảo): writers read the drafts and the comments
# (without the senders' personal data); approvers put drafts out, moderate the
# comments, write the report and may see who sent what.
WRITER_PERMISSIONS += ["view_consultation", "view_comment"]
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + [
    "add_consultation",
    "change_consultation",
    "delete_consultation",
    "change_comment",
    "delete_comment",
    "view_commenter_data",
    "delete_document",
    "publish_document",
    *(f"{action}_{name}" for name in LISTS for action in ("add", "change")),
]
ROLES = {WRITERS: WRITER_PERMISSIONS, APPROVERS: APPROVER_PERMISSIONS}


def ensure_roles(**kwargs):
    grant("documents", ROLES)
