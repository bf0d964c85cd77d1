"""Vietnamese text: NFC, one tone placement, folding for search, slugs."""

import re
import unicodedata

from django.utils.text import slugify

# "Đ" has no decomposition in Unicode, so stripping marks alone keeps it.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
# Old tone placement ("hòa", "thủy") -> new ("hoà", "thuỷ"), on NFD text: the
# tone mark moves from o/u to the following a/e/y when nothing follows.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(
    rf"(o)([{_TONES}])([ae])(?![^\W_]|[\u0300-\u036f])"
    rf"|(u)([{_TONES}])(y)(?![^\W_]|[\u0300-\u036f])"
)


# Control characters other than tab and newline break XML (feeds, sitemaps)
# and show as nothing or as boxes: line and paragraph separators (Word's
# manual line break is U+000B) become newlines; the rest go, as do the two
# non-characters XML forbids.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\v\f\x85\u2028\u2029\r", "\n"))
_CONTROLS = dict.fromkeys(
    [c for c in range(0x20) if chr(c) not in "\t\n"]
    + list(range(0x7F, 0xA0))
    + [0xFFFE, 0xFFFF],
    None,
)


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def clean_text(text, multiline=True):
    """NFC text without control characters. "\r\n" is one line break; a
    single-line text gets spaces where line breaks were."""
    text = nfc(text).replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = text.translate(_CONTROLS)
    return text if multiline else " ".join(text.split("\n"))


def slugify_vi(text, max_length=200):
    """A readable ASCII slug: "Đảng ủy phường" -> "dang-uy-phuong"."""
    slug = slugify(nfc(text).translate(_D_MAP))
    return slug[:max_length].strip("-")


def fold(text):
    """Lower case, no diacritics, đ -> d: the form search compares."""
    decomposed = unicodedata.normalize("NFD", nfc(text).translate(_D_MAP).lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def _new_tone(match):
    groups = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    first, tone, second = groups
    return first + second + tone


def exact_form(text):
    """Lower case NFC with one tone placement: what exact matches compare,
    so that "hòa" and "hoà" are the same word."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower())
    return unicodedata.normalize("NFC", _OLD_TONE.sub(_new_tone, decomposed))
