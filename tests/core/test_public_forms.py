import time

import pytest
from django import forms
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.env import env_rates
from core.publicforms import (
    GuardedForm,
    ResidentText,
    address_key,
    plain_text,
    rate_limited,
)


class Question(GuardedForm):
    title = ResidentText(max_length=20)
    body = ResidentText(multiline=True, max_length=200)


def sent(form_class=Question, age=10, **data):
    form = form_class()
    token = form.fresh_start()
    if age:
        # A start time `age` seconds ago, signed as the form would sign it.
        from django.core import signing

        token = signing.TimestampSigner(salt="core.publicforms.started").sign(
            str(time.time() - age)
        )
    return form_class(data={"started": token, **data})


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_form_filled_in_by_a_person_is_accepted():
    form = sent(title="Đèn đường", body="Đèn đường tổ 3 không sáng.")
    assert form.is_valid(), form.errors


def test_a_filled_honeypot_is_refused_and_the_text_is_kept():
    form = sent(title="Đèn", body="Nội dung", website="http://spam.example")
    assert not form.is_valid()
    assert "để trống ô cuối cùng" in str(form.non_field_errors())
    assert form["body"].value() == "Nội dung"


def test_a_form_sent_back_in_a_second_is_refused():
    form = sent(age=0, title="Đèn", body="Nội dung")
    assert not form.is_valid()
    assert "quá nhanh" in str(form.non_field_errors())


def test_a_forged_start_time_is_refused_and_a_fresh_one_is_given():
    form = Question(data={"started": "123:forged", "title": "Đèn", "body": "Nội dung"})
    assert not form.is_valid()
    assert "Gửi lần nữa" in str(form.non_field_errors())
    assert form["started"].value() != "123:forged"
    assert form["title"].value() == "Đèn"


def test_text_is_nfc_without_controls_or_direction_overrides():
    assert plain_text("Thu\u0309y\u202e exe.txt\x00\x07 ") == "Thủy exe.txt"


def test_a_100_kb_field_is_refused_with_a_message():
    form = sent(title="Đèn", body="a" * 100_000)
    assert not form.is_valid()
    assert "200" in str(form.errors["body"])


def test_too_many_links_are_refused(settings):
    settings.PUBLIC_FORM_MAX_LINKS = 1
    form = sent(title="Đèn", body="xem http://a.example và www.b.example")
    assert not form.is_valid()
    assert "liên kết" in str(form.errors["body"])


def test_one_address_is_limited_by_its_own_rates():
    factory = RequestFactory()
    request = factory.post("/", REMOTE_ADDR="203.0.113.9")
    results = [rate_limited(request, "t", [(3, 600)]) for _ in range(5)]
    assert results == [False, False, False, True, True]
    other = factory.post("/", REMOTE_ADDR="203.0.113.10")
    assert not rate_limited(other, "t", [(3, 600)])


def test_the_overall_limit_counts_only_what_got_past_each_address():
    factory = RequestFactory()
    flooder = factory.post("/", REMOTE_ADDR="203.0.113.9")
    for _ in range(50):
        rate_limited(flooder, "t", [(2, 600)], [(5, 3600)])
    # The flooder used 2 of the 5: three other residents still get through.
    residents = [factory.post("/", REMOTE_ADDR=f"198.51.100.{n}") for n in range(4)]
    results = [rate_limited(r, "t", [(2, 600)], [(5, 3600)]) for r in residents]
    assert results == [False, False, False, True]


def test_the_address_behind_the_trusted_proxy_is_the_one_limited(settings):
    settings.STATS_TRUSTED_PROXIES = 1
    factory = RequestFactory()
    a = factory.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    b = factory.post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert address_key(a) != address_key(b)
    assert "198.51.100.1" not in address_key(a)


def test_rates_in_the_environment_are_checked(monkeypatch):
    monkeypatch.setenv("PORTAL_FORM_RATE_PER_ADDRESS", "3/10m,20/d")
    assert env_rates("PORTAL_FORM_RATE_PER_ADDRESS", "1/s") == [(3, 600), (20, 86400)]
    monkeypatch.setenv("PORTAL_FORM_RATE_PER_ADDRESS", "three a minute")
    with pytest.raises(ImproperlyConfigured, match="PORTAL_FORM_RATE_PER_ADDRESS"):
        env_rates("PORTAL_FORM_RATE_PER_ADDRESS", "1/s")


def test_the_honeypot_is_a_plain_optional_field():
    assert isinstance(Question().fields["website"], forms.CharField)
    assert not Question().fields["website"].required
