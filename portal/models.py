from urllib.parse import urlsplit

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse

from core.attachments import Attachment
from core.cache import cached
from core.fields import CleanImageField
from core.models import CleanTextModel
from core.revisions import KeepsVersions

PROFILE_CACHE_KEY = "portal:profile"
FOOTER_PAGES_CACHE_KEY = "portal:footer-pages"
UNITS_CACHE_KEY = "portal:support-units"
# The static page that is the privacy notice (the self-check looks for it).
PRIVACY_SLUG = "quyen-rieng-tu"
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
