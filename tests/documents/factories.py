"""Small builders for documents tests."""

import datetime
import itertools

from django.utils import timezone

from documents.defaults import ensure_types
from documents.models import Document, DocumentFile, DocumentType, Field, IssuingBody
from tests.documents.samples import docx_bytes, pdf_bytes, upload

_numbers = itertools.count(1)


def doc_type(slug="nghi-quyet"):
    # Seeded by the migration; made again after a live server's flush.
    return ensure_types(DocumentType)[slug]


def issuing_body(name="Đảng ủy phường"):
    return IssuingBody.objects.get_or_create(name=name)[0]


def field(name="Xây dựng Đảng"):
    return Field.objects.get_or_create(name=name)[0]


def make_document(number=None, **fields):
    """A published document, issued 30 days ago."""
    today = timezone.localdate()
    fields.setdefault("status", Document.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("issued_on", today - datetime.timedelta(days=30))
    fields.setdefault("doc_type", doc_type())
    fields.setdefault("issuing_body", issuing_body())
    fields.setdefault("summary", f"Về việc số {next(_numbers)} của phường")
    return Document.objects.create(
        number_symbol=number or f"{next(_numbers)}/NQ-ĐU", **fields
    )


def attach(document, name, data):
    return DocumentFile.objects.create(document=document, file=upload(name, data))


def attach_pdf(document, text, name="Nghị quyết.pdf"):
    return attach(document, name, pdf_bytes("Văn bản", [text]))


def attach_docx(document, text, name="Kế hoạch.docx"):
    return attach(document, name, docx_bytes("Văn bản", [text]))


def make_consultation(opens_at=None, closes_at=None, document=None, **fields):
    """A draft open for comment: opened a day ago, closing in ten days."""
    from documents.models import Consultation

    now = timezone.now()
    fields.setdefault("title", f"Dự thảo quy định số {next(_numbers)}")
    return Consultation.objects.create(
        document=document or make_document(),
        opens_at=opens_at or now - datetime.timedelta(days=1),
        closes_at=closes_at or now + datetime.timedelta(days=10),
        **fields,
    )


def comment_data(**fields):
    """What a resident sends, with a start time the form accepts (tests set
    PUBLIC_FORM_MIN_SECONDS to 0)."""
    from core.publicforms import GuardedForm

    data = {
        "name": "Trần Thị Mai",
        "contact": "0905 123 456",
        "address": "Tổ 12, khu phố 3",
        "body": "Đề nghị dời giờ thu gom rác sang sau 19 giờ.",
        "consent": "on",
        "website": "",
        "started": GuardedForm.fresh_start(),
    }
    data.update(fields)
    return data
