"""Residents' personal data in comments on drafts: erased after the retention
period, and listed for a person who asks (the site's export)."""

import datetime

from django.conf import settings

from documents.comment_form import normalized_contact
from documents.models import Comment

LABEL = "góp ý dự thảo"


def purge_personal_data(now):
    """Erase the name, contact, address and sender key of comments on
    consultations closed more than DOCUMENTS_COMMENT_RETENTION_DAYS before
    now. The comments' text and status stay (the consultation's record)."""
    days = getattr(settings, "DOCUMENTS_COMMENT_RETENTION_DAYS", 365)
    cutoff = now - datetime.timedelta(days=days)
    count = Comment.objects.filter(
        consultation__closes_at__lt=cutoff, anonymised_at__isnull=True
    ).update(name="", contact="", address="", sender_key="", anonymised_at=now)
    return {LABEL: count}


def personal_data_of(contact):
    """The comments sent with this email or phone number (in any of the
    forms the comment form accepts), oldest first."""
    key = normalized_contact(contact or "")
    if not key:
        return Comment.objects.none()
    return (
        Comment.objects.filter(contact=key)
        .select_related("consultation")
        .order_by("created_at", "id")
    )
