"""Attached files are checked by their content: what is accepted, what is
refused (with a message in Vietnamese), and what text is read out of them."""

import io

import pytest
from django.core.exceptions import ValidationError

from core.extract import extract_text
from core.files import ascii_fallback, check_file, content_disposition, display_name
from core.text import fold
from tests.documents import samples
from tests.documents.samples import upload

PDF = samples.pdf_bytes("Nghị quyết", ["Đảng bộ phường họp bàn chỉnh trang đô thị."])
DOCX = samples.docx_bytes("Kế hoạch", ["Ra quân dọn vệ sinh kênh Phú Lộc."])


def refusal(name, data):
    with pytest.raises(ValidationError) as error:
        check_file(upload(name, data))
    return error.value


def test_a_pdf_is_a_pdf_whatever_its_name():
    assert check_file(upload("nghi-quyet.doc", PDF)).code == "pdf"


def test_a_docx_is_recognised_by_its_main_part():
    assert check_file(upload("ke-hoach.bin", DOCX)).code == "docx"


def test_opendocument_is_recognised_by_its_mimetype_member():
    data = samples.zip_bytes(
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
    )
    assert check_file(upload("bang.ods", data)).code == "ods"


def test_a_zip_of_documents_is_accepted():
    data = samples.zip_bytes({"a.pdf": PDF, "b.docx": DOCX})
    assert check_file(upload("ho-so.zip", data)).code == "zip"


@pytest.mark.parametrize(
    "name, data, code",
    [
        ("quyet-dinh.pdf", samples.EXECUTABLE, "executable"),
        ("bao-cao.docx", samples.ELF, "executable"),
        ("thong-bao.pdf", samples.SCRIPT, "script"),
        ("trang.pdf", samples.HTML, "html"),
        ("anh.pdf", samples.SVG, "svg"),
        ("bieu-mau.docx", samples.docm_bytes(), "macro"),
        ("bieu-mau.docm", DOCX, "macro"),
        ("so-lieu.zip", samples.zip_bomb_bytes(), "zip_bomb"),
        (
            "ho-so.zip",
            samples.zip_bytes({"setup.pdf": samples.EXECUTABLE}),
            "zip_member",
        ),
        ("chay.exe", PDF, "extension"),
        ("rong.pdf", b"", "empty"),
        ("la.pdf", b"Just some words, nothing known.", "unknown"),
        ("hong.zip", b"PK\x03\x04 broken", "bad_zip"),
    ],
)
def test_hostile_files_are_refused_with_a_vietnamese_message(name, data, code):
    error = refusal(name, data)
    assert error.code == code
    assert error.messages[0].startswith(("Không", "Tệp"))


def test_a_zip_three_deep_is_refused():
    inner = samples.zip_bytes({"a.pdf": PDF})
    middle = samples.zip_bytes({"b.zip": inner})
    assert (
        refusal("ngoai.zip", samples.zip_bytes({"c.zip": middle})).code == "zip_depth"
    )


def test_a_file_over_the_limit_is_refused(settings):
    settings.PORTAL_MAX_ATTACHMENT_BYTES = 1024
    error = refusal("lon.pdf", PDF + b"\n" * 2048)
    assert error.code == "too_large" and "Tệp quá lớn" in error.messages[0]


def test_text_is_read_from_a_pdf_and_a_docx():
    # Folded: without the DejaVu font the demo PDF's text is ASCII.
    assert "chinh trang do thi" in fold(extract_text(io.BytesIO(PDF), "pdf"))
    assert "kênh Phú Lộc" in extract_text(io.BytesIO(DOCX), "docx")


def test_a_scanned_pdf_without_text_gives_no_text():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    assert extract_text(io.BytesIO(bytes(pdf.output())), "pdf") == ""


def test_a_damaged_pdf_gives_no_text_rather_than_an_error():
    assert extract_text(io.BytesIO(b"%PDF-1.7\nnot really"), "pdf") == ""


def test_the_download_name_keeps_vietnamese_and_offers_ascii():
    header = content_disposition("Nghị quyết số 12.pdf")
    assert header.startswith('attachment; filename="Nghi_quyet_so_12.pdf"')
    assert (
        "filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20s%E1%BB%91%2012.pdf" in header
    )
    assert ascii_fallback('"; evil.html') == "evil.html"


def test_the_kept_name_has_the_real_extension():
    kind = check_file(upload("x", PDF))
    assert display_name("C:\\Users\\a\\Báo cáo.exe", kind) == "Báo cáo.exe.pdf"
    assert display_name("Báo cáo.PDF", kind) == "Báo cáo.pdf"


def test_without_the_dejavu_font_the_pdf_is_still_made_and_searchable(tmp_path):
    from documents.demo import pdf_bytes

    data = pdf_bytes("Thông báo", ["Họp tổ dân phố"], font_path=tmp_path / "none.ttf")
    assert "hop to dan pho" in extract_text(io.BytesIO(data), "pdf")
