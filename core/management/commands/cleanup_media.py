"""Find (and with --delete, remove) media files nothing refers to any more:
uploads of a form whose save failed, photos uploaded into a body that was
never saved, renditions of deleted images."""

import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models

from core.images import RENDITIONS, rendition_name


def referenced_names():
    """Storage names that some row uses: a file or image field's value, its
    renditions, or a /media/ address inside any text (article bodies)."""
    names, texts = set(), []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                rows = model._default_manager.exclude(**{field.name: ""})
                names.update(rows.values_list(field.name, flat=True).iterator())
            elif isinstance(field, models.TextField | models.CharField):
                lookup = {f"{field.name}__contains": settings.MEDIA_URL}
                rows = model._default_manager.filter(**lookup)
                texts.extend(rows.values_list(field.name, flat=True).iterator())
    for name in list(names):
        names.update(rendition_name(name, purpose) for purpose in RENDITIONS)
    return names, "\n".join(texts)


class Command(BaseCommand):
    help = "Lists media files no row refers to; --delete removes them."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true")
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=24,
            help="Leave younger files alone: a photo may be uploaded into a "
            "body that is still being written.",
        )

    def handle(self, *args, **options):
        root = Path(settings.MEDIA_ROOT)
        names, texts = referenced_names()
        cutoff = time.time() - options["older_than_hours"] * 3600
        orphans = []
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            url = f"{settings.MEDIA_URL}{name}"
            if name in names or url in texts or path.stat().st_mtime > cutoff:
                continue
            orphans.append(path)
            self.stdout.write(name)
            if options["delete"]:
                path.unlink()
        verb = "Đã xóa" if options["delete"] else "Tìm thấy"
        self.stdout.write(f"{verb} {len(orphans)} tệp không còn dùng.")
