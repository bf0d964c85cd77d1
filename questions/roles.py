"""Questions' permissions for the two staff roles (core.roles), as for
articles: writers handle questions and write answers; approvers also approve
answers and publish Q&As (questions.publish_question), manage the topics and
see the residents' personal data (questions.view_personal_data), which an
administrator may also give to a single handler."""

from core.roles import APPROVERS, WRITERS, grant

WRITER_PERMISSIONS = ["view_question", "change_question", "view_topic"]
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + [
    "publish_question",
    "view_personal_data",
    "add_topic",
    "change_topic",
]
ROLES = {WRITERS: WRITER_PERMISSIONS, APPROVERS: APPROVER_PERMISSIONS}


def ensure_roles(**kwargs):
    grant("questions", ROLES)
