"""The demo ward's documents, with real PDF and DOCX files made here; the
text is ours. Also the file makers the tests use."""

import io
from pathlib import Path

from core.text import fold

# Debian's fonts-dejavu-core; without it the PDF falls back to a core font
# with the text folded to ASCII (still searchable: search folds too).
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pdf_bytes(title, paragraphs, font_path=DEJAVU):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title if font_path.exists() else fold(title))
    pdf.add_page()
    if font_path.exists():
        pdf.add_font("DejaVu", fname=str(font_path))
        pdf.set_font("DejaVu", size=12)
        text = lambda s: s  # noqa: E731
    else:
        pdf.set_font("Helvetica", size=12)
        text = lambda s: fold(s).encode("latin-1", "replace").decode("latin-1")  # noqa: E731
    pdf.multi_cell(0, 8, text(title.upper()), align="C")
    pdf.ln(4)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 7, text(paragraph))
        pdf.ln(2)
    return bytes(pdf.output())


def docx_bytes(title, paragraphs):
    from docx import Document as Docx

    document = Docx()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
