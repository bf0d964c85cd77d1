"""Erase personal data kept longer than its retention period.

Any app plugs in by giving its AppConfig a `purge_personal_data(now)` method
that erases or anonymises what is due and returns how many rows it changed.
Run by the backup timer (deploy/portal-backup.service) every night.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Erase personal data past its retention period, in every app that keeps some."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        for config in apps.get_app_configs():
            purge = getattr(config, "purge_personal_data", None)
            if callable(purge):
                count = purge(now)
                self.stdout.write(f"{config.label}: {count}")
