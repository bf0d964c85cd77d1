import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    call_command("load_demo")


def test_every_page_has_the_sidebar_blocks_in_order(client, demo):
    html = client.get("/").content.decode()
    order = [
        "Tìm kiếm tin tức",
        "Xem tin theo ngày",
        "Đơn vị hỗ trợ",
        "Thống kê truy cập",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)


def test_the_footer_names_the_organisation_and_the_person_responsible(client, demo):
    html = client.get("/").content.decode()
    assert "Đảng ủy – HĐND – UBND phường Hòa Thuận Đông" in html
    assert "Chịu trách nhiệm nội dung: Nguyễn Văn An" in html
    assert "0236 3 000 000" in html


def test_pages_load_no_asset_from_another_site(client, demo):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "style=" not in html
    for marker in ('src="http', 'href="//', 'src="//'):
        assert marker not in html
