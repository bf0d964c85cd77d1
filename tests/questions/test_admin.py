"""The staff's queue: open questions by deadline, days left, overdue rows
marked; the sender's personal data only for staff with the permission; the
export of one person's data."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from core.roles import APPROVERS, WRITERS
from questions.roles import ensure_roles
from tests.news.factories import make_staff
from tests.questions.factories import EMAIL, NAME, PHONE, make_question

pytestmark = pytest.mark.django_db

QUEUE = "/quan-tri/questions/question/"


def staff_client(username, group):
    ensure_roles()
    client = Client()
    user = make_staff(username, group)
    client.force_login(user)
    return client, user


def test_the_queue_puts_open_questions_first_by_deadline_and_marks_the_overdue():
    client, _ = staff_client("bientap", WRITERS)
    later = make_question(title="Hỏi gần đây")
    overdue = make_question(title="Hỏi đã lâu", ago=40)
    answered = make_question(title="Đã xong", ago=60, answered=True)
    text = client.get(QUEUE).content.decode()
    assert text.index("Hỏi đã lâu") < text.index("Hỏi gần đây") < text.index("Đã xong")
    assert 'class="question-overdue"' in text
    left = later.days_left()
    assert f'<span class="question-due">{left}</span>' in text
    assert overdue.days_left() < 0 and answered.status == "answered"
    assert "style=" not in text.split('id="result_list"')[1].split("</table>")[0]


def test_the_overdue_filter_lists_only_open_questions_past_their_date():
    client, _ = staff_client("bientap", WRITERS)
    make_question(title="Hỏi gần đây")
    make_question(title="Hỏi đã lâu", ago=40)
    text = client.get(QUEUE + "?han=qua-han").content.decode()
    assert "Hỏi đã lâu" in text and "Hỏi gần đây" not in text


def test_a_writer_sees_the_question_but_not_the_personal_data():
    client, _ = staff_client("bientap", WRITERS)
    question = make_question()
    text = client.get(f"{QUEUE}{question.pk}/change/").content.decode()
    assert question.body in text
    for value in (NAME, PHONE, EMAIL):
        assert value not in text
    assert client.get(QUEUE, {"q": PHONE}).context["cl"].result_count == 0


def test_staff_with_the_permission_see_and_search_the_personal_data():
    client, user = staff_client("bientap", WRITERS)
    user.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    question = make_question()
    text = client.get(f"{QUEUE}{question.pk}/change/").content.decode()
    for value in (NAME, PHONE, EMAIL):
        assert value in text
    assert client.get(QUEUE, {"q": EMAIL}).context["cl"].result_count == 1


def test_staff_assign_a_question_to_themselves():
    client, user = staff_client("bientap", WRITERS)
    question = make_question()
    client.post(QUEUE, {"action": "assign_to_me", "_selected_action": [question.pk]})
    question.refresh_from_db()
    assert question.assigned_to == user


def test_residents_do_not_reach_the_queue():
    assert Client().get(QUEUE).status_code == 302


def test_the_export_gives_one_persons_questions_as_json():
    client, _ = staff_client("duyet", APPROVERS)
    mine = make_question(title="Câu của tôi")
    make_question(
        title="Câu của người khác", email="khac@example.vn", phone="0987 000 111"
    )
    response = client.post(QUEUE + "xuat-du-lieu-ca-nhan/", {"email": EMAIL.upper()})
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert [q["tieu_de"] for q in data["cau_hoi"]] == ["Câu của tôi"]
    assert data["cau_hoi"][0]["dien_thoai"] == PHONE
    assert data["cau_hoi"][0]["ma_tra_cuu"] == mine.display_code
    by_phone = client.post(QUEUE + "xuat-du-lieu-ca-nhan/", {"phone": PHONE})
    assert len(json.loads(by_phone.content)["cau_hoi"]) == 1


def test_the_export_needs_the_permission():
    client, _ = staff_client("bientap", WRITERS)
    make_question()
    assert client.get(QUEUE + "xuat-du-lieu-ca-nhan/").status_code == 403
    assert (
        client.post(QUEUE + "xuat-du-lieu-ca-nhan/", {"email": EMAIL}).status_code
        == 403
    )


def test_the_admin_history_names_no_sender():
    question = make_question()
    assert NAME not in str(question) and PHONE not in str(question)


def test_due_dates_show_as_day_month_year():
    client, _ = staff_client("bientap", WRITERS)
    question = make_question()
    text = client.get(QUEUE).content.decode()
    assert question.due_on.strftime("%d/%m/%Y") in text
    assert (
        timezone.localdate()
        <= question.due_on
        <= timezone.localdate() + datetime.timedelta(days=40)
    )
