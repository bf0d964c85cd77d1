"""Restoring a backup into an empty installation.

"Empty" means: the configured database has no tables, or only what
`migrate` creates by itself (migration records, content types, permissions,
the role groups) and no row anywhere else, and neither MEDIA_ROOT nor
PORTAL_FILES_ROOT holds a file.
Every check runs on a staged copy of the archive before anything changes.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from backups import archive, backup, database

# What each root's folder is called in a message.
FOLDER_NAMES = {archive.MEDIA: "tệp tải lên", archive.FILES: "tệp đính kèm"}


class Refused(Exception):
    """Restoring was refused; nothing has changed. One line saying why."""


@dataclass
class Plan:
    manifest: dict
    staging: Path
    files: dict  # {root name: [member, ...]} for every root this code knows

    @property
    def without_attached_files(self):
        """An archive from before attached files were backed up."""
        return archive.FILES not in archive.roots(self.manifest)

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
    for root, folder in backup.folders().items():
        if folder.is_dir() and archive.stored_files(folder, root):
            raise Refused(
                f"Thư mục {FOLDER_NAMES[root]} {folder} không trống: "
                "chỉ khôi phục vào thư mục trống."
            )


def prepare(path, staging):
    """Unpack into `staging` and run every check; a Plan, or Refused."""
    manifest = _check_archive(Path(path), Path(staging))
    database.make_reachable()
    _check_database(manifest)
    _check_empty()
    files = {root: _members(manifest, root) for root in archive.ROOTS}
    return Plan(manifest=manifest, staging=Path(staging), files=files)


def _members(manifest, root):
    return sorted(name for name in manifest["files"] if name.startswith(f"{root}/"))


def apply(plan):
    """Put the staged database and stored files in place."""
    database.restore(plan.staging / plan.manifest["database"]["member"])
    for root, folder in backup.folders().items():
        for member in plan.files[root]:
            target = folder / member.removeprefix(f"{root}/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(plan.staging / member, target)
            target.chmod(settings.FILE_UPLOAD_PERMISSIONS or 0o644)
