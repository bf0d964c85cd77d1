"""A resident asks: the question is stored with its due date and a code, the
status page says so. Refusals keep the text and say why in Vietnamese."""

import pytest
from django.core import signing

from questions.models import Question
from tests.questions.factories import EMAIL, form_data

pytestmark = pytest.mark.django_db


def test_the_form_links_to_the_privacy_notice_and_hides_the_honeypot(client):
    text = client.get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert 'href="/trang/chinh-sach-bao-ve-du-lieu-ca-nhan/"' in text
    assert '<div class="hp-field-row" aria-hidden="true">' in text
    assert 'name="website"' in text.split('class="hp-field-row"')[1].split("</div>")[0]


def test_a_question_is_stored_and_the_resident_gets_a_code(client):
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data())
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == question.get_status_url() + "?moi=1"
    assert question.email == EMAIL and question.status == "received"
    assert question.due_on and question.sender_key and len(question.sender_key) == 32
    page = client.get(response["Location"]).content.decode()
    assert "Phường đã nhận câu hỏi của bạn" in page
    assert question.display_code in page


def test_the_address_itself_is_never_stored(client):
    client.post("/hoi-dap/gui-cau-hoi/", form_data(), REMOTE_ADDR="203.0.113.77")
    question = Question.objects.get()
    stored = " ".join(str(getattr(question, f.attname)) for f in Question._meta.fields)
    assert "203.0.113.77" not in stored


def test_a_form_sent_back_too_fast_is_refused_and_keeps_the_text(client, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(title="Hỏi về tạm trú"))
    assert response.status_code == 200
    assert Question.objects.count() == 0
    text = response.content.decode()
    assert "quá nhanh" in text
    assert 'value="Hỏi về tạm trú"' in text


def test_a_form_sent_after_the_minimum_time_is_accepted(client, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    import time

    started = signing.TimestampSigner(salt="core.publicforms.started").sign(
        str(time.time() - 5)
    )
    client.post("/hoi-dap/gui-cau-hoi/", form_data(started=started))
    assert Question.objects.count() == 1


def test_a_filled_honeypot_is_refused(client):
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(website="x"))
    assert response.status_code == 200
    assert "để trống ô cuối cùng" in response.content.decode()
    assert Question.objects.count() == 0


def test_a_phone_or_an_email_is_needed(client):
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(phone="", email=""))
    assert "số điện thoại hoặc thư điện tử" in response.content.decode()
    assert Question.objects.count() == 0
    client.post("/hoi-dap/gui-cau-hoi/", form_data(email=""))
    assert Question.objects.count() == 1


def test_consent_is_needed(client):
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(consent=None))
    assert "Vui lòng đồng ý" in response.content.decode()
    assert Question.objects.count() == 0


def test_a_topic_not_on_the_list_is_refused(client):
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(topic="999999"))
    assert "Chủ đề này không có trong danh sách" in response.content.decode()


def test_the_fourth_question_in_ten_minutes_gets_429_and_keeps_the_text(client):
    for _ in range(3):
        assert client.post("/hoi-dap/gui-cau-hoi/", form_data()).status_code == 302
    response = client.post("/hoi-dap/gui-cau-hoi/", form_data(title="Câu thứ tư"))
    assert response.status_code == 429
    text = response.content.decode()
    assert "quá nhiều câu hỏi" in text
    assert 'value="Câu thứ tư"' in text
    assert Question.objects.count() == 3


def test_the_stored_rows_bound_each_address_even_without_a_cache(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    statuses = [
        client.post("/hoi-dap/gui-cau-hoi/", form_data()).status_code for _ in range(6)
    ]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Question.objects.count() == 3
