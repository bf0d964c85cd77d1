import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from stats import readership


class Command(BaseCommand):
    help = "In các trang có nhiều người đọc nhất (không qua bộ nhớ đệm)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Số ngày gần nhất.")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="In dạng JSON.")

    def handle(self, *args, **options):
        top = readership.top_paths(
            options["days"], timezone.localdate(), limit=options["limit"]
        )
        if options["json"]:
            self.stdout.write(json.dumps(dict(top)))
            return
        for path, readers in top:
            self.stdout.write(f"{readers:>8}  {path}")
