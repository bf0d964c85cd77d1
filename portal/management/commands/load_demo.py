import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

from news.demo import load_news
from news.models import Article
from portal.models import SiteProfile, SupportUnit

UNITS = [
    (
        "Cổng thông tin điện tử thành phố",
        "https://example.org/thanh-pho",
        (200, 30, 30),
    ),
    ("Báo điện tử thành phố", "https://example.org/bao", (190, 140, 20)),
    ("Cổng dịch vụ công", "https://example.org/dich-vu-cong", (20, 90, 160)),
    ("Cổng thông tin Quận ủy", "https://example.org/quan-uy", (140, 20, 40)),
]


def logo(color, size=240):
    img = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.ellipse([10, 10, size - 10, size - 10], fill=color)
    draw.ellipse([60, 60, size - 60, size - 60], fill=(255, 255, 255))
    draw.rectangle([size // 2 - 15, 40, size // 2 + 15, size - 40], fill=color)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


class Command(BaseCommand):
    help = "Load the demo ward's profile, support units and news, once."

    def handle(self, *args, **options):
        if Article.objects.exists() or SiteProfile.objects.exists():
            self.stdout.write("Demo content already present: nothing changed.")
            return
        SiteProfile.objects.create(
            portal_name="Cổng thông tin điện tử phường Hòa Thuận Đông",
            organisation="Đảng ủy – HĐND – UBND phường Hòa Thuận Đông",
            governing_body="Ủy ban nhân dân phường Hòa Thuận Đông",
            address="Số 12 đường Hòa Thuận, phường Hòa Thuận Đông",
            phone="0236 3 000 000",
            email="ubnd@hoathuandong.example.vn",
            editor_name="Nguyễn Văn An",
            editor_title="Phó Chủ tịch UBND phường",
            footer_text="Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.",
            copyright="© Ủy ban nhân dân phường Hòa Thuận Đông",
        )
        for order, (name, url, color) in enumerate(UNITS):
            unit = SupportUnit(name=name, url=url, order=order)
            unit.logo.save(f"unit-{order}.png", ContentFile(logo(color)), save=False)
            unit.save()
        count = load_news()
        self.stdout.write(f"Loaded the demo ward: {count} articles.")
