"""Vietnamese text helpers (core.text)."""

import unicodedata

import pytest

from core.text import exact_form, fold, nfc, slugify_vi


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Thủy Xuân", "thuy xuan"),
        ("THUỶ XUÂN", "thuy xuan"),
        (unicodedata.normalize("NFD", "Thủy Xuân"), "thuy xuan"),
        ("Đảng ủy", "dang uy"),
    ],
)
def test_folding_drops_case_marks_and_the_bar_of_d(typed, folded):
    assert fold(typed) == folded


@pytest.mark.parametrize(("old", "new"), [("hòa", "hoà"), ("Thủy", "thuỷ")])
def test_the_exact_form_has_one_tone_placement(old, new):
    assert exact_form(old) == exact_form(new) == new


def test_the_exact_form_keeps_tones_inside_a_word():
    assert exact_form("hoàng") == "hoàng"


def test_slugs_map_d_bar_first():
    assert slugify_vi("Đảng bộ phường") == "dang-bo-phuong"


def test_nfc_of_nothing_is_empty():
    assert nfc(None) == ""
