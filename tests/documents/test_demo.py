import pytest
from django.core.management import call_command

from documents.models import Document, DocumentFile, Validity, local_today

pytestmark = pytest.mark.django_db


def test_the_demo_register_has_every_kind_of_document(client):
    call_command("load_demo")
    documents = list(Document.objects.all())
    assert len(documents) >= 20
    assert len({d.doc_type_id for d in documents}) >= 8
    assert len({d.issued_on.year for d in documents}) >= 2
    assert {d.status for d in documents} == {"draft", "pending", "published"}
    today = local_today()
    assert {d.validity_on(today) for d in documents} == set(Validity)
    old = Document.objects.get(number_symbol="05/KH-UBND")
    assert old.replaced_by.number_symbol == "18/KH-UBND"
    kinds = set(DocumentFile.objects.values_list("kind", flat=True))
    assert kinds == {"pdf", "docx"}
    assert all(f.has_text_layer for f in DocumentFile.objects.all())
    # A sentence from inside a demo DOCX finds its document.
    page = client.get("/van-ban/", {"q": "hội thi gói bánh chưng"}).content.decode()
    assert "05/KH-UBND" in page and "18/KH-UBND" in page


def test_loading_the_demo_twice_adds_no_document():
    call_command("load_demo")
    count = Document.objects.count()
    call_command("load_demo")
    assert Document.objects.count() == count
