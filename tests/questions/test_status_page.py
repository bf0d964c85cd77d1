"""The status page a tracking code opens: the handling and, once approved,
the answer; never the sender's name, phone, email or address."""

import pytest

from questions.models import Question
from tests.questions.factories import ADDRESS, EMAIL, NAME, PHONE, make_question

pytestmark = pytest.mark.django_db

PERSONAL = [NAME, PHONE, EMAIL, ADDRESS, "Trần Thị", "0912", "nguoi.hoi"]


def page(client, question):
    response = client.get(question.get_status_url())
    assert response.status_code == 200
    return response


def assert_no_personal_data(text):
    for value in PERSONAL:
        assert value not in text


def test_a_new_question_is_received_with_its_due_date(client):
    question = make_question()
    text = page(client, question).content.decode()
    assert "Đã tiếp nhận" in text
    assert question.due_on.strftime("%d/%m/%Y") in text
    assert_no_personal_data(text)


def test_the_status_page_is_private_and_not_indexed(client):
    response = page(client, make_question())
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert 'content="noindex, nofollow"' in response.content.decode()


def test_a_draft_answer_is_not_shown_to_the_resident(client):
    question = make_question(
        answer="<p>Bản nháp chưa duyệt</p>", status=Question.Handling.IN_PROGRESS
    )
    text = page(client, question).content.decode()
    assert "Đang xử lý" in text
    assert "Bản nháp chưa duyệt" not in text


def test_an_approved_answer_is_shown_without_personal_data(client):
    question = make_question(answered=True)
    text = page(client, question).content.decode()
    assert "Đã trả lời" in text
    assert "Từ 17 giờ đến 19 giờ" in text
    assert_no_personal_data(text)


def test_a_declined_question_shows_the_reason(client):
    question = make_question(
        status=Question.Handling.DECLINED,
        decline_reason="Câu hỏi không thuộc thẩm quyền của phường.",
    )
    text = page(client, question).content.decode()
    assert "Từ chối trả lời" in text
    assert "không thuộc thẩm quyền" in text
    assert_no_personal_data(text)
