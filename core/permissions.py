"""Django names its default permissions in English ("Can add article") and
stores the names in the database, out of reach of the translation catalogue.
After every migrate they are renamed in Vietnamese."""

from django.utils import translation

ACTIONS = {"add": "thêm", "change": "sửa", "delete": "xóa", "view": "xem"}


def vietnamese_name(codename, model):
    action = codename.split("_", 1)[0]
    if action not in ACTIONS or model is None:
        return None
    with translation.override("vi"):
        return f"Có thể {ACTIONS[action]} {model._meta.verbose_name}"[:255]


def name_permissions_in_vietnamese(using="default", **kwargs):
    from django.contrib.auth.models import Permission

    english = Permission.objects.using(using).filter(name__startswith="Can ")
    for permission in english.select_related("content_type"):
        model = permission.content_type.model_class()
        name = vietnamese_name(permission.codename, model)
        if name:
            permission.name = name
            permission.save(update_fields=["name"])
