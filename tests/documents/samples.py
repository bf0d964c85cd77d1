"""Real files for tests, made here: PDF (fpdf2), DOCX (python-docx), and the
hostile kinds the checks must refuse."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.demo import docx_bytes, pdf_bytes  # noqa: F401 (for tests)


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def docm_bytes():
    """A Word file with a macro project, as Word saves .docm."""
    types = (
        b'<?xml version="1.0"?><Types><Override PartName="/word/document.xml" '
        b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
        b"</Types>"
    )
    return zip_bytes(
        {
            "[Content_Types].xml": types,
            "word/document.xml": b"<w:document/>",
            "word/vbaProject.bin": b"\x00" * 64,
        }
    )


def zip_bomb_bytes():
    """50 MB of zeros in a few dozen kilobytes."""
    return zip_bytes({"bao-cao.pdf": b"%PDF-1.4\n" + b"\x00" * (50 * 1024 * 1024)})


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200
SCRIPT = b"#!/bin/sh\nrm -rf /\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
