"""Text out of attached files, for search: PDF (pypdf) and DOCX
(python-docx), at a bounded cost whatever the file."""

import logging

logger = logging.getLogger(__name__)

# A long report is searchable by its first pages; a hostile PDF cannot keep a
# worker busy for long.
MAX_PAGES = 100
MAX_CHARS = 200_000


def extract_text(fileobj, kind_code):
    """The file's text ("" when it has none, e.g. a scan without a text
    layer, or when it cannot be read)."""
    readers = {"pdf": _pdf_text, "docx": _docx_text}
    reader = readers.get(kind_code)
    if reader is None:
        return ""
    try:
        fileobj.seek(0)
        text = reader(fileobj)
    except Exception:  # a damaged file is still accepted, just not searchable
        logger.warning("Could not read the text of a %s file", kind_code, exc_info=True)
        text = ""
    finally:
        fileobj.seek(0)
    return " ".join(text.split())[:MAX_CHARS]


def _pdf_text(fileobj):
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    parts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length >= MAX_CHARS:
            break
    return "\n".join(parts)


def _docx_text(fileobj):
    from docx import Document

    document = Document(fileobj)
    parts, length = [], 0
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.extend(cell.text for cell in row.cells)
    for text in blocks:
        parts.append(text)
        length += len(text)
        if length >= MAX_CHARS:
            break
    return "\n".join(parts)
