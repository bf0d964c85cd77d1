"""A question's due date counts working days in Asia/Ho_Chi_Minh: weekends,
public holidays (lunar Tết included) and a province's extra days off do not
count. The queue shows the working days left."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from questions.models import Question
from tests.questions.factories import make_question

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date


def received(year, month, day, hour=9):
    return datetime.datetime(year, month, day, hour, tzinfo=VN)


def test_the_deadline_skips_the_weekends(settings):
    settings.QUESTIONS_ANSWER_DAYS = 15
    # Monday 2 March 2026: three weeks of five working days.
    question = make_question(received_at=received(2026, 3, 2))
    assert question.due_on == D(2026, 3, 23)


def test_a_question_sent_on_friday_evening_counts_from_monday(settings):
    settings.QUESTIONS_ANSWER_DAYS = 1
    # 23:30 on Friday in Hà Nội is 16:30 UTC: still Friday, due Monday.
    question = make_question(
        received_at=datetime.datetime(2026, 3, 6, 16, 30, tzinfo=datetime.UTC)
    )
    assert question.due_on == D(2026, 3, 9)


def test_the_deadline_skips_lunar_tet(settings):
    settings.QUESTIONS_ANSWER_DAYS = 15
    # Tết Bính Ngọ: 17 February 2026; the days off run from 14 to 22 February.
    question = make_question(received_at=received(2026, 2, 10))
    # 11-13 Feb (3), then from 23 Feb: 23-27 (5), 2-6 Mar (5), 9-10 Mar (2).
    assert question.due_on == D(2026, 3, 10)


def test_a_provincial_day_off_in_the_settings_moves_the_deadline(settings):
    settings.QUESTIONS_ANSWER_DAYS = 15
    without = make_question(received_at=received(2026, 3, 2)).due_on
    settings.PORTAL_EXTRA_DAYS_OFF = [D(2026, 3, 10)]
    with_day_off = make_question(received_at=received(2026, 3, 2)).due_on
    assert without == D(2026, 3, 23)
    assert with_day_off == D(2026, 3, 24)


def test_the_due_date_is_kept_when_the_question_is_saved_again(settings):
    question = make_question(received_at=received(2026, 3, 2))
    settings.QUESTIONS_ANSWER_DAYS = 3
    question.internal_notes = "Đã gọi điện cho người hỏi."
    question.save()
    question.refresh_from_db()
    assert question.due_on == D(2026, 3, 23)


def test_days_left_go_below_zero_once_overdue():
    question = make_question(received_at=received(2026, 3, 2))
    assert question.days_left(today=D(2026, 3, 20)) == 1
    assert question.days_left(today=D(2026, 3, 23)) == 0
    assert question.days_left(today=D(2026, 3, 25)) == -2


def test_answered_on_time_counts_the_month_in_hanoi():
    on_time = make_question(received_at=received(2026, 3, 2))
    late = make_question(received_at=received(2026, 2, 2))
    Question.objects.filter(pk=on_time.pk).update(
        status="answered", answered_on=D(2026, 3, 20)
    )
    Question.objects.filter(pk=late.pk).update(
        status="answered", answered_on=D(2026, 3, 25)
    )
    assert Question.objects.on_time_this_month(today=D(2026, 3, 31)) == (1, 2)
    assert Question.objects.on_time_this_month(today=D(2026, 4, 1)) == (0, 0)
