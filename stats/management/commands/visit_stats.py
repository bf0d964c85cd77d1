import json

from django.core.management.base import BaseCommand

from stats import figures


class Command(BaseCommand):
    help = "In số liệu truy cập hiện có (không qua bộ nhớ đệm)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="In dạng JSON.")

    def handle(self, *args, **options):
        data = figures.compute()
        if options["json"]:
            self.stdout.write(json.dumps(data))
            return
        self.stdout.write(
            f"Truy cập tổng: {data['total']}\n"
            f"Truy cập hiện tại: {data['current']}\n"
            f"Hôm nay: {data['today']}"
        )
