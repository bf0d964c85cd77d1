import re

import pytest
from django.core.files.base import ContentFile

from portal.models import SiteProfile
from tests.portal.images import png_upload

pytestmark = pytest.mark.django_db

VERIFY = "https://tinnhiemmang.vn/danh-ba-tin-nhiem/myantay-example-vn"


def profile(image, url):
    p = SiteProfile(portal_name="Cổng phường Mỹ An Tây", trust_badge_url=url)
    if image:
        p.trust_badge_image.save(
            "tnm.png", ContentFile(png_upload().read()), save=False
        )
    p.save()
    return p


def badges(client):
    return re.findall(r'<img [^>]*alt="Chứng nhận Tín Nhiệm Mạng"[^>]*>', page(client))


def page(client):
    return client.get("/").content.decode()


def test_the_badge_shows_with_both_the_image_and_the_link(client):
    p = profile(image=True, url=VERIFY)
    html = page(client)
    assert len(badges(client)) == 1
    assert f'src="{p.trust_badge_image.url}"' in badges(client)[0]
    link = re.search(rf'<a href="{re.escape(VERIFY)}"[^>]*>', html).group(0)
    assert 'rel="noopener noreferrer"' in link


@pytest.mark.parametrize(
    "image, url",
    [(True, ""), (False, VERIFY), (False, "")],
    ids=["no-link", "no-image", "neither"],
)
def test_the_badge_is_hidden_unless_both_are_set(client, image, url):
    profile(image=image, url=url)
    html = page(client)
    assert badges(client) == []
    assert "Tín Nhiệm Mạng" not in html


def test_removing_the_link_hides_the_badge_at_once(client):
    p = profile(image=True, url=VERIFY)
    assert badges(client)
    p.trust_badge_url = ""
    p.save()
    assert badges(client) == []
