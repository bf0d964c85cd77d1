import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

from documents.demo import load_documents
from documents.models import Document
from news.demo import load_news
from news.models import Article
from portal.demo_pages import ENGLISH, PAGES, PERSONAL_DATA_PAGE
from portal.models import EnglishPage, Page, SiteProfile, SupportUnit
from questions.demo import load_questions
from questions.models import Question
from schedule.demo import load_schedule
from schedule.models import Entry
from stats.models import StatsSettings

DEMO_STARTING_TOTAL = 111_200

UNITS = [
    (
        "Cổng thông tin điện tử thành phố",
        "https://example.org/thanh-pho",
        (200, 30, 30),
    ),
    ("Báo điện tử thành phố", "https://example.org/bao", (150, 100, 10)),
    ("Cổng dịch vụ công", "https://example.org/dich-vu-cong", (20, 90, 160)),
    ("Cổng thông tin Quận ủy", "https://example.org/quan-uy", (140, 20, 40)),
]
BADGE_URL = "https://tinnhiemmang.vn/danh-ba-tin-nhiem/hoathuandong-example-vn"


def png(img):
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def logo(color, size=240):
    img = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.ellipse([10, 10, size - 10, size - 10], fill=color)
    draw.ellipse([60, 60, size - 60, size - 60], fill=(255, 255, 255))
    draw.rectangle([size // 2 - 15, 40, size // 2 + 15, size - 40], fill=color)
    return png(img)


def badge():
    """A made-up badge: a shield with a tick, in the blue of such seals."""
    img = Image.new("RGB", (360, 136), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([2, 2, 357, 133], radius=14, outline=(0, 84, 166), width=4)
    shield = [(30, 22), (100, 22), (100, 70), (65, 114), (30, 70)]
    draw.polygon(shield, fill=(0, 84, 166))
    draw.line([(47, 66), (61, 82), (86, 46)], fill=(255, 255, 255), width=9)
    for row, width in enumerate((210, 170, 190)):
        top = 34 + row * 26
        draw.rounded_rectangle(
            [124, top, 124 + width, top + 14], radius=7, fill=(0, 84, 166)
        )
    return png(img)


class Command(BaseCommand):
    help = (
        "Load the demo ward's profile, support units, pages, documents, questions, "
        "schedule and news, once."
    )

    def handle(self, *args, **options):
        if not SiteProfile.objects.exists():
            self.load_profile()
        if not Page.objects.exists():
            for order, (slug, title, summary, body) in enumerate(PAGES):
                Page.objects.create(
                    slug=slug, title=title, summary=summary, body=body, order=order
                )
            self.stdout.write(f"Loaded {len(PAGES)} static pages.")
        slug, title, summary, body = PERSONAL_DATA_PAGE
        if not Page.objects.filter(slug=slug).exists():
            # Added after the first pages: a site loaded before gets it too.
            Page.objects.create(
                slug=slug, title=title, summary=summary, body=body, order=len(PAGES)
            )
        if not Question.objects.exists():
            count = load_questions()
            self.stdout.write(f"Loaded {count} demo questions.")
        if not EnglishPage.objects.exists():
            EnglishPage.objects.create(**ENGLISH)
            self.stdout.write("Loaded the English page.")
        if not Document.objects.exists():
            count = load_documents()
            self.stdout.write(f"Loaded {count} demo documents with their files.")
        if not Entry.objects.exists():
            count = load_schedule()
            self.stdout.write(f"Loaded {count} entries of the leaders' schedule.")
        if Article.objects.exists():
            self.stdout.write("Demo news already present: nothing changed.")
            return
        count = load_news()
        self.stdout.write(f"Loaded the demo ward: {count} articles.")

    def load_profile(self):
        profile = SiteProfile(
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
            trust_badge_url=BADGE_URL,
        )
        profile.trust_badge_image.save(
            "tin-nhiem-mang.png", ContentFile(badge()), save=False
        )
        profile.save()
        for order, (name, url, color) in enumerate(UNITS):
            unit = SupportUnit(
                name=name, url=url, order=order, logo_alt=f"Biểu trưng {name}"
            )
            unit.logo.save(f"unit-{order}.png", ContentFile(logo(color)), save=False)
            unit.save()
        # The demo ward moved from an old site and kept its visit counter.
        StatsSettings.objects.update_or_create(
            pk=1, defaults={"starting_total": DEMO_STARTING_TOTAL}
        )
