from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ScheduleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "schedule"
    verbose_name = "Lịch công tác"

    def ready(self):
        from core.pagecache import bump_on_change, register_next_change
        from schedule.models import Entry
        from schedule.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        # The week pages, the feed and the site maps show entries: a change
        # shows at once; an approved entry scheduled for later, when it is due.
        bump_on_change(Entry)
        register_next_change(Entry.objects.next_publication)
        register_next_change(next_week_starts)


def next_week_starts():
    """/lich-cong-tac/ turns to the next week at local midnight on Monday."""
    import datetime

    from core.dates import local_midnight
    from schedule.weeks import Week

    return local_midnight(Week.current().monday + datetime.timedelta(days=7))
