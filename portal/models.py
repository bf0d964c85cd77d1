from django.core.cache import cache
from django.db import models

from news.images import validate_image

PROFILE_CACHE_KEY = "portal:profile"


class SiteProfile(models.Model):
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
    logo = models.ImageField(
        "logo", upload_to="site/", blank=True, validators=[validate_image]
    )
    footer_text = models.TextField("lời chân trang", blank=True)
    copyright = models.CharField("dòng bản quyền", max_length=255, blank=True)
    trust_badge_image = models.ImageField(
        "ảnh Chứng nhận Tín Nhiệm Mạng",
        upload_to="site/",
        blank=True,
        validators=[validate_image],
    )
    trust_badge_url = models.URLField(
        "địa chỉ xác minh Tín Nhiệm Mạng",
        blank=True,
        help_text="Trang xác minh của cơ quan trên trang chứng nhận. "
        "Biểu tượng chỉ hiện khi có cả ảnh và địa chỉ này.",
    )

    class Meta:
        verbose_name = "thông tin cổng"
        verbose_name_plural = "thông tin cổng"

    def __str__(self):
        return self.portal_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(PROFILE_CACHE_KEY)

    @classmethod
    def current(cls):
        profile = cache.get(PROFILE_CACHE_KEY)
        if profile is None:
            profile = cls.objects.order_by("pk").first() or cls()
            cache.set(PROFILE_CACHE_KEY, profile, 30)
        return profile

    @property
    def show_trust_badge(self):
        return bool(self.trust_badge_image and self.trust_badge_url)


class SupportUnit(models.Model):
    name = models.CharField("tên đơn vị", max_length=200)
    url = models.URLField("liên kết")
    logo = models.ImageField(
        "logo", upload_to="support-units/", validators=[validate_image]
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_visible = models.BooleanField("hiển thị", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "đơn vị hỗ trợ"
        verbose_name_plural = "đơn vị hỗ trợ"

    def __str__(self):
        return self.name
