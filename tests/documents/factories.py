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
