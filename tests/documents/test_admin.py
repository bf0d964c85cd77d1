"""The writer → approver workflow, with ownership, and files checked in the
admin: a refused file gets a Vietnamese message and nothing is stored."""

import os

import pytest
from django.contrib.auth.models import Group, User

from core.roles import APPROVERS, WRITERS
from documents.models import Document, DocumentFile
from documents.roles import ensure_roles
from tests.documents import samples
from tests.documents.factories import doc_type, issuing_body, make_document

pytestmark = pytest.mark.django_db

ADD = "/quan-tri/documents/document/add/"
CHANGELIST = "/quan-tri/documents/document/"


def staff(username, group):
    ensure_roles()
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def alice(client):
    """A writer."""
    return staff("alice", WRITERS)


@pytest.fixture
def bob():
    """Another writer."""
    return staff("bob", WRITERS)


@pytest.fixture
def charlie():
    """An approver."""
    return staff("charlie", APPROVERS)


def form_data(status="pending", **extra):
    data = {
        "doc_type": doc_type("ke-hoach").pk,
        "number_symbol": "15/KH-UBND",
        "issuing_body": issuing_body("UBND phường").pk,
        "signer": "Lê Thị Hoa",
        "issued_on": "2026-03-02",
        "summary": "Kế hoạch ra quân làm sạch kênh",
        "body": "",
        "status": status,
        "published_at_0": "02/03/2026",
        "published_at_1": "08:00:00",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-order": "0",
    }
    data.update(extra)
    return data


def files_on_disk(settings):
    root = settings.PORTAL_FILES_ROOT
    return [f for _, _, names in os.walk(root) for f in names] if root.exists() else []


def test_a_writer_sends_a_document_with_a_pdf_for_approval(client, alice, settings):
    client.force_login(alice)
    pdf = samples.upload(
        "Kế hoạch.pdf", samples.pdf_bytes("Kế hoạch", ["Nạo vét kênh"])
    )
    response = client.post(ADD, form_data(**{"files-0-file": pdf}))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert document.status == "pending" and document.created_by == alice
    attached = DocumentFile.objects.get()
    assert attached.original_name == "Kế hoạch.pdf" and attached.has_text_layer
    assert " nao vet kenh " in Document.objects.get().search_text
    assert len(files_on_disk(settings)) == 1


def test_a_writer_cannot_publish_with_a_crafted_post(client, alice):
    client.force_login(alice)
    response = client.post(ADD, form_data(status="published"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    assert not Document.objects.exists()


def test_a_writer_cannot_use_the_publish_action(client, alice):
    document = make_document(status="pending", created_by=alice)
    client.force_login(alice)
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [document.pk]})
    document.refresh_from_db()
    assert document.status == "pending"


def test_an_approver_publishes_with_the_action(client, charlie, alice):
    document = make_document(status="pending", created_by=alice)
    client.force_login(charlie)
    response = client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [document.pk]},
        follow=True,
    )
    assert "Đã xuất bản 1 văn bản" in response.content.decode()
    document.refresh_from_db()
    assert document.status == "published"


def test_a_writer_cannot_read_or_change_another_writers_draft(client, alice, bob):
    draft = make_document(
        status="draft", created_by=bob, summary="Dự thảo riêng của Bob"
    )
    client.force_login(alice)
    listing = client.get(CHANGELIST).content.decode()
    assert "Dự thảo riêng của Bob" not in listing
    page = client.get(f"{CHANGELIST}{draft.pk}/change/")
    assert page.status_code == 404  # as for articles: it does not exist for her
    response = client.post(f"{CHANGELIST}{draft.pk}/change/", form_data())
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.summary == "Dự thảo riêng của Bob"
    # Nor through the public preview or its files.
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_author_and_approvers_may_preview_a_draft(client, alice, charlie):
    draft = make_document(status="draft", created_by=alice)
    for user in (alice, charlie):
        client.force_login(user)
        response = client.get(draft.get_absolute_url())
        assert (
            response.status_code == 200 and "Bản xem trước" in response.content.decode()
        )
        assert "private" in response["Cache-Control"]


def test_a_writer_cannot_change_a_published_document(client, alice):
    document = make_document(created_by=alice, summary="Đã công bố")
    client.force_login(alice)
    client.post(f"{CHANGELIST}{document.pk}/change/", form_data(status="draft"))
    document.refresh_from_db()
    assert document.status == "published" and document.summary == "Đã công bố"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("Quyết định.pdf", samples.EXECUTABLE, "Không nhận tệp chương trình"),
        ("trang.pdf", samples.HTML, "Không nhận tệp HTML"),
        ("bieu-tuong.pdf", samples.SVG, "Không nhận ảnh SVG"),
        (
            "Biểu mẫu.docm",
            samples.docx_bytes("x", ["y"]),
            "Không nhận tệp Office có macro",
        ),
        ("Biểu mẫu.docx", samples.docm_bytes(), "Không nhận tệp Office có macro"),
        ("so-lieu.zip", samples.zip_bomb_bytes(), "bom nén"),
    ],
)
def test_a_refused_file_gets_a_message_and_leaves_nothing(
    client, charlie, settings, name, data, message
):
    client.force_login(charlie)
    response = client.post(
        ADD, form_data(**{"files-0-file": samples.upload(name, data)})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists() and files_on_disk(settings) == []


def test_a_pdf_over_the_limit_is_refused_and_leaves_nothing(client, charlie, settings):
    settings.PORTAL_MAX_ATTACHMENT_BYTES = 2048
    big = samples.pdf_bytes("Báo cáo", ["Số liệu " * 2000])
    assert len(big) > 2048
    client.force_login(charlie)
    response = client.post(
        ADD, form_data(**{"files-0-file": samples.upload("Báo cáo.pdf", big)})
    )
    assert "Tệp quá lớn" in response.content.decode()
    assert files_on_disk(settings) == []


def test_a_failed_save_removes_the_file_it_wrote(settings, monkeypatch):
    document = make_document()
    pdf = samples.upload("a.pdf", samples.pdf_bytes("a", ["b"]))

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    # Fails after the file was written, at the INSERT.
    monkeypatch.setattr(DocumentFile, "_do_insert", broken)
    with pytest.raises(RuntimeError):
        DocumentFile.objects.create(document=document, file=pdf)
    assert files_on_disk(settings) == []


def test_a_scanned_pdf_is_accepted_and_marked_for_staff(client, charlie):
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 100, 100, style="F")
    client.force_login(charlie)
    upload = samples.upload("Bản chụp.pdf", bytes(scan.output()))
    response = client.post(ADD, form_data(status="draft", **{"files-0-file": upload}))
    assert response.status_code == 302
    document = Document.objects.get()
    assert not document.files.get().has_text_layer
    page = client.get(f"{CHANGELIST}{document.pk}/change/").content.decode()
    assert "không có lớp chữ" in page
    assert (
        "không có lớp chữ" in client.get(document.get_absolute_url()).content.decode()
    )


def test_approving_an_old_draft_publishes_it_now_not_back_dated(client, charlie):
    import datetime

    from django.utils import timezone

    written = timezone.now() - datetime.timedelta(days=3)
    draft = make_document(status="draft", published_at=written)
    client.force_login(charlie)
    client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == "published"
    assert timezone.now() - draft.published_at < datetime.timedelta(minutes=1)
