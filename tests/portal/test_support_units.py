import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from portal.models import SupportUnit
from tests.portal.images import png_upload

pytestmark = pytest.mark.django_db


def unit(name, order=0, visible=True, url="https://example.org/don-vi"):
    u = SupportUnit(
        name=name,
        url=url,
        order=order,
        is_visible=visible,
        logo_alt=f"Biểu trưng {name}",
    )
    u.logo.save("logo.png", ContentFile(png_upload().read()), save=False)
    u.save()
    return u


def block(client):
    html = client.get("/").content.decode()
    found = re.search(r'<section class="block block-units".*?</section>', html, re.S)
    return found.group(0) if found else ""


def test_the_block_lists_visible_units_in_order_with_their_logos(client):
    unit("Cổng dịch vụ công", order=2)
    unit("Báo điện tử thành phố", order=1)
    html = block(client)
    assert html.index("Báo điện tử thành phố") < html.index("Cổng dịch vụ công")
    assert 'alt="Biểu trưng Báo điện tử thành phố"' in html


def test_logos_are_small_renditions_not_the_uploaded_file(client, settings):
    u = unit("Cổng dịch vụ công")
    srcs = re.findall(r'<img src="([^"]+)"', block(client))
    assert srcs and all("/renditions/logo/" in s and s.endswith(".webp") for s in srcs)
    assert u.logo.url not in block(client)
    assert list((settings.MEDIA_ROOT / "renditions" / "logo").iterdir())


def test_links_open_in_a_new_tab_safely_and_say_so(client):
    unit("Cổng dịch vụ công", url="https://example.org/dvc")
    link = re.search(r'<a href="https://example.org/dvc"[^>]*>', block(client)).group(0)
    assert 'rel="noopener noreferrer"' in link and 'target="_blank"' in link
    assert "(mở trong thẻ mới)" in block(client)


def test_a_hidden_unit_is_not_listed(client):
    unit("Cổng dịch vụ công")
    unit("Đơn vị đã ngừng hợp tác", visible=False)
    html = block(client)
    assert "Cổng dịch vụ công" in html
    assert "Đơn vị đã ngừng hợp tác" not in html


def test_the_block_is_left_out_when_no_unit_is_visible(client):
    unit("Đơn vị đã ngừng hợp tác", visible=False)
    assert block(client) == ""
    assert "Đơn vị hỗ trợ" not in client.get("/").content.decode()


def test_an_edit_shows_at_once_and_a_deleted_unit_goes(client):
    u = unit("Cổng dịch vụ công")
    assert "Cổng dịch vụ công" in block(client)  # now cached
    u.is_visible = False
    u.save()
    assert "Cổng dịch vụ công" not in block(client)
    unit("Cổng thông tin Quận ủy")
    assert "Cổng thông tin Quận ủy" in block(client)
    SupportUnit.objects.all().delete()
    assert block(client) == ""


def test_the_units_are_read_once_then_served_from_the_cache(
    django_assert_num_queries,
):
    unit("Cổng dịch vụ công")
    assert len(SupportUnit.visible()) == 1
    with django_assert_num_queries(0):
        assert len(SupportUnit.visible()) == 1


def test_the_admin_requires_alt_text_for_a_logo(client):
    staff = get_user_model().objects.create_superuser("qt", "q@example.vn", "x")
    client.force_login(staff)
    form = {
        "name": "Cổng dịch vụ công",
        "url": "dichvucong.example.vn",
        "logo": png_upload(),
        "logo_alt": "",
        "order": 0,
        "is_visible": "on",
    }
    response = client.post("/quan-tri/portal/supportunit/add/", form)
    assert response.status_code == 200
    assert not SupportUnit.objects.exists()
    form["logo"], form["logo_alt"] = png_upload(), "Biểu trưng Cổng dịch vụ công"
    assert client.post("/quan-tri/portal/supportunit/add/", form).status_code == 302
    assert SupportUnit.objects.get().url == "https://dichvucong.example.vn"
