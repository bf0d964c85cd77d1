"""manage.py backup: one archive with the database, every media file, every
attached file and a manifest; a local-time name in PORTAL_BACKUP_DIR; old archives pruned.

Transactional tests: pg_dump reads from its own connection, and SQLite's
backup API waits for ever on a transaction its own connection holds open.
"""

import configparser
import hashlib
import io
import json
import re
import sqlite3
import subprocess
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from backups import database
from tests.backups.sites import ROOT
from tests.documents.samples import pdf_bytes
from tests.news.factories import image_bytes, make_article

pytestmark = pytest.mark.django_db(transaction=True)
NAME = re.compile(r"portal-\d{4}-\d\d-\d\d-\d{4}(-\d+)?\.tar\.gz")


def backup(*args):
    out = io.StringIO()
    call_command("backup", *args, stdout=out)
    return out.getvalue().splitlines()


def upload(settings, path, data, root="MEDIA_ROOT"):
    target = getattr(settings, root) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def members(path):
    with tarfile.open(path) as tar:
        return {info.name: tar.extractfile(info).read() for info in tar}


def test_the_archive_holds_the_database_the_media_the_attached_files_and_a_manifest(
    settings, tmp_path
):
    logo = upload(settings, "support-units/dvc.png", image_bytes())
    photo = upload(settings, "news/2026/11/anh.png", image_bytes(color=(1, 2, 3)))
    pdf = pdf_bytes("Nghị quyết", ["Điều 1."])
    attached = upload(settings, "tep/0f3c/nghi-quyet.pdf", pdf, "PORTAL_FILES_ROOT")
    out = backup("--output", str(tmp_path / "a.tar.gz"))
    files = members(tmp_path / "a.tar.gz")
    manifest = json.loads(files.pop("manifest.json"))

    assert out[-1] == str(tmp_path / "a.tar.gz")
    assert manifest["version"] == "0.1.0"
    assert manifest["database"]["vendor"] == connection.vendor
    assert ["news", "0004_roles"] in manifest["migrations"]
    assert manifest["files"]["media/support-units/dvc.png"]["sha256"] == logo
    assert manifest["files"]["media/news/2026/11/anh.png"]["sha256"] == photo
    assert manifest["files"]["files/tep/0f3c/nghi-quyet.pdf"]["sha256"] == attached
    assert (manifest["format"], manifest["roots"]) == (2, ["media", "files"])
    assert set(manifest["files"]) == set(files)
    for name, data in files.items():
        assert manifest["files"][name]["sha256"] == hashlib.sha256(data).hexdigest()


def test_the_database_copy_holds_the_rows(tmp_path):
    make_article(title="Tin cần giữ lại")
    backup("--output", str(tmp_path / "a.tar.gz"))
    manifest = json.loads(members(tmp_path / "a.tar.gz")["manifest.json"])
    member = manifest["database"]["member"]
    with tarfile.open(tmp_path / "a.tar.gz") as tar:
        tar.extract(member, tmp_path, filter="data")
    dump = tmp_path / member
    if connection.vendor == "sqlite":
        db = sqlite3.connect(dump)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = db.execute("SELECT title FROM news_article").fetchall()
        assert titles == [("Tin cần giữ lại",)]
    else:
        listing = subprocess.run(
            ["pg_restore", "--list", str(dump)], capture_output=True, text=True
        ).stdout
        assert "TABLE DATA public news_article" in listing


def test_the_archive_is_readable_by_its_owner_only(settings, tmp_path):
    settings.PORTAL_BACKUP_DIR = tmp_path / "backups"
    path = backup()[-1]
    assert oct(tmp_path.joinpath(path).stat().st_mode & 0o777) == "0o600"


def test_by_default_it_writes_to_the_backup_dir_under_the_local_time(
    settings, tmp_path
):
    settings.PORTAL_BACKUP_DIR = tmp_path / "backups"
    before = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    path = tmp_path.joinpath(backup()[-1])
    after = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    assert path.parent == tmp_path / "backups"
    assert path.name in (f"portal-{before}.tar.gz", f"portal-{after}.tar.gz")
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_two_backups_in_one_minute_get_two_names(settings, tmp_path):
    settings.PORTAL_BACKUP_DIR = tmp_path
    first, second = backup()[-1], backup()[-1]
    assert first != second
    assert NAME.fullmatch(first.rsplit("/", 1)[1])
    assert NAME.fullmatch(second.rsplit("/", 1)[1])


def test_it_never_overwrites_a_file_named_with_output(tmp_path):
    (tmp_path / "a.tar.gz").write_bytes(b"keep me")
    with pytest.raises(CommandError, match="đã có"):
        backup("--output", str(tmp_path / "a.tar.gz"))
    assert (tmp_path / "a.tar.gz").read_bytes() == b"keep me"


def old_archives(folder, days):
    paths = [folder / f"portal-2026-01-{day:02d}-0215.tar.gz" for day in days]
    for path in paths:
        path.write_bytes(b"old")
    return paths


def test_after_a_backup_only_the_newest_archives_are_kept(settings, tmp_path):
    settings.PORTAL_BACKUP_DIR = tmp_path
    settings.PORTAL_BACKUP_KEEP = 3
    old = old_archives(tmp_path, range(1, 6))
    (tmp_path / "ghi-chu.txt").write_text("not an archive")
    out = backup()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted(
        [old[3].name, old[4].name, out[-1].rsplit("/", 1)[1], "ghi-chu.txt"]
    )
    assert len([line for line in out if line.startswith("Đã xóa")]) == 3


def test_a_failed_backup_leaves_no_file_and_prunes_nothing(
    settings, tmp_path, monkeypatch
):
    settings.PORTAL_BACKUP_DIR = tmp_path
    settings.PORTAL_BACKUP_KEEP = 1
    old_archives(tmp_path, range(1, 4))

    def broken(path):
        raise database.DatabaseError("pg_dump thất bại: thử nghiệm")

    monkeypatch.setattr(database, "dump", broken)
    with pytest.raises(CommandError, match="Sao lưu thất bại"):
        backup()
    assert len(list(tmp_path.iterdir())) == 3


def test_postgresql_tools_get_the_password_from_the_environment_only():
    argv, env = database.pg_command(
        "pg_dump",
        {"NAME": "portal", "USER": "cong", "PASSWORD": "bi-mat", "HOST": "db"},
        "--format=custom",
    )
    assert not any("bi-mat" in arg for arg in argv)
    assert env["PGPASSWORD"] == "bi-mat"
    assert (env["PGUSER"], env["PGHOST"]) == ("cong", "db")
    assert argv == ["pg_dump", "--dbname=portal", "--format=custom"]


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "deploy" / name)
    return parser


def test_the_shipped_timer_runs_the_backup_every_night_at_2_15_vietnam_time():
    timer, service = unit("portal-backup.timer"), unit("portal-backup.service")
    assert timer["Timer"]["OnCalendar"] == "*-*-* 02:15:00 Asia/Ho_Chi_Minh"
    assert timer["Timer"]["Unit"] == "portal-backup.service"
    assert service["Service"]["ExecStart"].endswith("manage.py backup")
    assert service["Service"]["UMask"] == "0077"
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"^15 2 \* \* \* .*manage\.py backup", readme, re.M)
