"""The register's filters (?loai=, co_quan=, linh_vuc=, nam=, hieu_luc=):
a value that names nothing is ignored with a message, never an error."""

from dataclasses import dataclass, field

from core.dates import YEARS
from documents.models import (
    Document,
    DocumentType,
    Field,
    IssuingBody,
    Validity,
    local_today,
)

# parameter: (model, label for the message)
LISTS = {
    "loai": (DocumentType, "loại văn bản"),
    "co_quan": (IssuingBody, "cơ quan ban hành"),
    "linh_vuc": (Field, "lĩnh vực"),
}
LOOKUPS = {"loai": "doc_type", "co_quan": "issuing_body", "linh_vuc": "field"}


@dataclass
class Filters:
    options: dict = field(default_factory=dict)  # parameter -> list of rows
    chosen: dict = field(default_factory=dict)  # parameter -> row
    years: list = field(default_factory=list)
    year: int | None = None
    validity: str = ""
    notices: list = field(default_factory=list)

    def apply(self, documents):
        for name, row in self.chosen.items():
            documents = documents.filter(**{LOOKUPS[name]: row})
        if self.year:
            documents = documents.filter(issued_on__year=self.year)
        if self.validity:
            documents = documents.with_validity(self.validity, local_today())
        return documents

    @property
    def active(self):
        return bool(self.chosen or self.year or self.validity)

    @property
    def validity_choices(self):
        return Validity.choices


def parse_filters(params):
    filters = Filters()
    for name, (model, label) in LISTS.items():
        rows = list(model.objects.all())
        filters.options[name] = rows
        value = params.get(name, "")
        if value:
            found = next((row for row in rows if row.slug == value), None)
            if found:
                filters.chosen[name] = found
            else:
                filters.notices.append(f"Không có {label} này; đã bỏ qua bộ lọc đó.")
    filters.years = [
        d.year for d in Document.objects.published().dates("issued_on", "year", "DESC")
    ]
    year = params.get("nam", "")
    if year:
        if year.isascii() and year.isdigit() and len(year) == 4 and int(year) in YEARS:
            filters.year = int(year)
        else:
            filters.notices.append("Năm không hợp lệ; đã bỏ qua bộ lọc năm.")
    validity = params.get("hieu_luc", "")
    if validity:
        if validity in Validity.values:
            filters.validity = validity
        else:
            filters.notices.append("Tình trạng hiệu lực không hợp lệ; đã bỏ qua.")
    return filters
