"""manage.py purge_personal_data: the name, contact and address of questions
closed longer ago than QUESTIONS_RETENTION_DAYS are erased; the questions,
answers and everything else stay."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from questions.models import Question
from tests.questions.factories import EMAIL, NAME, make_question

pytestmark = pytest.mark.django_db


def closed_days_ago(question, days):
    Question.objects.filter(pk=question.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=days)
    )


def purge():
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def test_it_erases_the_personal_data_of_questions_closed_long_ago(settings):
    settings.QUESTIONS_RETENTION_DAYS = 365
    old = make_question(answered=True, public=True, wants_notice=True)
    closed_days_ago(old, 400)
    before = Question.objects.get(pk=old.pk)
    assert "questions: 1" in purge()
    after = Question.objects.get(pk=old.pk)
    assert (after.name, after.phone, after.email, after.address) == ("", "", "", "")
    assert after.sender_key == "" and not after.wants_notice
    assert after.personal_data_erased_at
    for field in (
        "code",
        "title",
        "body",
        "answer",
        "status",
        "received_at",
        "due_on",
        "answered_at",
        "is_public",
        "topic_id",
    ):
        assert getattr(after, field) == getattr(before, field), field


def test_it_leaves_recent_and_open_questions_alone(settings):
    settings.QUESTIONS_RETENTION_DAYS = 365
    recent = make_question(answered=True)
    closed_days_ago(recent, 300)
    still_open = make_question(ago=800)
    assert "questions: 0" in purge()
    for question in (recent, still_open):
        question.refresh_from_db()
        assert question.name == NAME and question.email == EMAIL
        assert question.personal_data_erased_at is None


def test_the_retention_is_a_setting(settings):
    settings.QUESTIONS_RETENTION_DAYS = 30
    question = make_question(answered=True)
    closed_days_ago(question, 31)
    assert "questions: 1" in purge()


def test_a_second_run_changes_nothing(settings):
    question = make_question(answered=True)
    closed_days_ago(question, 1000)
    purge()
    assert "questions: 0" in purge()


def test_the_backup_timer_runs_it_after_the_backup():
    from tests.backups.test_backup import unit

    service = unit("portal-backup.service")["Service"]
    assert service["ExecStartPost"].endswith("manage.py purge_personal_data")
