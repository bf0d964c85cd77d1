from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app of the portal uses; imports none of them."""

    name = "core"
    verbose_name = "Dùng chung"
