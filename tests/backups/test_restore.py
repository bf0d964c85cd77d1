"""manage.py restore: a full round trip on SQLite and on PostgreSQL, and
every refusal leaves the target exactly as it was."""

import contextlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.backups.sites import checksums, manage, rows, scratch_postgres, site
from tests.documents.samples import pdf_bytes
from tests.news.factories import image_bytes, make_article

HOME = "from tests.backups.content import home; home()"
CREATE = "from tests.backups.content import create; create()"
DOWNLOADS = "from tests.backups.content import downloads; downloads()"
EXPECTED_MODELS = {
    "auth.group",
    "auth.user",
    "documents.document",
    "documents.documentfile",
    "news.article",
    "news.articleattachment",
    "news.category",
    "portal.page",
    "portal.pageattachment",
    "portal.siteprofile",
    "portal.supportunit",
    "questions.question",
    "questions.topic",
    "stats.dailyvisits",
    "stats.statssettings",
}


def round_trip(tmp_path, source_url, target_url, migrated_target):
    """Back up a site full of content and restore it into a fresh one: a
    database with no table at all, or one just migrated, with no content."""
    source = site(tmp_path / "source", source_url)
    target = site(tmp_path / "target", target_url)
    manage(source, "migrate", "--noinput", "-v0")
    if migrated_target:
        manage(target, "migrate", "--noinput", "-v0")
    manage(source, "shell", "-c", CREATE)
    home = manage(source, "shell", "-c", HOME).stdout
    assert "Phường ra quân làm sạch kênh Ba Bò" in home
    downloads = manage(source, "shell", "-v0", "-c", DOWNLOADS).stdout
    assert len(downloads.splitlines()) == 3
    archive = manage(source, "backup").stdout.splitlines()[-1]
    saved = rows(source)
    assert EXPECTED_MODELS <= {row["model"] for row in saved}

    manage(target, "restore", archive, "--noinput")

    assert rows(target) == saved
    media = checksums(tmp_path / "source" / "media")
    assert {"site", "support-units", "news"} <= {p.split("/")[0] for p in media}
    assert checksums(tmp_path / "target" / "media") == media
    files = checksums(tmp_path / "source" / "files")
    assert len(files) == 3 and all(path.startswith("tep/") for path in files)
    assert checksums(tmp_path / "target" / "files") == files
    assert manage(target, "shell", "-c", HOME).stdout == home
    assert manage(target, "shell", "-v0", "-c", DOWNLOADS).stdout == downloads


@pytest.mark.parametrize("migrated_target", [False, True], ids=["new", "migrated"])
def test_a_sqlite_site_comes_back_row_for_row_file_for_file(tmp_path, migrated_target):
    # A new site's folder may not exist yet: restore makes it, migrate not.
    if migrated_target:
        (tmp_path / "fresh").mkdir()
    round_trip(
        tmp_path,
        f"sqlite:///{tmp_path / 'source.sqlite3'}",
        f"sqlite:///{tmp_path / 'fresh' / 'target.sqlite3'}",
        migrated_target,
    )


@pytest.mark.postgres
@pytest.mark.parametrize("migrated_target", [False, True], ids=["new", "migrated"])
def test_a_postgresql_site_comes_back_row_for_row_file_for_file(
    tmp_path, migrated_target
):
    with scratch_postgres("source") as source, scratch_postgres("restore") as target:
        round_trip(tmp_path, source, target, migrated_target)


# Refusals. The target is this test's own database (migrated, no content:
# "empty") and empty media and files folders, so only the flaw named in each
# test can be what stops the restore.

ATTACHED = "tep/0f3c/nghi-quyet.pdf"


def put(folder, path, data):
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


@pytest.fixture
def archive(transactional_db, settings, tmp_path):
    """A good archive of an empty site with one uploaded logo and one
    attached file.

    Transactional: SQLite's backup API waits for ever on a database its own
    connection holds in an open transaction, as pytest-django's `db` would."""
    settings.MEDIA_ROOT = tmp_path / "source-media"
    settings.PORTAL_FILES_ROOT = tmp_path / "source-files"
    put(settings.MEDIA_ROOT, "support-units/dvc.png", image_bytes())
    put(settings.PORTAL_FILES_ROOT, ATTACHED, pdf_bytes("Nghị quyết", ["Điều 1."]))
    (tmp_path / "backups").mkdir()
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PORTAL_FILES_ROOT = tmp_path / "files"
    return Path(out.getvalue().splitlines()[-1])


def state(settings):
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    return counts, checksums(settings.MEDIA_ROOT), checksums(settings.PORTAL_FILES_ROOT)


def assert_refused(path, settings, match):
    before = state(settings)
    with pytest.raises(CommandError, match=match) as refusal:
        call_command("restore", str(path), "--noinput")
    assert "\n" not in str(refusal.value)
    assert state(settings) == before


def rewrite(source, target, change):
    """Copy an archive member by member; change(name, data) returns new data."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for info in old:
            data = change(info.name, old.extractfile(info).read())
            if data is None:
                continue
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def edit_manifest(edit):
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return change


def test_it_refuses_a_truncated_archive(archive, settings, tmp_path):
    cut = tmp_path / "cut.tar.gz"
    data = archive.read_bytes()
    for size in (len(data) // 2, len(data) - 5):
        cut.write_bytes(data[:size])
        assert_refused(cut, settings, "cắt cụt")


@pytest.mark.parametrize("root", ["media", "files"])
def test_it_refuses_an_archive_whose_file_was_changed(
    archive, settings, tmp_path, root
):
    def change(name, data):
        return data[:-1] + b"!" if name.startswith(f"{root}/") else data

    changed = rewrite(archive, tmp_path / "changed.tar.gz", change)
    assert_refused(changed, settings, "SHA-256")


@pytest.mark.parametrize("member", ["media/support-units/dvc.png", f"files/{ATTACHED}"])
def test_it_refuses_an_archive_missing_a_file(archive, settings, tmp_path, member):
    def drop(name, data):
        return None if name == member else data

    short = rewrite(archive, tmp_path / "short.tar.gz", drop)
    assert_refused(short, settings, f"thiếu tệp {member}")


def test_it_refuses_a_manifest_naming_a_folder_this_code_does_not_know(
    archive, settings, tmp_path
):
    def unknown(manifest):
        manifest["roots"].append("khac")

    odd = rewrite(archive, tmp_path / "odd.tar.gz", edit_manifest(unknown))
    assert_refused(odd, settings, "không đúng định dạng")


def test_it_refuses_an_archive_from_a_newer_migration_state(
    archive, settings, tmp_path
):
    def newer(manifest):
        manifest["migrations"].append(["news", "9999_tu_tuong_lai"])

    future = rewrite(archive, tmp_path / "future.tar.gz", edit_manifest(newer))
    assert_refused(future, settings, "news.9999_tu_tuong_lai")


def test_it_refuses_a_target_migrated_further_than_the_backup(
    archive, settings, tmp_path
):
    def older(manifest):
        manifest["migrations"].remove(["news", "0004_roles"])

    old = rewrite(archive, tmp_path / "old.tar.gz", edit_manifest(older))
    assert_refused(old, settings, "news.0004_roles")


def test_it_refuses_a_database_of_the_other_kind(archive, settings, tmp_path):
    def other(manifest):
        vendor = manifest["database"]["vendor"]
        manifest["database"]["vendor"] = (
            "sqlite" if vendor == "postgresql" else "postgresql"
        )

    other_kind = rewrite(archive, tmp_path / "other.tar.gz", edit_manifest(other))
    assert_refused(other_kind, settings, "không khôi phục được")


def test_it_refuses_a_member_that_would_land_outside_the_media_folder(
    transactional_db, settings, tmp_path
):
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        info = tarfile.TarInfo("media/../../outside.txt")
        info.size = 3
        tar.addfile(info, io.BytesIO(b"bad"))
    assert_refused(evil, settings, "mục lạ")
    assert not (tmp_path / "outside.txt").exists()


def test_it_refuses_to_restore_into_a_database_with_content(archive, settings):
    make_article(title="Tin đã có trên cổng mới")
    assert_refused(archive, settings, "không trống")


def test_it_refuses_to_restore_into_a_media_folder_with_files(archive, settings):
    put(settings.MEDIA_ROOT, "site/logo.png", image_bytes())
    assert_refused(archive, settings, "tệp tải lên .* không trống")


def test_it_refuses_to_restore_into_a_files_folder_with_files(archive, settings):
    put(
        settings.PORTAL_FILES_ROOT,
        "tep/9a9a/bien-ban.pdf",
        pdf_bytes("Biên bản", ["Họp tổ dân phố."]),
    )
    assert_refused(archive, settings, "tệp đính kèm .* không trống")


def test_without_noinput_it_asks_first_and_a_no_changes_nothing(
    archive, settings, monkeypatch
):
    questions = []
    monkeypatch.setattr("builtins.input", lambda q: questions.append(q) or "no")
    before = state(settings)
    with pytest.raises(CommandError, match="Đã hủy"):
        call_command("restore", str(archive))
    assert "yes" in questions[0]
    assert state(settings) == before


def test_a_refusal_is_one_line_on_stderr_and_a_failing_exit(archive, tmp_path):
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(archive.read_bytes()[:100])
    env = site(tmp_path / "fresh", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    done = manage(env, "restore", str(cut), "--noinput", check=False)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "cắt cụt" in done.stderr
    assert not (tmp_path / "fresh" / "media").exists()


def test_without_a_terminal_to_answer_it_restores_nothing(
    archive, settings, monkeypatch
):
    def no_terminal(question):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    before = state(settings)
    with pytest.raises(CommandError, match="Đã hủy"):
        call_command("restore", str(archive))
    assert state(settings) == before


@contextlib.contextmanager
def fresh_database(tmp_path):
    """A new database of this test run's kind, for a restore that succeeds."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        with scratch_postgres("fresh") as url:
            yield url


def test_a_fresh_site_gets_the_media_and_the_attached_files(archive, tmp_path):
    with fresh_database(tmp_path) as url:
        env = site(tmp_path / "fresh", url)
        done = manage(env, "restore", str(archive), "--noinput")
    assert "1 tệp tải lên và 1 tệp đính kèm" in done.stdout
    assert "định dạng cũ" not in done.stdout
    media, files = tmp_path / "fresh" / "media", tmp_path / "fresh" / "files"
    assert checksums(media) == checksums(tmp_path / "source-media")
    assert checksums(files) == checksums(tmp_path / "source-files")
    assert list(checksums(files)) == [ATTACHED]


def first_format(name, data):
    """The archive as the code before attached files wrote it."""
    if name.startswith("files/"):
        return None
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    del manifest["roots"]
    manifest["format"] = 1
    manifest["files"] = {
        member: entry
        for member, entry in manifest["files"].items()
        if not member.startswith("files/")
    }
    return json.dumps(manifest).encode()


def test_an_archive_of_the_first_format_restores_its_media_and_says_what_is_missing(
    archive, tmp_path
):
    old = rewrite(archive, tmp_path / "old.tar.gz", first_format)
    with fresh_database(tmp_path) as url:
        env = site(tmp_path / "fresh", url)
        done = manage(env, "restore", str(old), "--noinput")
    assert "1 tệp tải lên và 0 tệp đính kèm" in done.stdout
    assert "định dạng cũ không chứa tệp đính kèm" in done.stdout
    media = checksums(tmp_path / "fresh" / "media")
    assert media == checksums(tmp_path / "source-media")
    assert not (tmp_path / "fresh" / "files").exists()
