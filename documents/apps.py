from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate


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
        post_delete.connect(_forget_file_text, sender=DocumentFile)

    def purge_personal_data(self, now):
        """Called by manage.py purge_personal_data: {what: rows erased}."""
        from documents.privacy import purge_personal_data

        return purge_personal_data(now)

    def personal_data_of(self, contact):
        """The comments on drafts a person (by email or phone) sent."""
        from documents.privacy import personal_data_of

        return personal_data_of(contact)


def _forget_file_text(sender, instance, **kwargs):
    from documents.models import Document

    document = Document.objects.filter(pk=instance.document_id).first()
    if document:
        document.reindex()
