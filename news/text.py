"""Vietnamese text helpers: NFC normalization, slugs, and folding for search."""

import unicodedata

from django.utils.text import slugify

# "Đ" has no decomposition in Unicode, so stripping marks alone keeps it.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def slugify_vi(text, max_length=200):
    """A readable ASCII slug: "Đảng ủy phường" -> "dang-uy-phuong"."""
    slug = slugify(nfc(text).translate(_D_MAP))
    return slug[:max_length].strip("-")


def fold(text):
    """Lower case, no diacritics, đ -> d: the form search compares."""
    decomposed = unicodedata.normalize("NFD", nfc(text).translate(_D_MAP).lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)
