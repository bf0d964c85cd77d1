from urllib.parse import urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import NoReverseMatch, reverse

from core.attachments import Attachment
from core.cache import cached
from core.fields import CleanImageField
from core.models import CleanTextModel
from core.revisions import KeepsVersions

PROFILE_CACHE_KEY = "portal:profile"
FOOTER_PAGES_CACHE_KEY = "portal:footer-pages"
UNITS_CACHE_KEY = "portal:support-units"
PUBLIC_SERVICES_URL = "https://dichvucong.gov.vn/"
# The static page that is the privacy notice (the self-check looks for it).
PRIVACY_SLUG = "chinh-sach-bao-ve-du-lieu-ca-nhan"
ABOUT_SLUG = "gioi-thieu"


def validate_script_url(value):
    """An https address of a script on another site, nothing the CSP header
    or the page could be tricked by: no credentials, no spaces or quotes."""
    URLValidator(schemes=["https"])(value)
    parts = urlsplit(value)
    if parts.username or parts.password or not parts.hostname:
        raise ValidationError("Địa chỉ không được chứa tên đăng nhập hay mật khẩu.")
    if any(c in value for c in " '\";,<>"):
        raise ValidationError("Địa chỉ chứa ký tự không hợp lệ.")


def script_origin(url):
    """https://host[:port] of a script address, as a CSP source."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"https://{parts.hostname}{port}"


class SiteProfile(CleanTextModel):
    """What staff set about the site: one record, edited in the admin."""

    portal_name = models.CharField(
        "tên cổng thông tin", max_length=200, default="Cổng thông tin điện tử phường"
    )
    organisation = models.CharField(
        "tên cơ quan",
        max_length=200,
        default="Ủy ban nhân dân phường",
        help_text="Hiện trên đầu trang và chân trang, ví dụ: Đảng ủy phường …",
    )
    governing_body = models.CharField("cơ quan chủ quản", max_length=200, blank=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    editor_name = models.CharField(
        "người chịu trách nhiệm nội dung", max_length=120, blank=True
    )
    editor_title = models.CharField("chức vụ", max_length=120, blank=True)
    logo = CleanImageField(
        "logo",
        upload_to="site/",
        blank=True,
        help_text="Ảnh vuông, nền trong suốt nếu có. Để trống để dùng biểu trưng mặc định.",
    )
    logo_alt = models.CharField(
        "mô tả logo (alt)",
        max_length=200,
        blank=True,
        help_text="Mô tả ngắn logo cho người khiếm thị, ví dụ: Biểu trưng phường … "
        "Bắt buộc khi có logo.",
    )
    public_services_url = models.URLField(
        "địa chỉ Dịch vụ công trực tuyến",
        max_length=300,
        blank=True,
        default=PUBLIC_SERVICES_URL,
        help_text="Mục “Dịch vụ công trực tuyến” trên menu dẫn tới đây: Cổng Dịch vụ "
        "công quốc gia hoặc cổng dịch vụ công của tỉnh, thành phố. Để trống thì "
        "mục này không hiện.",
    )
    footer_text = models.TextField("lời chân trang", blank=True)
    copyright = models.CharField("dòng bản quyền", max_length=255, blank=True)
    trust_badge_image = CleanImageField(
        "ảnh Chứng nhận Tín Nhiệm Mạng",
        upload_to="site/",
        blank=True,
    )
    trust_badge_url = models.URLField(
        "địa chỉ xác minh Tín Nhiệm Mạng",
        blank=True,
        help_text="Trang xác minh của cơ quan trên trang chứng nhận. "
        "Biểu tượng chỉ hiện khi có cả ảnh và địa chỉ này.",
    )
    monitoring_script = models.URLField(
        "địa chỉ mã theo dõi EMC",
        max_length=500,
        blank=True,
        validators=[validate_script_url],
        help_text="Địa chỉ https của tệp mã do Hệ thống giám sát (EMC) cấp, ví dụ "
        "https://emc.example.vn/emc.js. Mọi trang công khai sẽ tải tệp này; "
        "để trống nếu chưa kết nối.",
    )

    class Meta:
        verbose_name = "thông tin cổng"
        verbose_name_plural = "thông tin cổng"
        permissions = [("view_selfcheck", "Có thể xem trang tự kiểm tra")]

    def __str__(self):
        return self.portal_name

    @classmethod
    def current(cls):
        return cached(
            PROFILE_CACHE_KEY, lambda: cls.objects.order_by("pk").first() or cls()
        )

    @property
    def show_trust_badge(self):
        return bool(self.trust_badge_image and self.trust_badge_url)

    @property
    def monitoring_origin(self):
        """The one origin the CSP allows scripts from besides the site's."""
        return script_origin(self.monitoring_script) if self.monitoring_script else ""


class EnglishPage(CleanTextModel):
    """The organisation in English (/en/): one record, edited in the admin."""

    organisation = models.CharField(
        "tên cơ quan (tiếng Anh)",
        max_length=200,
        help_text="Ví dụ: People's Committee of … Ward.",
    )
    functions = models.TextField(
        "chức năng, nhiệm vụ (tiếng Anh)",
        help_text="Văn bản thường; để một dòng trống giữa hai đoạn.",
    )
    address = models.CharField("địa chỉ (tiếng Anh)", max_length=255)
    phone = models.CharField("điện thoại", max_length=50, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    person_responsible = models.CharField(
        "người chịu trách nhiệm", max_length=120, help_text="Họ và tên."
    )
    person_title = models.CharField(
        "chức vụ (tiếng Anh)",
        max_length=120,
        blank=True,
        help_text="Ví dụ: Vice Chairman of the Ward People's Committee.",
    )
    is_published = models.BooleanField(
        "công khai", default=True, help_text="Bỏ chọn để ẩn trang với người xem."
    )
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)

    class Meta:
        verbose_name = "trang tiếng Anh"
        verbose_name_plural = "trang tiếng Anh"

    def __str__(self):
        return self.organisation

    def get_absolute_url(self):
        return reverse("english")

    @classmethod
    def current(cls):
        """The published English page, or None."""
        return cls.objects.filter(is_published=True).order_by("pk").first()


class SupportUnit(CleanTextModel):
    name = models.CharField("tên đơn vị", max_length=200)
    url = models.URLField("liên kết")
    logo = CleanImageField("logo", upload_to="support-units/", renditions=["logo"])
    logo_alt = models.CharField(
        "mô tả logo (alt)",
        max_length=200,
        help_text="Mô tả ngắn logo cho người khiếm thị, ví dụ: Biểu trưng Cổng dịch vụ công.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước."
    )
    is_visible = models.BooleanField("hiển thị", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "đơn vị hỗ trợ"
        verbose_name_plural = "đơn vị hỗ trợ"

    def __str__(self):
        return self.name

    @classmethod
    def visible(cls):
        return cached(
            UNITS_CACHE_KEY, lambda: list(cls.objects.filter(is_visible=True))
        )


@reversion.register()
class Page(KeepsVersions, CleanTextModel):
    """A static page such as "Giới thiệu", "Liên hệ" or the privacy notice."""

    html_fields = ("body",)
    slug_source = "title"
    slug_fallback = "trang"

    title = models.CharField("tiêu đề", max_length=200)
    slug = models.SlugField(
        "đường dẫn",
        max_length=100,
        unique=True,
        blank=True,
        help_text="Địa chỉ trang là /trang/<đường dẫn>/. "
        "Để trống để tạo tự động từ tiêu đề.",
    )
    summary = models.TextField(
        "mô tả ngắn",
        blank=True,
        help_text="Một câu giới thiệu trang, hiện dưới tiêu đề.",
    )
    body = models.TextField("nội dung", blank=True)
    in_footer = models.BooleanField(
        "liên kết ở chân trang",
        default=True,
        help_text="Hiện liên kết ở chân mọi trang.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước ở chân trang."
    )
    is_published = models.BooleanField(
        "công khai", default=True, help_text="Bỏ chọn để ẩn trang với người xem."
    )
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = "trang tĩnh"
        verbose_name_plural = "trang tĩnh"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", args=[self.slug])

    @classmethod
    def footer_links(cls):
        public = cls.objects.filter(is_published=True, in_footer=True)
        return cached(
            FOOTER_PAGES_CACHE_KEY, lambda: list(public.only("title", "slug"))
        )


class PageAttachment(Attachment):
    """A file shown under a static page's body (core.attachments)."""

    page = models.ForeignKey(
        Page,
        verbose_name="trang",
        on_delete=models.CASCADE,
        related_name="attachments",
    )

    class Meta(Attachment.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def get_absolute_url(self):
        return reverse("page_attachment", args=[self.pk, self.original_name])


class MenuItem(CleanTextModel):
    """An entry of the site menu besides the news categories: the items the
    rules for state agencies' portals require (seeded by a migration, each
    with a key) and any staff add. Seeded items cannot be deleted; the four
    the rules name cannot be hidden either, only renamed and reordered."""

    class Key(models.TextChoices):
        HOME = "home", "Trang chủ"
        ABOUT = "about", "Giới thiệu"
        PUBLIC_SERVICES = "public_services", "Dịch vụ công trực tuyến"
        DOCUMENTS = "documents", "Văn bản"
        CONSULTATIONS = "consultations", "Góp ý dự thảo"
        QUESTIONS = "questions", "Hỏi đáp"
        SCHEDULE = "schedule", "Lịch công tác"
        SITE_MAP = "site_map", "Sơ đồ cổng"

    # Items that lead to another app's page: shown only while that page
    # exists (its URL name resolves), so the menu never links to nothing.
    URL_NAMES = {
        Key.HOME: "news:home",
        Key.DOCUMENTS: "documents:list",
        Key.CONSULTATIONS: "documents:consultations",
        Key.QUESTIONS: "questions:index",
        Key.SCHEDULE: "schedule:week",
        Key.SITE_MAP: "site_map",
    }
    # What the inspection list names: never hidden.
    REQUIRED = {Key.HOME, Key.ABOUT, Key.PUBLIC_SERVICES, Key.SITE_MAP}

    title = models.CharField("tên trên menu", max_length=80)
    key = models.CharField(
        "mục bắt buộc",
        max_length=20,
        choices=Key.choices,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    link = models.CharField(
        "địa chỉ",
        max_length=500,
        blank=True,
        help_text="Một trang của cổng, viết từ dấu / (ví dụ /trang/lien-he/), hoặc "
        "địa chỉ đầy đủ của trang ngoài (https://…). Mục Trang chủ, Văn bản, Hỏi "
        "đáp, Lịch công tác, Sơ đồ cổng tự dẫn tới trang của mình; mục Dịch vụ "
        "công trực tuyến dẫn tới địa chỉ đặt trong Thông tin cổng.",
    )
    after_categories = models.BooleanField(
        "sau các chuyên mục",
        default=True,
        help_text="Bỏ chọn để đặt mục trước các chuyên mục tin (như Trang chủ). Trên "
        "điện thoại, các mục sau chuyên mục nằm trong mục “Thêm”.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước."
    )
    is_visible = models.BooleanField(
        "hiển thị",
        default=True,
        help_text="Các mục Trang chủ, Giới thiệu, Dịch vụ công trực tuyến và Sơ đồ "
        "cổng là bắt buộc, luôn hiển thị.",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "mục menu"
        verbose_name_plural = "menu"

    def __str__(self):
        return self.title

    @property
    def is_required(self):
        return self.key in self.REQUIRED

    @property
    def has_own_target(self):
        """Whether the item leads where its key says, not to its link."""
        return self.key in self.URL_NAMES or self.key == self.Key.PUBLIC_SERVICES

    def clean(self):
        super().clean()
        if self.is_required and not self.is_visible:
            raise ValidationError(
                {"is_visible": "Mục này bắt buộc trên cổng: không thể ẩn."}
            )
        if self.has_own_target:
            return
        if not self.link:
            raise ValidationError({"link": "Hãy nhập địa chỉ của mục."})
        if self.link.startswith("/") and not self.link.startswith("//"):
            return
        try:
            URLValidator(schemes=["http", "https"])(self.link)
        except ValidationError:
            raise ValidationError(
                {"link": "Địa chỉ phải bắt đầu bằng / hoặc https://"}
            ) from None

    def target(self, profile):
        """The item's address, or None when it leads nowhere (another app's
        page not installed, the public-service address left empty)."""
        if self.key in self.URL_NAMES:
            try:
                return reverse(self.URL_NAMES[self.key])
            except NoReverseMatch:
                return None
        if self.key == self.Key.PUBLIC_SERVICES:
            return profile.public_services_url or None
        return self.link or None
