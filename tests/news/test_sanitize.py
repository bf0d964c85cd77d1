"""Article bodies are cleaned with an allowlist when saved."""

import pytest

from core.sanitize import sanitize_html
from tests.news.factories import make_article


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = sanitize_html(
        '<p onclick="steal()">Xin chào<script>alert("x")</script></p>'
        '<img src="/media/a.webp" alt="Ảnh" onerror="alert(1)">'
        '<a href="javascript:alert(1)">bấm</a>'
        '<iframe src="https://example.com/"></iframe>'
        "<style>p{color:red}</style>"
    )
    for bad in (
        "script",
        "alert",
        "onclick",
        "onerror",
        "javascript:",
        "iframe",
        "style",
    ):
        assert bad not in html, bad
    assert "Xin chào" in html and 'alt="Ảnh"' in html and ">bấm</a>" in html


def test_ordinary_formatting_is_kept():
    html = (
        "<h2>Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u></p>"
        '<ul><li>một</li></ul><ol start="3"><li>ba</li></ol><blockquote>trích</blockquote>'
        '<figure><img src="/media/news/a.webp" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>'
        '<table><tbody><tr><td colspan="2">ô</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


def test_links_get_a_safe_rel():
    html = sanitize_html('<a href="https://tinh.gov.vn/tin">Cổng tỉnh</a>')
    assert (
        html
        == '<a href="https://tinh.gov.vn/tin" rel="noopener noreferrer">Cổng tỉnh</a>'
    )


def test_pasted_word_markup_is_reduced_to_plain_formatting():
    word = (
        "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->"
        '<p class="MsoNormal" style="margin:0cm;font-family:Calibri">'
        '<span lang="VI" style="font-size:14pt">Họp tổ dân phố</span><o:p></o:p></p>'
    )
    assert sanitize_html(word) == "<p>Họp tổ dân phố</p>"


def test_images_from_other_sites_lose_their_address():
    html = sanitize_html(
        '<img src="https://example.com/x.jpg" alt="Ảnh ngoài"><img src="//example.com/y.jpg">'
    )
    assert "example.com" not in html


@pytest.mark.django_db
def test_the_model_sanitizes_and_normalizes_on_save():
    decomposed = "Tho\u0302ng ba\u0301o"  # "Thông báo" with combining marks
    article = make_article(
        title=decomposed, body="<p>an toàn</p><script>alert(1)</script>"
    )
    article.refresh_from_db()
    assert article.title == "Thông báo"
    assert article.body == "<p>an toàn</p>"
