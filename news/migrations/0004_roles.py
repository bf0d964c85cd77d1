"""The two newsroom roles as groups.

"Biên tập viên" (writers) write articles and send them for approval;
"Người duyệt tin" (approvers) may also publish them (news.publish_article).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = "Biên tập viên"
APPROVERS = "Người duyệt tin"
WRITER_PERMISSIONS = ["add_article", "change_article", "view_article", "view_category"]
APPROVER_PERMISSIONS = WRITER_PERMISSIONS + [
    "delete_article",
    "publish_article",
    "add_category",
    "change_category",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist.
    config = apps.get_app_config("news")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((WRITERS, WRITER_PERMISSIONS), (APPROVERS, APPROVER_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="news", codename__in=codenames
            )
        )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[WRITERS, APPROVERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_article_featured_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
