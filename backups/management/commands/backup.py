from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups import archive, backup, database


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu, mọi tệp tải lên và tệp đính kèm vào một tệp "
        ".tar.gz, rồi xóa các bản cũ quá PORTAL_BACKUP_KEEP. Dòng cuối in "
        "đường dẫn tệp sao lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Tệp sao lưu cần tạo, hoặc thư mục để đặt nó "
            "(mặc định PORTAL_BACKUP_DIR).",
        )

    def handle(self, *args, output=None, **options):
        try:
            path = backup.new_path(output)
            backup.create(path)
        except (OSError, database.DatabaseError, archive.ArchiveError) as exc:
            raise CommandError(f"Sao lưu thất bại, không tạo tệp nào: {exc}")
        for old in backup.prune(path.parent, settings.PORTAL_BACKUP_KEEP):
            self.stdout.write(f"Đã xóa bản sao lưu cũ: {old}")
        self.stdout.write(str(path))
