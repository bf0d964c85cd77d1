"""Tap to call, tap to write (issue 12): tel: and mailto: links."""

import pytest
from django.core.management import call_command

from portal.models import SiteProfile
from portal.templatetags.portal_tags import tel_href


@pytest.mark.parametrize(
    "phone, href",
    [
        ("0236 3 000 000", "tel:02363000000"),
        ("(0236) 3.000.000", "tel:02363000000"),
        ("+84 236 3000 000", "tel:+842363000000"),
    ],
)
def test_phone_numbers_are_normalised_for_tel_links(phone, href):
    assert tel_href(phone) == href


def test_the_footer_and_the_contact_page_offer_tel_and_mailto_links(client, db):
    call_command("load_demo")
    profile = SiteProfile.current()
    assert profile.phone and profile.email
    for url in ("/", "/trang/lien-he/"):
        html = client.get(url).content.decode()
        assert f'href="{tel_href(profile.phone)}"' in html
        assert f'href="mailto:{profile.email}"' in html
    html = client.get("/trang/lien-he/").content.decode()
    assert html.count('href="tel:') >= 5  # the profile's number and each office's
