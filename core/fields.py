from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.db.models.signals import post_delete

from core.images import (
    delete_with_renditions,
    make_renditions,
    validate_image,
    without_metadata,
)


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every way a file gets stored (a form, the admin, code) passes here.
        content = ContentFile(without_metadata(content), name=name)
        super().save(name, content, save)
        self._file = None  # read the renditions' source back from storage
        # Made now, so that no reader waits for them.
        make_renditions(self, self.field.renditions)


class CleanImageField(models.ImageField):
    """An image field whose uploads are checked (every pixel decoded), stored
    without metadata, and removed with their renditions when the row is
    deleted. Every photo or logo staff upload goes through one."""

    attr_class = CleanImageFieldFile
    default_validators = [validate_image]

    def __init__(self, *args, renditions=(), **kwargs):
        self.renditions = renditions  # the purposes pages show it for
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            post_delete.connect(self._delete_file, sender=cls, weak=False)

    def _delete_file(self, sender, instance, **kwargs):
        file = getattr(instance, self.attname)
        if file:
            delete_with_renditions(file.name)
