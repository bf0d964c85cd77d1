"""Restoring a backup into an empty installation.

"Empty" means: the configured database has no tables, or only what
`migrate` creates by itself (migration records, content types, permissions,
the role groups) and no row anywhere else, and MEDIA_ROOT holds no file.
Every check runs on a staged copy of the archive before anything changes.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from backups import archive, database


class Refused(Exception):
    """Restoring was refused; nothing has changed. One line saying why."""


@dataclass
class Plan:
    manifest: dict
    staging: Path
    media: list

    @property
    def pending_migrations(self):
        """Migrations this code has that the backup's database had not applied."""
        done = {tuple(pair) for pair in self.manifest["migrations"]}
        return sorted(database.known_migrations() - done)


def _check_archive(path, staging):
    try:
        manifest, found = archive.unpack(path, staging)
        archive.verify(manifest, found)
    except archive.ArchiveError as exc:
        raise Refused(str(exc))
    return manifest


def _check_database(manifest):
    source, here = manifest["database"]["vendor"], database.vendor()
    if source != here:
        raise Refused(
            f"Bản sao lưu là cơ sở dữ liệu {source}, cổng này dùng {here}: "
            "không khôi phục được."
        )
    member = archive.DATABASE_MEMBERS[here]
    if manifest["database"]["member"] != member or member not in manifest["files"]:
        raise Refused("Bản sao lưu không chứa cơ sở dữ liệu.")
    saved = {tuple(pair) for pair in manifest["migrations"]}
    unknown = sorted(saved - database.known_migrations())
    if unknown:
        app, name = unknown[0]
        raise Refused(
            f"Bản sao lưu từ phiên bản mới hơn (migration {app}.{name} không có "
            "trong mã nguồn này): cập nhật mã nguồn trước khi khôi phục."
        )
    ahead = sorted(set(database.applied_migrations()) - saved)
    if ahead:
        app, name = ahead[0]
        raise Refused(
            f"Cơ sở dữ liệu đích đã chạy migration {app}.{name} mà bản sao lưu "
            "chưa có: khôi phục vào một cơ sở dữ liệu mới tạo."
        )


def _check_empty():
    tables = database.tables_with_content()
    if tables:
        raise Refused(
            f"Cơ sở dữ liệu đích không trống (bảng {tables[0]} có dữ liệu): "
            "chỉ khôi phục vào một cài đặt mới, trống."
        )
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and archive.media_files(media):
        raise Refused(
            f"Thư mục tệp tải lên {media} không trống: chỉ khôi phục vào thư mục trống."
        )


def prepare(path, staging):
    """Unpack into `staging` and run every check; a Plan, or Refused."""
    manifest = _check_archive(Path(path), Path(staging))
    database.make_reachable()
    _check_database(manifest)
    _check_empty()
    prefix = f"{archive.MEDIA}/"
    media = sorted(name for name in manifest["files"] if name.startswith(prefix))
    return Plan(manifest=manifest, staging=Path(staging), media=media)


def apply(plan):
    """Put the staged database and media files in place."""
    database.restore(plan.staging / plan.manifest["database"]["member"])
    root = Path(settings.MEDIA_ROOT)
    for member in plan.media:
        target = root / member.removeprefix(f"{archive.MEDIA}/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(plan.staging / member, target)
        target.chmod(settings.FILE_UPLOAD_PERMISSIONS or 0o644)
