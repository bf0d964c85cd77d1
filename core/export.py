"""Tables staff take away: the same rows as XLSX (openpyxl) or CSV."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(title, headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(headers, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    # The byte order mark makes Excel read the Vietnamese as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_response(filename, title, headers, rows, fmt):
    """A download of the table; fmt is "xlsx" or "csv"."""
    rows = list(rows)
    if fmt == "xlsx":
        body, content_type = xlsx_bytes(title, headers, rows), XLSX
    else:
        body, content_type = csv_bytes(headers, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
