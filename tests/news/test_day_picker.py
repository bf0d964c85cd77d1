"""The day picker in dd/mm/yyyy (issue 12): what the server accepts."""

import pytest

from core.dates import parse_day

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed, day",
    [
        ("11/04/2023", "/ngay/2023/04/11/"),
        ("1/4/2023", "/ngay/2023/04/01/"),
        (" 11/04/2023 ", "/ngay/2023/04/11/"),
        ("11-04-2023", "/ngay/2023/04/11/"),
        ("11.04.2023", "/ngay/2023/04/11/"),
        ("2023-04-11", "/ngay/2023/04/11/"),  # the browser's own picker, no JS
    ],
)
def test_a_day_typed_day_first_or_from_the_native_picker_leads_to_its_page(
    client, typed, day
):
    response = client.get("/ngay/", {"ngay": typed})
    assert response.status_code == 302
    assert response["Location"] == day


@pytest.mark.parametrize(
    "typed",
    ["31/02/2023", "04/31/2023", "11/13/2023", "11/04/23", "11/04/0999", "hôm qua"],
)
def test_a_wrong_day_gets_a_vietnamese_message_with_the_form_again(client, typed):
    response = client.get("/ngay/", {"ngay": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ngày không hợp lệ" in html and "ngày/tháng/năm" in html
    assert 'id="chon-ngay-lai"' in html  # the form, in the page itself
    assert "Bạn đã nhập" in html


def test_month_first_dates_are_not_guessed():
    # 04/11/2023 is the 4th of November for a resident, never April 11th.
    assert str(parse_day("04/11/2023")) == "2023-11-04"


def test_the_month_page_is_one_tap_from_the_picker(client):
    from tests.news.factories import make_article

    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    month = article.published_at.astimezone().strftime("%m/%Y")
    assert f"Xem tin cả tháng {month}" in html
    assert "inputmode" not in html  # the text field is made by the script
    assert 'type="date" name="ngay"' in html  # the native picker without it
