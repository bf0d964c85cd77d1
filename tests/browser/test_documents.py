"""A writer files a document with its PDF, an approver publishes it, a
resident finds it by filter and by words inside the PDF, and downloads it."""

from urllib.parse import unquote

import pytest
from django.utils import timezone

from core.roles import APPROVERS, WRITERS
from documents.models import Document
from tests.browser.test_news_workflow import log_in, log_out
from tests.documents.factories import issuing_body, make_document
from tests.documents.samples import pdf_bytes
from tests.news.factories import make_staff

pytestmark = pytest.mark.browser

PHRASE = "Tổ dân phố số bảy ra quân khơi thông cống rãnh trước mùa mưa"


def test_a_document_goes_from_writer_to_resident(
    live_server, page, screenshot, tmp_path
):
    from documents.roles import ensure_roles

    base = live_server.url
    ensure_roles()  # the live server flushes the groups' permissions
    make_staff("bientapvien", WRITERS)
    make_staff("nguoiduyet", APPROVERS)
    issuing_body("Ủy ban nhân dân phường")
    make_document("1/TB-UBND", summary="Thông báo cũ hơn về việc khác")
    pdf = tmp_path / "Kế hoạch vệ sinh môi trường.pdf"
    pdf.write_bytes(pdf_bytes("Kế hoạch vệ sinh môi trường", [PHRASE]))

    # The writer files the document with its PDF and sends it for approval.
    log_in(page, base, "bientapvien")
    page.goto(f"{base}/quan-tri/documents/document/add/")
    page.select_option("#id_doc_type", label="Kế hoạch")
    page.fill("#id_number_symbol", "21/KH-UBND")
    page.select_option("#id_issuing_body", label="Ủy ban nhân dân phường")
    page.fill("#id_signer", "Nguyễn Văn An")
    page.fill("#id_issued_on", timezone.localdate().strftime("%d/%m/%Y"))
    page.fill("#id_summary", "Kế hoạch tổng vệ sinh môi trường mùa mưa")
    page.set_input_files("#id_files-0-file", str(pdf))
    assert page.locator('#id_status option[value="published"]').count() == 0
    page.select_option("#id_status", "pending")
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/quan-tri/documents/document/")
    document = Document.objects.get(number_symbol="21/KH-UBND")
    assert document.status == "pending" and document.files.count() == 1
    log_out(page, base)

    # The approver publishes it.
    log_in(page, base, "nguoiduyet")
    page.goto(f"{base}/quan-tri/documents/document/?status__exact=pending")
    page.check(f'input[name=_selected_action][value="{document.pk}"]')
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert "Đã xuất bản 1 văn bản" in page.content()
    log_out(page, base)

    # A resident filters the register by type and finds it.
    page.context.clear_cookies()
    page.goto(f"{base}/van-ban/")
    page.select_option("#vb-loai", label="Kế hoạch")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**/van-ban/?**")
    results = page.locator(".document-list")
    assert "21/KH-UBND" in results.inner_text()
    assert "1/TB-UBND" not in results.inner_text()
    screenshot("documents-list")

    # And by words only found inside the PDF, typed without diacritics.
    page.goto(f"{base}/van-ban/")
    page.fill("#vb-tu-khoa", "khoi thong cong ranh")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**/van-ban/?**")
    page.get_by_role("link", name="Kế hoạch số 21/KH-UBND").click()
    page.wait_for_url(f"{base}/van-ban/{document.pk}/")
    screenshot("documents-detail")
    link = page.get_by_role("link", name="Kế hoạch vệ sinh môi trường.pdf")
    href = link.get_attribute("href")
    response = page.request.get(base + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert unquote(href).endswith("/Kế hoạch vệ sinh môi trường.pdf")
    assert response.body() == pdf.read_bytes()
