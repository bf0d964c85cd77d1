"""What every form residents can send needs: no third-party captcha or
script, but a honeypot, a minimum fill time, input limits and rate limits.

A refused form keeps what was typed: refusals are form errors (the view
shows the form again) or, for rate limits, a 429 that the view renders with
the bound form.
"""

import datetime
import hashlib
import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from core.clientip import client_ip
from core.text import clean_text

# Embedding, override and isolate controls turn the text after them
# right-to-left on screen ("txt.exe" shown as "exe.txt"): never kept.
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)

HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"
_SIGNER_SALT = "core.publicforms.started"


def plain_text(value, multiline=True):
    """NFC, no control characters, no direction overrides, trimmed."""
    return clean_text(value, multiline=multiline).translate(_BIDI).strip()


def count_links(text):
    return len(_LINK.findall(text))


class ResidentText(forms.CharField):
    """Text a resident types: cleaned as plain_text, with a cap on links.

    Its length limit is checked after cleaning, and the browser is told too
    (maxlength), so a 100 KB paste is refused with a message, not stored.
    """

    def __init__(self, *, multiline=False, max_links=None, **kwargs):
        self.multiline = multiline
        self.max_links = max_links
        kwargs.setdefault("widget", forms.Textarea if multiline else forms.TextInput)
        super().__init__(strip=False, **kwargs)

    def to_python(self, value):
        return plain_text(super().to_python(value), multiline=self.multiline)

    def validate(self, value):
        super().validate(value)
        limit = (
            settings.PUBLIC_FORM_MAX_LINKS if self.max_links is None else self.max_links
        )
        if count_links(value) > limit:
            raise forms.ValidationError(
                f"Nội dung có quá nhiều đường liên kết (tối đa {limit}).",
                code="links",
            )


class GuardedForm(forms.Form):
    """A honeypot field people never see and a signed start time: a form
    sent back faster than a person can type is refused, as is one whose
    honeypot is filled. Both refusals keep the typed text."""

    # Templates put this field in an element of class "hp-field-row" (off
    # screen in site.css); its label tells anyone who reaches it to skip it.
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-field"}
        ),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STARTED_FIELD].initial = self.fresh_start()

    @staticmethod
    def fresh_start():
        return signing.TimestampSigner(salt=_SIGNER_SALT).sign(str(time.time()))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                "Không gửi được: hãy để trống ô cuối cùng của biểu mẫu.",
                code="honeypot",
            )
        self._check_fill_time(cleaned.get(STARTED_FIELD, ""))
        return cleaned

    def _check_fill_time(self, token):
        signer = signing.TimestampSigner(salt=_SIGNER_SALT)
        try:
            signer.unsign(token, max_age=settings.PUBLIC_FORM_MAX_AGE)
            started = float(signer.unsign(token).split(":")[0])
        except (signing.BadSignature, ValueError):
            self._restart()
            raise forms.ValidationError(
                "Biểu mẫu đã mở quá lâu hoặc không hợp lệ. Nội dung vẫn còn "
                "nguyên, vui lòng bấm Gửi lần nữa.",
                code="expired",
            )
        if time.time() - started < settings.PUBLIC_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                "Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung "
                "rồi bấm Gửi lần nữa.",
                code="too_fast",
            )

    def _restart(self):
        # The form is shown again with a new start time, so sending it again
        # (after the minimum time) works.
        self.data = self.data.copy()
        self.data[self.add_prefix(STARTED_FIELD)] = self.fresh_start()


def _hits(scope, who, seconds):
    """Counts one hit in the current fixed window; 0 when the cache is away
    (the limit then fails open: the rows stored stay bounded by the app)."""
    window = int(time.time() // seconds)
    key = f"rate:{scope}:{who}:{seconds}:{window}"
    if cache.add(key, 1, seconds + 1):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # the window ended between add and incr
        cache.add(key, 1, seconds + 1)
        return 1


def over_limit(scope, who, rates):
    """Count an attempt by `who`; True when any of the rates is exceeded."""
    return any(_hits(scope, who, seconds) > count for count, seconds in rates)


def address_key(request):
    """The client's address as a keyed hash: rate limits and stored
    submissions never need the address itself."""
    ip = client_ip(request, settings.STATS_TRUSTED_PROXIES)
    data = f"{settings.SECRET_KEY}:{ip}".encode()
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def rate_limited(request, scope, per_address, overall=()):
    """True when this request goes over the per-address rates, or, counting
    only requests that got past their own address's limit, the overall ones
    (so one flooding address cannot use up everyone's share)."""
    if over_limit(scope, address_key(request), per_address):
        return True
    return bool(overall) and over_limit(scope, "*", overall)


def stored_over_limit(rows, sent_field, sender_key, now=None):
    """True when the rows already stored (each with the sender_key of its
    address_key) reach the public form rates, for this sender or for
    everyone: the bound that holds when the cache counting attempts is away
    or kept per process. Two queries."""
    now = now or timezone.now()
    mine = settings.PUBLIC_FORM_RATE_PER_ADDRESS
    overall = settings.PUBLIC_FORM_RATE_OVERALL
    longest = max(seconds for _, seconds in [*mine, *overall, (0, 0)])
    since = {f"{sent_field}__gte": now - datetime.timedelta(seconds=longest)}
    recent = rows.filter(**since)

    def reached(queryset, rates):
        if not rates:
            return False
        windows = {
            f"w{n}": Count(
                "pk",
                filter=Q(**{f"{sent_field}__gte": now - datetime.timedelta(seconds=s)}),
            )
            for n, (_, s) in enumerate(rates)
        }
        counts = queryset.aggregate(**windows)
        return any(counts[f"w{n}"] >= count for n, (count, _) in enumerate(rates))

    return reached(recent.filter(sender_key=sender_key), mine) or reached(
        recent, overall
    )
