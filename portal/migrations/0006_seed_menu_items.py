from django.db import migrations

from portal.menu import ensure_menu


def seed(apps, schema_editor):
    ensure_menu(apps.get_model("portal", "MenuItem"))


def unseed(apps, schema_editor):
    apps.get_model("portal", "MenuItem").objects.filter(key__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_menu_items_and_public_services")]

    operations = [migrations.RunPython(seed, unseed)]
