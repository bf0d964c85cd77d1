"""manage.py restore: a full round trip on SQLite and on PostgreSQL, and
every refusal leaves the target exactly as it was."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.backups.sites import checksums, manage, rows, scratch_postgres, site
from tests.news.factories import image_bytes, make_article

HOME = "from tests.backups.content import home; home()"
CREATE = "from tests.backups.content import create; create()"
EXPECTED_MODELS = {
    "auth.group",
    "auth.user",
    "news.article",
    "news.category",
    "portal.page",
    "portal.siteprofile",
    "portal.supportunit",
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
    archive = manage(source, "backup").stdout.splitlines()[-1]
    saved = rows(source)
    assert EXPECTED_MODELS <= {row["model"] for row in saved}

    manage(target, "restore", archive, "--noinput")

    assert rows(target) == saved
    media = checksums(tmp_path / "source" / "media")
    assert {"site", "support-units", "news"} <= {p.split("/")[0] for p in media}
    assert checksums(tmp_path / "target" / "media") == media
    assert manage(target, "shell", "-c", HOME).stdout == home


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
# "empty") and an empty media folder, so only the flaw named in each test can
# be what stops the restore.


@pytest.fixture
def archive(transactional_db, settings, tmp_path):
    """A good archive of an empty site with one uploaded logo.

    Transactional: SQLite's backup API waits for ever on a database its own
    connection holds in an open transaction, as pytest-django's `db` would."""
    settings.MEDIA_ROOT = tmp_path / "source-media"
    logo = settings.MEDIA_ROOT / "support-units" / "dvc.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(image_bytes())
    (tmp_path / "backups").mkdir()
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "backups"), stdout=out)
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(out.getvalue().splitlines()[-1])


def state(settings):
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    return counts, checksums(settings.MEDIA_ROOT)


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


def test_it_refuses_an_archive_whose_file_was_changed(archive, settings, tmp_path):
    def change(name, data):
        return data[:-1] + b"!" if name.startswith("media/") else data

    changed = rewrite(archive, tmp_path / "changed.tar.gz", change)
    assert_refused(changed, settings, "SHA-256")


def test_it_refuses_an_archive_missing_a_file(archive, settings, tmp_path):
    def drop_logo(name, data):
        return None if name.startswith("media/") else data

    short = rewrite(archive, tmp_path / "short.tar.gz", drop_logo)
    assert_refused(short, settings, "thiếu tệp media/support-units/dvc.png")


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
    (settings.MEDIA_ROOT / "site").mkdir(parents=True)
    (settings.MEDIA_ROOT / "site" / "logo.png").write_bytes(image_bytes())
    assert_refused(archive, settings, "không trống")


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
