"""Questions residents send (hỏi đáp), their handling and their answers."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from core.models import CleanTextModel
from core.workdays import add_working_days, local_date, working_days_between
from core.workflow import Status
from questions import codes
from questions.notices import send_answer_notice


class Topic(CleanTextModel):
    """A topic residents choose from; the list is the staff's."""

    slug_source = "name"
    slug_fallback = "chu-de"

    name = models.CharField("tên", max_length=150, unique=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        help_text="Dùng trong địa chỉ bộ lọc. Để trống để tạo tự động từ tên.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Số nhỏ đứng trước trong danh sách."
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "chủ đề hỏi đáp"
        verbose_name_plural = "chủ đề hỏi đáp"

    def __str__(self):
        return self.name


class Handling(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận"
    IN_PROGRESS = "in_progress", "Đang xử lý"
    ANSWERED = "answered", "Đã trả lời"
    DECLINED = "declined", "Từ chối trả lời"


CLOSED = (Handling.ANSWERED, Handling.DECLINED)
PERSONAL_FIELDS = ("name", "phone", "email", "address")


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: an approved answer staff chose to publish.
        Every public path goes through here."""
        return self.filter(
            is_public=True,
            status=Handling.ANSWERED,
            answer_status=Status.PUBLISHED,
        )

    def for_public(self):
        """Only the columns a public page may show: never the personal data."""
        return self.select_related("topic").only(
            "pk",
            "title",
            "body",
            "public_body",
            "answer",
            "received_at",
            "answered_at",
            "topic__name",
            "topic__slug",
        )

    def on_time_this_month(self, today=None):
        """(answered on time, answered) for the current local month."""
        today = today or timezone.localdate()
        start = today.replace(day=1)
        row = self.filter(
            status=Handling.ANSWERED,
            answered_on__gte=start,
            answered_on__lte=today,
        ).aggregate(
            answered=Count("pk"),
            on_time=Count("pk", filter=Q(answered_on__lte=F("due_on"))),
        )
        return row["on_time"], row["answered"]


class Question(CleanTextModel):
    html_fields = ("answer",)

    Status = Status
    Handling = Handling

    code = models.CharField(
        "mã tra cứu", max_length=codes.LENGTH, unique=True, editable=False
    )
    topic = models.ForeignKey(
        Topic, verbose_name="chủ đề", on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField("tiêu đề", max_length=200)
    body = models.TextField("câu hỏi")
    public_body = models.TextField(
        "câu hỏi khi công bố",
        blank=True,
        help_text="Nếu câu hỏi có nêu tên, số điện thoại, địa chỉ… hãy chép lại ở "
        "đây bản đã lược bỏ; để trống để công bố nguyên văn câu hỏi.",
    )
    # Personal data: shown only to staff with questions.view_personal_data,
    # erased after QUESTIONS_RETENTION_DAYS from closing.
    name = models.CharField("họ và tên", max_length=100, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    address = models.CharField("tổ dân phố, địa chỉ", max_length=200, blank=True)
    wants_notice = models.BooleanField(
        "báo qua thư điện tử khi có trả lời", default=False
    )
    # A keyed hash of the sender's address (core.publicforms.address_key),
    # never the address: it bounds the rows one address may store.
    sender_key = models.CharField(max_length=32, blank=True, editable=False)
    received_at = models.DateTimeField("ngày nhận", default=timezone.now)
    due_on = models.DateField(
        "hạn trả lời",
        editable=False,
        help_text="Tính theo ngày làm việc từ ngày nhận.",
    )
    status = models.CharField(
        "tình trạng xử lý",
        max_length=12,
        choices=Handling.choices,
        default=Handling.RECEIVED,
        help_text="“Đã trả lời” được đặt tự động khi câu trả lời được duyệt.",
    )
    decline_reason = models.TextField(
        "lý do từ chối",
        blank=True,
        help_text="Người hỏi đọc được lý do này khi tra cứu mã.",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="cán bộ xử lý",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_notes = models.TextField(
        "ghi chú nội bộ",
        blank=True,
        help_text="Chỉ cán bộ thấy; không bao giờ công bố.",
    )
    answer = models.TextField("câu trả lời", blank=True)
    answer_status = models.CharField(
        "duyệt câu trả lời",
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Câu trả lời chỉ đến người hỏi và công chúng khi đã được duyệt.",
    )
    is_public = models.BooleanField(
        "công bố hỏi đáp",
        default=False,
        help_text="Đăng câu hỏi và câu trả lời lên trang Hỏi đáp (không kèm tên, "
        "số điện thoại, thư điện tử, địa chỉ của người hỏi).",
    )
    answered_at = models.DateTimeField("ngày trả lời", null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField("ngày kết thúc", null=True, editable=False)
    notice_sent_at = models.DateTimeField(null=True, editable=False)
    personal_data_erased_at = models.DateTimeField(
        "ngày xóa dữ liệu cá nhân", null=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("ngày cập nhật", auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "câu hỏi"
        verbose_name_plural = "hỏi đáp"
        permissions = [
            ("publish_question", "Có thể duyệt câu trả lời và công bố hỏi đáp"),
            ("view_personal_data", "Có thể xem và xuất dữ liệu cá nhân người hỏi"),
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="question_queue"),
            models.Index(fields=["sender_key", "received_at"], name="question_sender"),
            models.Index(fields=["received_at"], name="question_received"),
            models.Index(fields=["is_public", "-answered_at"], name="question_public"),
        ]

    def __str__(self):
        # Also what the admin's history keeps: never a name or contact.
        return f"{codes.display(self.code)} – {self.title[:80]}"

    @property
    def display_code(self):
        return codes.display(self.code)

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.pk])

    def get_status_url(self):
        return reverse("questions:status", args=[self.display_code])

    @property
    def question_text(self):
        return self.public_body or self.body

    @property
    def is_closed(self):
        return self.status in CLOSED

    def days_left(self, today=None):
        """Working days until the due date; negative once overdue."""
        return working_days_between(today or timezone.localdate(), self.due_on)

    def save(self, *args, **kwargs):
        if not self.due_on:
            self.due_on = add_working_days(
                self.received_at, settings.QUESTIONS_ANSWER_DAYS
            )
        self.follow_approval()
        if self.pk or self.code:
            super().save(*args, **kwargs)
        else:
            self.save_with_new_code(*args, **kwargs)
        if self.notice_due():
            pk = self.pk
            transaction.on_commit(lambda: send_answer_notice(pk))

    def notice_due(self):
        return (
            self.wants_notice
            and bool(self.email)
            and self.answer_status == Status.PUBLISHED
            and self.notice_sent_at is None
        )

    def save_with_new_code(self, *args, **kwargs):
        # A clash among 31¹⁰ codes is near impossible; the unique constraint
        # makes it harmless anyway: draw again.
        for _ in range(5):
            self.code = codes.new_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if type(self).objects.filter(code=self.code).exists():
                    self.pk = None
                    continue
                raise
        raise IntegrityError("no free tracking code after 5 draws")

    def follow_approval(self):
        """An approved answer closes the question as answered; a withdrawn
        one reopens it. Declining closes it too."""
        now = timezone.now()
        if self.answer_status == Status.PUBLISHED:
            self.status = Handling.ANSWERED
            self.answered_at = self.answered_at or now
        elif self.status == Handling.ANSWERED:
            self.status = Handling.IN_PROGRESS
            self.answered_at = None
        self.answered_on = local_date(self.answered_at) if self.answered_at else None
        if self.status in CLOSED:
            self.closed_at = self.closed_at or now
        else:
            self.closed_at = None
