import datetime

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.attachments import Attachment
from core.fields import CleanImageField
from core.images import ARTICLE_PURPOSES
from core.models import CleanTextModel
from core.revisions import KeepsVersions
from core.workflow import Status, bump_version
from news.search.indexing import index_article


class Category(CleanTextModel):
    slug_source = "name"
    slug_fallback = "chuyen-muc"

    name = models.CharField("tên chuyên mục", max_length=120)
    slug = models.SlugField(
        "đường dẫn",
        max_length=140,
        unique=True,
        blank=True,
        help_text="Phần cuối của địa chỉ trang. Để trống để tạo tự động từ tên.",
    )
    description = models.TextField("mô tả", blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="chuyên mục cha",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Chọn nếu đây là chuyên mục con. Chỉ có một cấp chuyên mục con.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước trên thanh menu."
    )
    in_menu = models.BooleanField("hiện trên menu", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])

    def clean(self):
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError(
                    {"parent": "Chuyên mục không thể là cha của chính nó."}
                )
            if self.parent.parent_id:
                raise ValidationError(
                    {
                        "parent": "Chỉ có một cấp chuyên mục con: hãy chọn chuyên mục gốc."
                    }
                )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What the public may see. Every public path goes through here."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def listed(self):
        """What lists show (home, categories, days, feeds, search): the public
        articles whose end of display has not come. An expired one is still
        public at its own address (published())."""
        still_shown = models.Q(display_until__isnull=True) | models.Q(
            display_until__gt=timezone.now()
        )
        return self.published().filter(still_shown)

    def next_change(self):
        """When lists next change by themselves: the next scheduled article
        going out or the next end of display, whichever comes first (None:
        neither). One query."""
        now = timezone.now()
        found = self.filter(status=Article.Status.PUBLISHED).aggregate(
            out=models.Min("published_at", filter=models.Q(published_at__gt=now)),
            end=models.Min("display_until", filter=models.Q(display_until__gt=now)),
        )
        times = [t for t in found.values() if t is not None]
        return min(times) if times else None

    def in_category(self, category):
        """A category's articles and its sub-categories', as one query."""
        tree = Category.objects.filter(
            models.Q(pk=category.pk) | models.Q(parent=category)
        )
        return self.filter(category__in=tree.values("pk"))

    def for_listing(self):
        """What lists, cards and feeds show: no body, no search columns."""
        return self.select_related("category").defer(
            "body", "search_text", "search_vector", "search_rank"
        )


@reversion.register(
    exclude=("search_text", "search_vector", "search_rank", "view_count")
)
class Article(KeepsVersions, CleanTextModel):
    html_fields = ("body",)
    slug_source = "title"
    slug_fallback = "tin"

    Status = Status

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=255,
        unique=True,
        blank=True,
        help_text="Phần cuối của địa chỉ bài viết, không dấu. "
        "Để trống để tạo tự động từ tiêu đề.",
    )
    summary = models.TextField(
        "sapo", blank=True, help_text="Một hai câu tóm tắt, hiện dưới tiêu đề."
    )
    body = models.TextField("nội dung", blank=True)
    image = CleanImageField(
        "ảnh đại diện",
        upload_to="news/%Y/%m/",
        blank=True,
        max_length=255,
        renditions=ARTICLE_PURPOSES,
    )
    image_caption = models.CharField("chú thích ảnh", max_length=255, blank=True)
    image_alt = models.CharField(
        "mô tả ảnh (alt)",
        max_length=255,
        blank=True,
        help_text="Mô tả ngắn nội dung ảnh cho người khiếm thị. Bắt buộc khi có ảnh.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="chuyên mục",
        on_delete=models.PROTECT,
        related_name="articles",
    )
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    published_at = models.DateTimeField(
        "thời gian xuất bản",
        default=timezone.now,
        help_text="Khi tin được duyệt, thời điểm đã qua được thay bằng lúc duyệt "
        "(tin lên đầu trang, đúng ngày duyệt); đặt một thời điểm trong tương lai "
        "để hẹn giờ đăng tin.",
    )
    display_until = models.DateTimeField(
        "hết hiển thị lúc",
        null=True,
        blank=True,
        help_text="Cho tin có thời hạn, ví dụ thông báo cắt nước: sau thời điểm này "
        "tin rời trang chủ, các danh sách, RSS và kết quả tìm kiếm, nhưng địa chỉ "
        "của tin vẫn mở được, kèm dòng “đã hết thời hạn hiển thị”. Để trống: hiển "
        "thị mãi, hoặc theo thời hạn mặc định của chuyên mục khi tin được duyệt.",
    )
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    source_name = models.CharField(
        "nguồn tin",
        max_length=200,
        blank=True,
        help_text="Ghi nguồn khi tin lấy từ trang khác, ví dụ: Cổng TTĐT tỉnh.",
    )
    source_url = models.URLField("địa chỉ nguồn tin", blank=True, max_length=500)
    author = models.CharField("tác giả", max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_featured = models.BooleanField(
        "tin nổi bật", default=False, help_text="Tin nổi bật hiện đầu trang chủ."
    )
    view_count = models.PositiveIntegerField("lượt xem", default=0, editable=False)
    # Grows by one on every save (core.workflow.bump_version): a form opened
    # at an older number is refused instead of silently overwriting.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)
    # Filled by news.search.index_article() on save; see news/search.py.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    search_rank = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        verbose_name = "tin bài"
        verbose_name_plural = "tin bài"
        permissions = [("publish_article", "Có thể duyệt và xuất bản tin")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_public"),
            models.Index(
                fields=["category", "status", "-published_at"],
                name="article_category",
            ),
            models.Index(
                fields=["is_featured", "status", "-published_at"],
                name="article_featured",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        with reversion.create_revision():
            stored = bump_version(self, also=("slug",))
            super().save(*args, **kwargs)
            if stored and stored["slug"] != self.slug:
                OldSlug.remember(self, stored["slug"])

    def normalize_text(self):
        super().normalize_text()
        # The search fields are made from the text exactly as it is stored.
        index_article(self)

    def get_absolute_url(self):
        return reverse("news:article", args=[self.slug])

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()
        )

    @property
    def is_expired(self):
        """Past its end of display: out of the lists, still at its address."""
        return self.display_until is not None and self.display_until <= timezone.now()

    def clean(self):
        super().clean()
        if self.display_until and self.published_at:
            if self.display_until <= self.published_at:
                raise ValidationError(
                    {
                        "display_until": "Thời điểm hết hiển thị phải sau thời gian "
                        "xuất bản."
                    }
                )

    def apply_default_display_period(self):
        """On approval, an article without an end of display gets its
        category's default period (settings.NEWS_DISPLAY_DAYS), if any."""
        days = settings.NEWS_DISPLAY_DAYS.get(self.category.slug)
        if self.display_until is None and days:
            self.display_until = self.published_at + datetime.timedelta(days=days)


class ArticleAttachment(Attachment):
    """A file shown under the article's body (core.attachments)."""

    article = models.ForeignKey(
        Article,
        verbose_name="tin bài",
        on_delete=models.CASCADE,
        related_name="attachments",
    )

    class Meta(Attachment.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def get_absolute_url(self):
        return reverse("news:attachment", args=[self.pk, self.original_name])


class CorrectionNote(CleanTextModel):
    """A public note saying what a correction of a published article changed:
    shown under its date and carried in the feeds."""

    article = models.ForeignKey(
        Article,
        verbose_name="tin bài",
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    text = models.CharField("nội dung đính chính", max_length=300)
    created_at = models.DateTimeField("thời điểm", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đính chính",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "đính chính"
        verbose_name_plural = "đính chính"

    def __str__(self):
        return self.text


class OldSlug(models.Model):
    """An address an article had before its slug changed: it answers 301 to
    the article, so links shared on Zalo or Facebook keep working."""

    article = models.ForeignKey(
        Article,
        verbose_name="tin bài",
        on_delete=models.CASCADE,
        related_name="old_slugs",
    )
    slug = models.SlugField("đường dẫn cũ", max_length=255, unique=True)
    created_at = models.DateTimeField("ngày đổi", auto_now_add=True)

    class Meta:
        verbose_name = "đường dẫn cũ"
        verbose_name_plural = "đường dẫn cũ"

    def __str__(self):
        return self.slug

    @classmethod
    def remember(cls, article, old_slug):
        # The new slug is the article's own again if it once had it.
        cls.objects.filter(slug=article.slug).delete()
        cls.objects.update_or_create(slug=old_slug, defaults={"article": article})
