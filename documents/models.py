"""The register of documents (văn bản): what the ward issues, with its files."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.attachments import Attachment
from core.extract import extract_text
from core.models import CleanTextModel
from core.workflow import Status
from documents.search import index_text, vector


class NamedList(CleanTextModel):
    """A short list staff keep: types, fields, issuing bodies."""

    slug_source = "name"

    name = models.CharField("tên", max_length=150, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        help_text="Dùng trong địa chỉ bộ lọc. Để trống để tạo tự động từ tên.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước trong bộ lọc."
    )

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class DocumentType(NamedList):
    slug_fallback = "loai"

    class Meta(NamedList.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class Field(NamedList):
    slug_fallback = "linh-vuc"

    class Meta(NamedList.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"


class IssuingBody(NamedList):
    slug_fallback = "co-quan"

    class Meta(NamedList.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class Validity(models.TextChoices):
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"
    EXPIRED = "het-hieu-luc", "Hết hiệu lực"
    REPLACED = "bi-thay-the", "Bị thay thế"


def local_today():
    """Today as residents mean it (Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """What the public may see. Every public path goes through here."""
        return self.filter(
            status=Document.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_listing(self):
        """What the list and the feed show: no body, no search words."""
        return self.select_related("doc_type", "issuing_body", "field").defer(
            "body", "search_text", "search_vector"
        )

    def for_detail(self):
        # The draft put out for comment (if any) comes in the same query.
        return self.select_related(
            "doc_type", "issuing_body", "field", "replaced_by", "consultation"
        ).defer(
            "consultation__report",
            "consultation__introduction",
            "search_text",
            "search_vector",
            "replaced_by__body",
            "replaced_by__search_text",
            "replaced_by__search_vector",
        )

    def with_validity(self, validity, day):
        """Documents whose validity on that local day is the one asked for;
        the same rules as Document.validity_on(), as one WHERE clause."""
        Q = models.Q
        replaced = Q(replaced_by__isnull=False)
        expired = Q(expires_on__lte=day)
        not_yet = Q(effective_on__gt=day) | Q(
            effective_on__isnull=True, issued_on__gt=day
        )
        if validity == Validity.REPLACED:
            return self.filter(replaced)
        if validity == Validity.EXPIRED:
            return self.filter(expired).exclude(replaced)
        if validity == Validity.NOT_YET:
            return self.filter(not_yet).exclude(replaced).exclude(expired)
        return self.exclude(replaced).exclude(expired).exclude(not_yet)


class Document(CleanTextModel):
    html_fields = ("body",)

    Status = Status

    doc_type = models.ForeignKey(
        DocumentType,
        verbose_name="loại văn bản",
        on_delete=models.PROTECT,
        related_name="documents",
    )
    number_symbol = models.CharField(
        "số, ký hiệu",
        max_length=80,
        help_text="Ghi đúng như trên văn bản, ví dụ: 12/NQ-ĐU.",
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name="cơ quan ban hành",
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.CharField("người ký", max_length=150, blank=True)
    field = models.ForeignKey(
        Field,
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issued_on = models.DateField("ngày ban hành")
    effective_on = models.DateField(
        "ngày có hiệu lực",
        null=True,
        blank=True,
        help_text="Để trống nếu văn bản có hiệu lực từ ngày ban hành.",
    )
    expires_on = models.DateField(
        "ngày hết hiệu lực",
        null=True,
        blank=True,
        help_text="Từ ngày này văn bản không còn hiệu lực. Để trống nếu không hạn.",
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name="bị thay thế bởi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="Văn bản thay thế văn bản này (nếu có).",
    )
    summary = models.TextField("trích yếu")
    body = models.TextField("nội dung", blank=True)
    # A model-level link to news by name, not a Python import: documents and
    # news stay independent in code; the migration depends on news.
    related_articles = models.ManyToManyField(
        "news.Article",
        verbose_name="tin bài liên quan",
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField("thời gian xuất bản", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)
    # Folded words of the fields and of the files' text (documents.search).
    search_text = models.TextField(editable=False, blank=True, default="")
    # The same words as a tsvector, GIN-indexed, on PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        permissions = [("publish_document", "Có thể duyệt và xuất bản văn bản")]
        indexes = [
            models.Index(fields=["status", "-issued_on"], name="document_public"),
        ]

    def __str__(self):
        return f"{self.number_symbol} – {self.summary[:80]}"

    def normalize_text(self):
        super().normalize_text()
        self.search_text = index_text(self, self.file_texts())
        self.search_vector = vector(self.search_text)

    def file_texts(self):
        if not self.pk:
            return []
        return list(self.files.values_list("text", flat=True))

    def reindex(self):
        """After its files change: the search words again, in one UPDATE."""
        text = index_text(self, self.file_texts())
        Document.objects.filter(pk=self.pk).update(
            search_text=text, search_vector=vector(text)
        )

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.pk])

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()
        )

    @property
    def starts_on(self):
        return self.effective_on or self.issued_on

    def validity_on(self, day):
        if self.replaced_by_id:
            return Validity.REPLACED
        if self.expires_on and day >= self.expires_on:
            return Validity.EXPIRED
        if self.starts_on and day < self.starts_on:
            return Validity.NOT_YET
        return Validity.IN_FORCE

    @property
    def validity(self):
        return self.validity_on(local_today())


class DocumentFile(Attachment):
    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="files"
    )
    text = models.TextField("chữ trong tệp", blank=True, editable=False)
    has_text_layer = models.BooleanField("có lớp chữ", default=False, editable=False)

    class Meta(Attachment.Meta):
        verbose_name = "tệp văn bản"
        verbose_name_plural = "tệp văn bản"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.document.reindex()

    def describe_new_file(self, kind):
        self.text = extract_text(self.file, kind.code)
        self.has_text_layer = bool(self.text)

    def get_absolute_url(self):
        return reverse("documents:file", args=[self.pk, self.original_name])


class ConsultationQuerySet(models.QuerySet):
    def public(self):
        """Consultations anyone may see: those of a published document (the
        register's own published()), open, closed or not yet open."""
        return self.filter(document__in=Document.objects.published())

    def with_received(self):
        """Each with the count of comments received (hidden ones, spam and
        abuse, left out): one annotation, no query per row."""
        return self.annotate(
            received=models.Count(
                "comments", filter=~models.Q(comments__status=CommentStatus.HIDDEN)
            )
        )

    def for_listing(self, now=None):
        """Open ones first (soonest deadline first), then those not yet open
        (soonest first), then closed ones (most recently closed first)."""
        now = now or timezone.now()
        When = models.When
        return (
            self.with_received()
            .select_related("document__doc_type")
            .defer(
                "report",
                "document__body",
                "document__search_text",
                "document__search_vector",
            )
            .annotate(
                rank=models.Case(
                    When(closes_at__lte=now, then=models.Value(2)),
                    When(opens_at__gt=now, then=models.Value(1)),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                ),
                upcoming=models.Case(
                    When(opens_at__gt=now, then="opens_at"),
                    When(closes_at__gt=now, then="closes_at"),
                    default=None,
                ),
            )
            .order_by(
                "rank",
                models.F("upcoming").asc(nulls_last=True),
                "-closes_at",
                "-id",
            )
        )

    def next_change(self, now=None):
        """The next opening or closing time after now, or None (one query):
        what a cached copy of the list must not outlive."""
        now = now or timezone.now()
        found = self.aggregate(
            opens=models.Min("opens_at", filter=models.Q(opens_at__gt=now)),
            closes=models.Min("closes_at", filter=models.Q(closes_at__gt=now)),
        )
        times = [t for t in found.values() if t]
        return min(times) if times else None


class Consultation(CleanTextModel):
    """A document of the register put out as a draft for residents' comments
    (góp ý dự thảo), between an opening and a closing time."""

    html_fields = ("report",)
    slug_source = "title"
    slug_fallback = "du-thao"

    document = models.OneToOneField(
        Document,
        verbose_name="văn bản dự thảo",
        on_delete=models.CASCADE,
        related_name="consultation",
        help_text=(
            "Văn bản trong sổ văn bản (có tệp dự thảo đính kèm). Trang góp ý chỉ "
            "hiện khi văn bản đã được xuất bản."
        ),
    )
    title = models.CharField(
        "tên dự thảo",
        max_length=300,
        help_text="Ví dụ: Dự thảo Quy chế quản lý vỉa hè phường.",
    )
    slug = models.SlugField(
        "đường dẫn",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Dùng trong địa chỉ trang góp ý. Để trống để tạo tự động từ tên.",
    )
    introduction = models.TextField(
        "lời mời góp ý",
        blank=True,
        help_text="Vài câu nói dự thảo về việc gì và ai nên góp ý.",
    )
    opens_at = models.DateTimeField(
        "bắt đầu nhận góp ý",
        help_text="Giờ Việt Nam (Asia/Ho_Chi_Minh). Biểu mẫu mở từ thời điểm này.",
    )
    closes_at = models.DateTimeField(
        "hạn góp ý",
        help_text=(
            "Giờ Việt Nam (Asia/Ho_Chi_Minh). Đến thời điểm này biểu mẫu tự đóng; "
            "ví dụ 17:00 ngày cuối cùng."
        ),
    )
    report = models.TextField(
        "báo cáo tiếp thu, giải trình",
        blank=True,
        help_text=(
            "Tổng hợp các ý kiến đã nhận và cách tiếp thu, giải trình. Hiện trên "
            "trang góp ý khi có nội dung."
        ),
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_at", "-id"]
        verbose_name = "dự thảo lấy ý kiến"
        verbose_name_plural = "dự thảo lấy ý kiến"
        permissions = [
            (
                "view_commenter_data",
                "Có thể xem thông tin cá nhân của người góp ý dự thảo",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_opening",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": "Hạn góp ý phải sau thời điểm bắt đầu nhận góp ý."}
            )

    def get_absolute_url(self):
        return reverse("documents:consultation", args=[self.slug])

    def state(self, now=None):
        """ "not_yet", "open" or "closed" at that moment."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        return "open" if now < self.closes_at else "closed"

    def is_open(self, now=None):
        return self.state(now) == "open"

    def days_left(self, now=None):
        """Local calendar days until the deadline's day (0 on the last day)."""
        now = now or timezone.now()
        return (timezone.localdate(self.closes_at) - timezone.localdate(now)).days


class CommentStatus(models.TextChoices):
    NEW = "new", "Mới"
    PUBLISHED = "published", "Công khai"
    HIDDEN = "hidden", "Ẩn"


class Comment(models.Model):
    """A resident's comment on a draft. The name, contact and address are
    personal data: staff with documents.view_commenter_data see them, the
    public never does, and they are erased after the retention period
    (documents.privacy)."""

    Status = CommentStatus

    consultation = models.ForeignKey(
        Consultation,
        verbose_name="dự thảo",
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField("họ và tên", max_length=100, blank=True)
    contact = models.CharField(
        "điện thoại hoặc email",
        max_length=254,
        blank=True,
        db_index=True,
        help_text="Chuẩn hóa: email viết thường, số điện thoại chỉ gồm chữ số.",
    )
    address = models.CharField("tổ dân phố, địa chỉ", max_length=200, blank=True)
    body = models.TextField("nội dung góp ý")
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.NEW,
        help_text="Chỉ góp ý “Công khai” hiện trên trang, không kèm thông tin cá nhân.",
    )
    created_at = models.DateTimeField("thời gian gửi", default=timezone.now)
    # A keyed hash of the sender's address (core.publicforms.address_key),
    # never the address: what bounds the rows one sender can store.
    sender_key = models.CharField(max_length=32, blank=True, editable=False)
    anonymised_at = models.DateTimeField(
        "đã xóa thông tin cá nhân lúc", null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "góp ý dự thảo"
        verbose_name_plural = "góp ý dự thảo"
        indexes = [
            models.Index(fields=["sender_key", "created_at"], name="comment_sender"),
            models.Index(fields=["created_at"], name="comment_created"),
            models.Index(
                fields=["consultation", "status", "created_at"],
                name="comment_public",
            ),
        ]

    def __str__(self):
        return f"Góp ý #{self.pk} – {self.consultation}"
