"""The model base every app's content builds on."""

from django.db import models

from core.sanitize import sanitize_html
from core.text import clean_text, slugify_vi


class CleanTextModel(models.Model):
    """Normalises text on save, so no model keeps its own list to drift.

    Every editable text field (CharField, TextField and their kin) is stored
    NFC, without control characters (core.text.clean_text) and stripped; the
    fields named in ``html_fields`` are rich text and are sanitized with the
    allowlist too. A model with ``slug_source``
    gets a unique slug from that field when its slug is left blank.
    """

    html_fields = ()
    slug_source = None
    slug_fallback = "muc"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text()
        if self.slug_source and not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)

    def normalize_text(self):
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if not field.editable or not isinstance(value, str):
                continue
            if field.name in self.html_fields:
                setattr(self, field.attname, sanitize_html(clean_text(value)))
            elif isinstance(field, models.TextField):
                setattr(self, field.attname, clean_text(value).strip())
            elif isinstance(field, models.CharField):
                setattr(self, field.attname, clean_text(value, False).strip())


def unique_slug(instance, text, field_name="slug"):
    """A slug from text that no other row of the model has: "thong-bao",
    then "thong-bao-2", "thong-bao-3"…"""
    field = instance._meta.get_field(field_name)
    # Room for a "-NNN" suffix within the column.
    base = slugify_vi(text, field.max_length - 6) or instance.slug_fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(
        others.filter(**{f"{field_name}__startswith": base}).values_list(
            field_name, flat=True
        )
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
