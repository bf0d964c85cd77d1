from django.db import migrations

TYPES = [
    ("Nghị quyết", "nghi-quyet"),
    ("Quyết định", "quyet-dinh"),
    ("Kế hoạch", "ke-hoach"),
    ("Thông báo", "thong-bao"),
    ("Công văn", "cong-van"),
    ("Báo cáo", "bao-cao"),
    ("Hướng dẫn", "huong-dan"),
    ("Tài liệu sinh hoạt chi bộ", "tai-lieu-sinh-hoat-chi-bo"),
]


def add_types(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for order, (name, slug) in enumerate(TYPES):
        DocumentType.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
