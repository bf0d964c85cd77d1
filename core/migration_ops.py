"""Operations that several apps' data migrations share."""

from django.db import migrations, models

from core.text import clean_text


def clean_stored_text(app_label, *model_names):
    """A RunPython that passes every stored text through clean_text(), as
    CleanTextModel does on save: rows saved before it may hold control
    characters that break feeds."""

    def forwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            fields = [
                f
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField) and f.editable
            ]
            for row in model.objects.using(schema_editor.connection.alias).iterator():
                changed = []
                for field in fields:
                    value = getattr(row, field.attname)
                    if not isinstance(value, str):
                        continue
                    multiline = isinstance(field, models.TextField)
                    clean = clean_text(value, multiline)
                    if clean != value:
                        setattr(row, field.attname, clean)
                        changed.append(field.attname)
                if changed:
                    row.save(update_fields=changed)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
