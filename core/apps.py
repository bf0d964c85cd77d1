from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every app of the portal uses; imports none of them."""

    name = "core"
    verbose_name = "Dùng chung"

    def ready(self):
        from core.permissions import name_permissions_in_vietnamese

        # After auth's own handler has made each app's permissions.
        post_migrate.connect(
            name_permissions_in_vietnamese, dispatch_uid="core-permissions-vi"
        )
