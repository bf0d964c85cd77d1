"""Tracking codes: short, unguessable, easy to read aloud over the phone.

Ten characters from an alphabet without the look-alikes 0/O and 1/l/I: 31¹⁰
(about 8 × 10¹⁴) codes, drawn with `secrets`, so guessing one by trying is
hopeless, and the status page is rate-limited on top. Shown as
HD-XXXXX-XXXXX; typed in any case, with or without the spaces and dashes.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 10
PREFIX = "HD"
_SEPARATORS = re.compile(r"[\s\-–—_.]+")


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code):
    """HD-7K4M9-QXT2R: the prefix says what the code is for."""
    half = LENGTH // 2
    return f"{PREFIX}-{code[:half]}-{code[half:]}"


def normalize(text):
    """The stored code that `text` means, or None when it cannot be one."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    code = _SEPARATORS.sub("", text).upper()
    if len(code) == LENGTH + len(PREFIX) and code.startswith(PREFIX):
        code = code[len(PREFIX) :]
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code
