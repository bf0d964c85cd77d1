"""One backup archive: the database, every stored file and a manifest.

Layout of ``portal-YYYY-MM-DD-HHMM.tar.gz`` (a gzip-compressed tar, mode 0600)::

    database.pgdump    PostgreSQL: pg_dump --format=custom
    database.sqlite3   or SQLite: a copy made with the online backup API
    media/<path>       every regular file under MEDIA_ROOT, at its relative path
    files/<path>       every regular file under PORTAL_FILES_ROOT (the files
                       attached to documents, articles and pages)
    manifest.json      always the last member

Each folder of stored files is a named root (ROOTS); the settings naming
their folders are in backups/backup.py.

manifest.json::

    {"format": 2,
     "created": "2026-11-30T02:15:03+07:00",
     "project": "ward-news-portal", "version": "0.1.0",
     "database": {"vendor": "postgresql", "member": "database.pgdump"},
     "migrations": [["admin", "0001_initial"], ...],
     "roots": ["media", "files"],
     "files": {"database.pgdump": {"size": 81234, "sha256": "…"},
               "media/site/logo.png": {"size": 2345, "sha256": "…"},
               "files/tep/3f…/nghi-quyet.pdf": {"size": 51234, "sha256": "…"}}}

Format 1 (before attached files were backed up) has no "roots" and only
"media/" members; it is still read, as an archive of the media root alone.

The manifest comes last because its checksums are those of the bytes actually
written into the archive, hashed while they are written (a photo replaced
during the backup cannot make the two disagree). A reader therefore unpacks
everything into a staging folder, hashing as it goes, and compares the result
with the manifest before anything in the installation is touched.
"""

import gzip
import hashlib
import io
import json
import os
import stat
import tarfile
import time
import zlib
from pathlib import Path, PurePosixPath

FORMAT = 2
READABLE_FORMATS = (1, FORMAT)
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
MEDIA = "media"
FILES = "files"
ROOTS = (MEDIA, FILES)
CHUNK = 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be trusted; the message says why, in one line."""


class _HashingReader:
    """Hands tarfile the bytes of a file and hashes exactly those bytes."""

    def __init__(self, file):
        self.file = file
        self.hash = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.hash.update(data)
        return data


def stored_files(folder, root):
    """(path, member name) of every regular file under folder, sorted; the
    member names start with the root's name."""
    folder = Path(folder)
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            path = Path(parent) / name
            if stat.S_ISREG(path.lstat().st_mode):
                found.append((path, f"{root}/{path.relative_to(folder).as_posix()}"))
    return sorted(found, key=lambda pair: pair[1])


def _add_file(tar, path, member):
    """Add one file; its size and SHA-256, or None if it vanished meanwhile."""
    try:
        file = open(path, "rb")
    except FileNotFoundError:
        return None
    with file:
        info = tar.gettarinfo(arcname=member, fileobj=file)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(file)
        tar.addfile(info, reader)
    return {"size": info.size, "sha256": reader.hash.hexdigest()}


def _add_bytes(tar, member, data):
    info = tarfile.TarInfo(member)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def write(path, database_file, manifest, folders):
    """Write the archive to a new file at `path` (mode 0600); fsync it.
    folders: {root name: folder} of the stored files."""
    member = manifest["database"]["member"]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
            files = {member: _add_file(tar, database_file, member)}
            for root, folder in folders.items():
                for source, name in stored_files(folder, root):
                    entry = _add_file(tar, source, name)
                    if entry:
                        files[name] = entry
            manifest = {**manifest, "roots": list(folders), "files": files}
            text = json.dumps(manifest, ensure_ascii=False, indent=1)
            _add_bytes(tar, MANIFEST, text.encode())
        raw.flush()
        os.fsync(raw.fileno())
    return manifest


def _safe_name(info):
    """Refuse anything but a regular file at a plain relative path."""
    name = info.name
    path = PurePosixPath(name)
    plain = (
        name == path.as_posix()
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
    )
    expected = name == MANIFEST or name in DATABASE_MEMBERS.values()
    expected = expected or (len(path.parts) > 1 and path.parts[0] in ROOTS)
    if not (plain and expected and info.isreg()):
        raise ArchiveError(f"Bản sao lưu có mục lạ, không khôi phục: {name!r}.")
    return name


def _extract(tar, info, staging):
    """Copy one member into the staging folder; its size and SHA-256."""
    target = staging / info.name
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    source = tar.extractfile(info)
    with open(target, "xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    os.utime(target, (info.mtime, info.mtime))
    return {"size": size, "sha256": digest.hexdigest()}


def _read_manifest(tar, info):
    data = tar.extractfile(info).read(MAX_MANIFEST_BYTES + 1)
    try:
        manifest = json.loads(data)
    except ValueError:
        raise ArchiveError("manifest.json của bản sao lưu không đọc được.")
    if not _well_formed(manifest):
        raise ArchiveError("manifest.json không đúng định dạng bản sao lưu của cổng.")
    return manifest


def roots(manifest):
    """The roots an archive holds the files of (format 1: the media only)."""
    return [MEDIA] if manifest["format"] == 1 else manifest.get("roots")


def _well_formed(manifest):
    if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
        return False
    db, migrations = manifest.get("database"), manifest.get("migrations")
    return (
        isinstance(db, dict)
        and db.get("member") in DATABASE_MEMBERS.values()
        and isinstance(db.get("vendor"), str)
        and isinstance(manifest.get("files"), dict)
        and _known_roots(roots(manifest), manifest["files"], db["member"])
        and isinstance(migrations, list)
        and all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            for pair in migrations
        )
    )


def _known_roots(names, files, database_member):
    """Roots this code knows, and each listed file in one of them."""
    if not isinstance(names, list) or not set(names) <= set(ROOTS):
        return False
    prefixes = tuple(f"{name}/" for name in names)
    return all(name == database_member or name.startswith(prefixes) for name in files)


def _unpack_members(tar, staging):
    manifest, found = None, {}
    for info in tar:
        name = _safe_name(info)
        if name in found or (name == MANIFEST and manifest):
            raise ArchiveError(f"Bản sao lưu có mục trùng tên: {name!r}.")
        if name == MANIFEST:
            manifest = _read_manifest(tar, info)
        else:
            found[name] = _extract(tar, info, staging)
    return manifest, found


def unpack(path, staging):
    """Unpack the archive into `staging`, hashing every member as it comes.

    Returns (manifest, {member: {"size", "sha256"}}). A truncated or
    unreadable archive raises ArchiveError.
    """
    try:
        with gzip.open(path, "rb") as stream:
            with tarfile.open(fileobj=stream, mode="r|") as tar:
                manifest, found = _unpack_members(tar, Path(staging))
            # Read to the end, so that a missing gzip trailer is noticed too.
            while stream.read(CHUNK):
                pass
    except FileNotFoundError:
        raise ArchiveError(f"Không tìm thấy tệp sao lưu {path}.")
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ArchiveError(
            f"Bản sao lưu bị cắt cụt hoặc hỏng, không khôi phục ({exc})."
        )
    if manifest is None:
        raise ArchiveError("Bản sao lưu không có manifest.json: thiếu hoặc bị cắt cụt.")
    return manifest, found


def verify(manifest, found):
    """Every member listed in the manifest is there, unchanged; nothing else."""
    listed = manifest["files"]
    missing = sorted(set(listed) - set(found))
    if missing:
        raise ArchiveError(f"Bản sao lưu thiếu tệp {missing[0]} (có thể bị cắt cụt).")
    extra = sorted(set(found) - set(listed))
    if extra:
        raise ArchiveError(f"Bản sao lưu có tệp không ghi trong manifest: {extra[0]}.")
    for name in sorted(listed):
        if listed[name] != found[name]:
            raise ArchiveError(
                f"Tệp {name} không khớp mã kiểm tra SHA-256 trong manifest: "
                "bản sao lưu đã bị sửa hoặc hỏng."
            )
