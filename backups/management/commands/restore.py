import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from backups import database, restore


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu (manage.py backup) vào một cài đặt mới, trống. "
        "Kiểm tra toàn bộ tệp trước khi thay đổi bất cứ gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp sao lưu portal-….tar.gz")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Không hỏi xác nhận.",
        )

    def handle(self, *args, archive, interactive=True, **options):
        with tempfile.TemporaryDirectory(prefix="portal-restore-") as staging:
            try:
                plan = restore.prepare(archive, staging)
            except restore.Refused as exc:
                raise CommandError(str(exc))
            if interactive and not self.confirmed(plan):
                raise CommandError("Đã hủy: không thay đổi gì.")
            try:
                restore.apply(plan)
            except database.DatabaseError as exc:
                raise CommandError(f"Khôi phục thất bại: {exc}")
        self.report(plan)

    def confirmed(self, plan):
        where = connection.settings_dict["NAME"]
        question = (
            f"Khôi phục bản sao lưu lúc {plan.manifest['created']} vào cơ sở dữ "
            f"liệu {where}? Gõ 'yes' để tiếp tục: "
        )
        try:
            return input(question).strip().lower() == "yes"
        except EOFError:  # no terminal to answer from: that is not a yes
            return False

    def report(self, plan):
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {plan.manifest['created']} "
            f"(phiên bản {plan.manifest['version']}): cơ sở dữ liệu, "
            f"{len(plan.files['media'])} tệp tải lên và "
            f"{len(plan.files['files'])} tệp đính kèm."
        )
        if plan.without_attached_files:
            self.stdout.write(
                "Bản sao lưu định dạng cũ không chứa tệp đính kèm (PORTAL_FILES_ROOT): "
                "tệp của văn bản, tin bài và trang (nếu có) không được khôi phục."
            )
        if plan.pending_migrations:
            self.stdout.write(
                "Mã nguồn mới hơn bản sao lưu: chạy manage.py migrate ngay bây giờ."
            )
