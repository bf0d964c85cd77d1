from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from core.attachments import connect_attachment
        from documents.models import DocumentFile
        from documents.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        connect_attachment(DocumentFile)
