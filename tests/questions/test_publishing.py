"""Staff answer in the admin; an answer reaches the resident and the public
only once approved (as articles are); a Q&A is public only when staff chose
to publish it, and then without the sender's personal data."""

import pytest
from django.core import mail
from django.test import Client

from core.roles import APPROVERS, WRITERS
from questions.models import Question
from questions.roles import ensure_roles
from tests.news.factories import make_staff
from tests.portal.sitemap_xml import sitemap_text
from tests.questions.factories import ADDRESS, EMAIL, NAME, PHONE, make_question

pytestmark = pytest.mark.django_db

ANSWER = "<p>Xe thu gom rác đi qua từ 17 giờ đến 19 giờ.</p>"


@pytest.fixture
def writer():
    ensure_roles()
    client = Client()
    client.force_login(make_staff("bientap", WRITERS))
    return client


@pytest.fixture
def approver():
    ensure_roles()
    client = Client()
    client.force_login(make_staff("duyet", APPROVERS))
    return client


def change(client, question, **data):
    form = {
        "topic": question.topic_id,
        "public_body": "",
        "status": question.status,
        "decline_reason": "",
        "assigned_to": "",
        "internal_notes": "",
        "answer": ANSWER,
        "answer_status": "draft",
        "_save": "Lưu",
    }
    form.update(data)
    if form.get("is_public") is False:
        form.pop("is_public")
    return client.post(f"/quan-tri/questions/question/{question.pk}/change/", form)


def public_texts(client, question):
    return [
        client.get("/hoi-dap/").content.decode(),
        client.get(question.get_absolute_url()).content.decode(),
        sitemap_text(client),
        client.get("/rss/").content.decode(),
    ]


def test_a_writer_cannot_approve_an_answer(writer):
    question = make_question()
    response = change(writer, question, answer_status="published", is_public="on")
    assert response.status_code == 200
    assert "answer_status" in response.context["adminform"].form.errors
    question.refresh_from_db()
    assert question.answer_status == "draft" and question.status == "received"


def test_a_writer_sends_an_answer_for_approval_and_nobody_sees_it_yet(writer):
    question = make_question()
    assert change(writer, question, answer_status="pending").status_code == 302
    question.refresh_from_db()
    assert question.answer_status == "pending" and question.answer == ANSWER
    resident = Client()
    assert (
        "17 giờ đến 19 giờ"
        not in resident.get(question.get_status_url()).content.decode()
    )
    assert resident.get(question.get_absolute_url()).status_code == 404


def test_approval_answers_the_question_and_publishing_shows_it(approver):
    question = make_question()
    response = change(approver, question, answer_status="published", is_public="on")
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.answered_at and question.closed_at
    assert question.approved_by.username == "duyet"
    resident = Client()
    assert (
        "17 giờ đến 19 giờ" in resident.get(question.get_status_url()).content.decode()
    )
    assert (
        "17 giờ đến 19 giờ"
        in resident.get(question.get_absolute_url()).content.decode()
    )


def test_an_approved_answer_stays_off_the_public_list_unless_published(approver):
    question = make_question()
    change(approver, question, answer_status="published", is_public=False)
    resident = Client()
    assert resident.get(question.get_absolute_url()).status_code == 404
    assert question.title not in resident.get("/hoi-dap/").content.decode()
    assert (
        "17 giờ đến 19 giờ" in resident.get(question.get_status_url()).content.decode()
    )


def test_withdrawing_the_approval_reopens_the_question():
    question = make_question(answered=True, public=True)
    question.answer_status = Question.Status.DRAFT
    question.save()
    assert question.status == "in_progress" and question.closed_at is None
    assert not Question.objects.published().exists()


def test_personal_data_is_never_public(client):
    question = make_question(answered=True, public=True)
    texts = public_texts(client, question)
    assert question.title in texts[0] and question.title in texts[1]
    assert question.get_absolute_url() in texts[2]
    for text in texts:
        for value in (NAME, PHONE, EMAIL, ADDRESS, "0912", "nguoi.hoi@"):
            assert value not in text


def test_the_edited_question_is_published_instead_of_the_original(client):
    question = make_question(
        answered=True,
        public=True,
        body="Tôi là Trần Thị Hỏi ở kiệt 45, xin hỏi giờ thu gom rác?",
        public_body="Xin hỏi giờ thu gom rác?",
    )
    text = client.get(question.get_absolute_url()).content.decode()
    assert "Xin hỏi giờ thu gom rác?" in text
    assert "Trần Thị Hỏi" not in text


def test_declining_needs_a_reason_and_closes_the_question(approver):
    question = make_question()
    response = change(approver, question, status="declined", answer="")
    assert "Hãy ghi lý do" in response.content.decode()
    change(
        approver,
        question,
        status="declined",
        answer="",
        decline_reason="Không thuộc thẩm quyền của phường.",
    )
    question.refresh_from_db()
    assert question.status == "declined" and question.closed_at


def test_the_resident_gets_a_mail_when_the_answer_is_approved(
    approver, django_capture_on_commit_callbacks
):
    question = make_question(wants_notice=True)
    with django_capture_on_commit_callbacks(execute=True):
        change(approver, question, answer_status="published")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert question.display_code in message.subject
    assert "http://testserver" + question.get_status_url() in message.body
    question.refresh_from_db()
    assert question.notice_sent_at
    with django_capture_on_commit_callbacks(execute=True):
        question.internal_notes = "Đã gửi thư."
        question.save()
    assert len(mail.outbox) == 1  # once


def test_no_mail_without_the_residents_wish(
    approver, django_capture_on_commit_callbacks
):
    question = make_question(wants_notice=False)
    with django_capture_on_commit_callbacks(execute=True):
        change(approver, question, answer_status="published")
    assert mail.outbox == []
