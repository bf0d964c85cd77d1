"""Files are served under their Vietnamese names, with their checked type and
headers that keep a browser from running them; drafts' files stay private."""

from urllib.parse import quote

import pytest

from tests.documents.factories import attach, attach_docx, attach_pdf, make_document
from tests.documents.samples import zip_bytes

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def test_a_pdf_keeps_its_vietnamese_name_and_opens_inline(client):
    doc = make_document()
    attached = attach_pdf(doc, "Nội dung", name="Nghị quyết về chỉnh trang đô thị.pdf")
    url = attached.get_absolute_url()
    assert url == f"/van-ban/tep/{attached.pk}/" + quote(
        "Nghị quyết về chỉnh trang đô thị.pdf"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        'inline; filename="Nghi_quyet_ve_chinh_trang_do_thi.pdf"'
    )
    assert (
        "filename*=UTF-8''" + quote("Nghị quyết về chỉnh trang đô thị.pdf", safe="")
        in disposition
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "public" in response["Cache-Control"]
    assert body(response).startswith(b"%PDF-")


def test_a_docx_downloads_as_an_attachment_with_its_type(client):
    attached = attach_docx(make_document(), "Chữ", name="Kế hoạch năm 2026.docx")
    response = client.get(attached.get_absolute_url())
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_zip_downloads_as_a_zip(client):
    pdf = attach_pdf(make_document(), "x").file.read()
    attached = attach(make_document(), "Hồ sơ.zip", zip_bytes({"a.pdf": pdf}))
    response = client.get(attached.get_absolute_url())
    assert response["Content-Type"] == "application/zip"


def test_the_file_is_stored_under_a_random_name_outside_media(settings):
    attached = attach_pdf(make_document(), "x", name="Báo cáo.pdf")
    name = attached.file.name
    assert name.startswith("tep/") and name.endswith("/bao-cao.pdf")
    assert len(name.split("/")[1]) == 32
    assert attached.file.path.startswith(str(settings.PORTAL_FILES_ROOT))
    assert attached.original_name == "Báo cáo.pdf"


def test_a_wrong_name_in_the_url_redirects_to_the_right_one(client):
    attached = attach_pdf(make_document(), "x", name="Báo cáo.pdf")
    response = client.get(f"/van-ban/tep/{attached.pk}/khac.pdf")
    assert response.status_code == 302
    assert response["Location"] == attached.get_absolute_url()


def test_a_drafts_file_is_not_served_to_the_public(client):
    attached = attach_pdf(make_document(status="draft"), "bí mật")
    response = client.get(attached.get_absolute_url())
    assert response.status_code == 404
    assert "private" in response["Cache-Control"]


def test_a_file_missing_on_disk_is_a_404_not_a_500(client):
    attached = attach_pdf(make_document(), "x")
    attached.file.storage.delete(attached.file.name)
    assert client.get(attached.get_absolute_url()).status_code == 404


def test_deleting_a_file_removes_it_from_disk(django_capture_on_commit_callbacks):
    attached = attach_pdf(make_document(), "x")
    path = attached.file.path
    with django_capture_on_commit_callbacks(execute=True):
        attached.delete()
    import os

    assert not os.path.exists(path)


def test_the_stored_name_has_the_extension_of_the_content():
    attached = attach_pdf(make_document(), "x", name="Tờ trình.doc")
    assert attached.original_name == "Tờ trình.doc.pdf"
    assert attached.file.name.endswith("/to-trinhdoc.pdf")
