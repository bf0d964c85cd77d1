"""The optional mail telling a resident their question was answered."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from core.site import site_url

logger = logging.getLogger(__name__)


def send_answer_notice(pk):
    """Mail the answer's notice once; a mail server that fails is logged and
    tried again at the next save, never an error for staff."""
    from questions.models import Question

    question = Question.objects.select_related("topic").get(pk=pk)
    if not question.notice_due():
        return
    context = {
        "question": question,
        "status_url": site_url(question.get_status_url()),
    }
    try:
        send_mail(
            f"Câu hỏi {question.display_code} đã được trả lời",
            render_to_string("questions/answer_notice.txt", context),
            None,
            [question.email],
        )
    except Exception as exc:  # noqa: BLE001 - any mail failure is logged
        logger.warning("Answer notice for %s not sent: %s", question.pk, exc)
        return
    Question.objects.filter(pk=pk).update(notice_sent_at=timezone.now())
