"""Make every missing rendition of every stored image, e.g. at deploy, so
that no reader waits for one (new uploads get theirs when saved)."""

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from core.fields import CleanImageField
from core.images import make_rendition, rendition_name


class Command(BaseCommand):
    help = "Makes the missing renditions of every stored image."

    def handle(self, *args, **options):
        made = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, CleanImageField) and field.renditions:
                    made += self.make_missing(model, field)
        self.stdout.write(f"Đã tạo {made} bản ảnh.")

    def make_missing(self, model, field):
        made = 0
        for row in model._default_manager.exclude(**{field.name: ""}).iterator():
            image = getattr(row, field.attname)
            for purpose in field.renditions:
                if not default_storage.exists(rendition_name(image.name, purpose)):
                    make_rendition(image, purpose)
                    made += 1
        return made
