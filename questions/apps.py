import datetime

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


class QuestionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "questions"
    verbose_name = "Hỏi đáp"

    def ready(self):
        from questions.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        post_migrate.connect(_ensure_topics, sender=self)

    def purge_personal_data(self, now):
        """Erase the name, contact and address of questions closed more than
        QUESTIONS_RETENTION_DAYS ago (manage.py purge_personal_data). The
        question, its answer and its dates stay; so do open questions."""
        from questions.models import Question

        cutoff = now - datetime.timedelta(days=settings.QUESTIONS_RETENTION_DAYS)
        return Question.objects.filter(
            closed_at__lt=cutoff, personal_data_erased_at__isnull=True
        ).update(
            name="",
            phone="",
            email="",
            address="",
            sender_key="",
            wants_notice=False,
            personal_data_erased_at=now,
        )


def _ensure_topics(**kwargs):
    from questions.defaults import ensure_topics
    from questions.models import Topic

    if not Topic.objects.exists():
        ensure_topics(Topic)
