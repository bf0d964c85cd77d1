from django.core.management.base import BaseCommand
from django.utils import timezone

from stats.stores import get_store


class Command(BaseCommand):
    help = (
        "Xóa các khách không còn truy cập gần đây. Không bắt buộc: trang web "
        "tự dọn dần khi đếm lượt truy cập."
    )

    def handle(self, *args, **options):
        removed = get_store().purge(timezone.now())
        self.stdout.write(f"Đã xóa {removed} khách cũ.")
