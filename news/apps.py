from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from core.attachments import connect_attachment
        from news.models import ArticleAttachment
        from news.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        connect_attachment(ArticleAttachment)
