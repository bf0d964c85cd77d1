"""Making a backup: where it goes, what the manifest says, which old ones go.

The archive layout is described in backups/archive.py.
"""

import os
import re
import tempfile
import tomllib
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from backups import archive, database

NAME_FORMAT = "portal-%Y-%m-%d-%H%M"
SUFFIX = ".tar.gz"
# portal-2026-11-30-0215.tar.gz, and portal-2026-11-30-0215-2.tar.gz for a
# second one within the same minute.
NAME_PATTERN = re.compile(r"portal-(\d{4}-\d\d-\d\d-\d{4})(?:-(\d+))?\.tar\.gz")


def project():
    """(name, version) from pyproject.toml."""
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
        data = tomllib.load(file)["project"]
    return data["name"], data["version"]


def folders():
    """{root name: folder} of every kind of stored file (archive.ROOTS)."""
    return {
        archive.MEDIA: Path(settings.MEDIA_ROOT),
        archive.FILES: Path(settings.PORTAL_FILES_ROOT),
    }


def manifest():
    """Everything the manifest says except the file list."""
    name, version = project()
    vendor = database.vendor()
    return {
        "format": archive.FORMAT,
        "created": timezone.localtime().isoformat(timespec="seconds"),
        "project": name,
        "version": version,
        "database": {"vendor": vendor, "member": archive.DATABASE_MEMBERS[vendor]},
        "migrations": [list(pair) for pair in database.applied_migrations()],
    }


def new_path(output=None):
    """The archive to write: --output as a file, or a new name in a folder."""
    if output and not Path(output).is_dir():
        path = Path(output).absolute()
        if path.exists():
            raise FileExistsError(f"Tệp {path} đã có; chọn tên khác.")
        return path
    folder = Path(output or settings.PORTAL_BACKUP_DIR).absolute()
    stem = timezone.localtime().strftime(NAME_FORMAT)
    path, number = folder / f"{stem}{SUFFIX}", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{SUFFIX}"
    return path


def create(path):
    """Write a full backup to `path`, atomically: a failure leaves no file."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        # The database first, the files after: a photo uploaded meanwhile is
        # still in the archive, so no restored row points to a missing file.
        dump = Path(work) / "database"
        database.dump(dump)
        try:
            archive.write(partial, dump, manifest(), folders())
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return path


def _order(path):
    found = NAME_PATTERN.fullmatch(path.name)
    return (found.group(1), int(found.group(2) or 1))


def prune(folder, keep):
    """Delete all but the newest `keep` archives named like ours in `folder`."""
    ours = [p for p in Path(folder).iterdir() if NAME_PATTERN.fullmatch(p.name)]
    old = sorted(ours, key=_order, reverse=True)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return sorted(old)
