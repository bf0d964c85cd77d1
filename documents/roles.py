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
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + [
    "delete_document",
    "publish_document",
    *(f"{action}_{name}" for name in LISTS for action in ("add", "change")),
]
ROLES = {WRITERS: WRITER_PERMISSIONS, APPROVERS: APPROVER_PERMISSIONS}


def ensure_roles(**kwargs):
    grant("documents", ROLES)
