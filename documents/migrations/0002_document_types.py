from django.db import migrations

from documents.defaults import ensure_types


def add_types(apps, schema_editor):
    ensure_types(apps.get_model("documents", "DocumentType"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
