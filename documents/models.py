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
        return self.select_related(
            "doc_type", "issuing_body", "field", "replaced_by"
        ).defer(
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
