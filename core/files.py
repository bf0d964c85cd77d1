"""Attached files (PDF, Office, OpenDocument, ZIP of those): checked by their
content, never by their name; stored under generated names; served with
headers that keep a browser from running them.

check_file() decides the kind from magic bytes and, for ZIP-based formats,
from the archive's structure. Executables, scripts, HTML, SVG, macro-enabled
Office files, encrypted or oversized archives and ZIP bombs are refused with
a message in Vietnamese.
"""

import io
import os
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible

from core.text import nfc, slugify_vi


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    content_type: str
    extension: str


KINDS = {
    k.code: k
    for k in [
        Kind("pdf", "PDF", "application/pdf", ".pdf"),
        Kind(
            "docx",
            "Word (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
        Kind(
            "xlsx",
            "Excel (XLSX)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        Kind(
            "pptx",
            "PowerPoint (PPTX)",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".pptx",
        ),
        Kind(
            "odt",
            "OpenDocument (ODT)",
            "application/vnd.oasis.opendocument.text",
            ".odt",
        ),
        Kind(
            "ods",
            "OpenDocument (ODS)",
            "application/vnd.oasis.opendocument.spreadsheet",
            ".ods",
        ),
        Kind("zip", "Tệp nén ZIP", "application/zip", ".zip"),
    ]
}

# The main part that tells one OOXML format from another.
OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Names that say "macros" or "program" whatever the content turns out to be.
REFUSED_EXTENSIONS = {
    ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppsm",
    ".exe", ".dll", ".com", ".bat", ".cmd", ".msi", ".scr", ".ps1", ".vbs",
    ".js", ".jar", ".sh", ".apk", ".html", ".htm", ".xhtml", ".svg", ".svgz",
}  # fmt: skip

# ZIP bombs: an archive may expand to at most this much, at most this many
# times its own size, with at most this many members, one ZIP inside another
# at most this deep.
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 2000
MAX_DEPTH = 2
# Parts read to tell the format: small XML, never more than this.
MAX_PART = 1024 * 1024

NOT_ALLOWED = (
    "Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), "
    "OpenDocument (ODT, ODS) hoặc tệp nén ZIP chứa các tệp đó."
)


def refuse(message, code):
    raise ValidationError(message, code=code)


def max_bytes():
    return settings.PORTAL_MAX_ATTACHMENT_BYTES


def check_file(upload):
    """The Kind of an uploaded file, or ValidationError saying why not."""
    name = nfc(PurePath(upload.name or "").name)
    extension = os.path.splitext(name)[1].lower()
    if extension in (".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm"):
        refuse(
            "Không nhận tệp Office có macro (.docm, .xlsm…): hãy lưu lại thành "
            ".docx hoặc .xlsx rồi tải lên.",
            "macro",
        )
    if extension in REFUSED_EXTENSIONS:
        refuse(f"Không nhận tệp có đuôi {extension}. {NOT_ALLOWED}", "extension")
    size = upload.size
    if size is None or size > max_bytes():
        refuse(
            f"Tệp quá lớn ({filesizeformat(size or 0)}). "
            f"Giới hạn là {filesizeformat(max_bytes())}.",
            "too_large",
        )
    if size == 0:
        refuse("Tệp rỗng.", "empty")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return KINDS[kind_of(data, depth=0)]


def kind_of(data, depth):
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return zip_kind(data, depth)
    if head.startswith((b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")):
        refuse("Không nhận tệp chương trình (tệp chạy được).", "executable")
    if head.startswith(b"#!"):
        refuse("Không nhận tệp kịch bản (script).", "script")
    start = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in start:
        refuse("Không nhận ảnh SVG (có thể chứa mã chạy được).", "svg")
    if start.startswith((b"<!doctype", b"<html", b"<?xml", b"<script", b"<head")):
        refuse("Không nhận tệp HTML hoặc XML (có thể chứa mã chạy được).", "html")
    if b"<html" in start or b"<script" in start or b"<body" in start:
        refuse("Không nhận tệp HTML hoặc XML (có thể chứa mã chạy được).", "html")
    refuse(f"Không nhận dạng được nội dung tệp. {NOT_ALLOWED}", "unknown")


def zip_kind(data, depth):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        refuse("Tệp nén bị hỏng hoặc không đọc được.", "bad_zip")
    with archive:
        check_bomb(members, len(data))
        names = {m.filename for m in members}
        lowered = [n.lower() for n in names]
        if any(n.endswith("vbaproject.bin") for n in lowered) or any(
            n.endswith((".docm", ".xlsm", ".pptm")) for n in lowered
        ):
            refuse(
                "Không nhận tệp Office có macro: hãy lưu lại thành .docx hoặc "
                ".xlsx rồi tải lên.",
                "macro",
            )
        if "[Content_Types].xml" in names:
            return ooxml_kind(archive, names)
        if "mimetype" in names:
            return odf_kind(archive, lowered)
        check_members(archive, members, depth)
        return "zip"


def check_bomb(members, compressed):
    total = sum(m.file_size for m in members)
    if (
        len(members) > MAX_MEMBERS
        or total > MAX_UNCOMPRESSED
        or total > MAX_RATIO * max(compressed, 1)
    ):
        refuse(
            "Tệp nén giải nén ra quá lớn hoặc có quá nhiều tệp con "
            "(nghi là “bom nén”).",
            "zip_bomb",
        )
    if any(m.flag_bits & 0x1 for m in members):
        refuse("Không nhận tệp nén có mật khẩu.", "encrypted")


def read_part(archive, name):
    with archive.open(name) as part:
        return part.read(MAX_PART)


def ooxml_kind(archive, names):
    types = read_part(archive, "[Content_Types].xml")
    if b"macroenabled" in types.lower():
        refuse(
            "Không nhận tệp Office có macro: hãy lưu lại thành .docx hoặc "
            ".xlsx rồi tải lên.",
            "macro",
        )
    for part, code in OOXML_PARTS.items():
        if part in names:
            return code
    refuse(f"Tệp Office không thuộc loại được nhận. {NOT_ALLOWED}", "unknown")


def odf_kind(archive, lowered):
    if any(n.startswith(("basic/", "scripts/")) for n in lowered):
        refuse("Không nhận tệp OpenDocument có macro.", "macro")
    code = ODF_TYPES.get(read_part(archive, "mimetype").strip())
    if code is None:
        refuse(f"Tệp OpenDocument không thuộc loại được nhận. {NOT_ALLOWED}", "unknown")
    return code


def check_members(archive, members, depth):
    """A plain ZIP: each file inside must itself be an accepted kind."""
    if depth + 1 >= MAX_DEPTH and any(
        not m.is_dir() and m.filename.lower().endswith(".zip") for m in members
    ):
        refuse("Tệp nén lồng nhau quá nhiều lớp.", "zip_depth")
    for member in members:
        if member.is_dir():
            continue
        extension = os.path.splitext(member.filename)[1].lower()
        if extension in REFUSED_EXTENSIONS:
            refuse(
                f"Tệp nén chứa tệp không được nhận ({PurePath(member.filename).name}).",
                "zip_member",
            )
        with archive.open(member) as part:
            inner = part.read(MAX_UNCOMPRESSED + 1)
        try:
            code = kind_of(inner, depth + 1)
        except ValidationError as error:
            if error.code in ("zip_depth", "zip_bomb"):
                raise
            refuse(
                f"Tệp nén chứa tệp không được nhận ({PurePath(member.filename).name}): "
                f"{error.messages[0]}",
                "zip_member",
            )
        if code == "zip" and depth + 1 >= MAX_DEPTH:
            refuse("Tệp nén lồng nhau quá nhiều lớp.", "zip_depth")


def validate_attachment(upload):
    """The validator of every attachment field. A stored file was checked
    when it was uploaded; only a new upload is read."""
    if getattr(upload, "_committed", False):
        return
    check_file(upload)


def display_name(name, kind):
    """The original file name as staff gave it (NFC, no folders), with the
    extension of what the file really is."""
    name = nfc(PurePath((name or "").replace("\\", "/")).name).strip() or "tep"
    stem, extension = os.path.splitext(name)
    if extension.lower() != kind.extension:
        stem = name
    return f"{stem[:200]}{kind.extension}"


def stored_name(instance, filename):
    """tep/<random>/<ascii name>: nothing to guess, nothing to run."""
    stem, extension = os.path.splitext(filename)
    safe = slugify_vi(stem, 80) or "tep"
    return f"tep/{uuid.uuid4().hex}/{safe}{extension.lower()}"


@deconstructible
class AttachmentStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT (PORTAL_FILES_ROOT): never served as they lie,
    only by views that check who may read them and add safe headers."""

    @property
    def base_location(self):
        return str(settings.PORTAL_FILES_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


attachment_storage = AttachmentStorage()


def get_attachment_storage():
    return attachment_storage


def ascii_fallback(name):
    """For the few clients that do not read filename*: no diacritics, no
    quotes or separators."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    folded = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9._-]+", "_", folded).strip("_") or "tep"


def content_disposition(name, inline=False):
    """RFC 6266: the Vietnamese name in filename*, an ASCII one beside it."""
    disposition = "inline" if inline else "attachment"
    return (
        f'{disposition}; filename="{ascii_fallback(name)}"; '
        f"filename*=UTF-8''{quote(nfc(name), safe='')}"
    )


# A file opened in the browser may not run scripts, load anything or be
# treated as being from this site.
FILE_POLICY = "default-src 'none'; sandbox"


def file_response(fieldfile, name, kind_code):
    """The stored file, with its checked type: PDF inline, the rest as a
    download."""
    kind = KINDS[kind_code]
    response = FileResponse(fieldfile.open("rb"), content_type=kind.content_type)
    response["Content-Disposition"] = content_disposition(name, kind.code == "pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    return response
