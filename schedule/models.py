"""Lịch công tác: the ward leaders' engagements, week by week."""

import reversion
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.models import CleanTextModel
from core.revisions import KeepsVersions
from core.workflow import Status
from schedule.weeks import Week, day_name

# What the public reads of an entry: changing any of them once the entry has
# been public marks it "điều chỉnh".
PUBLIC_FIELDS = (
    "day",
    "start_time",
    "end_time",
    "content",
    "presiding",
    "attendees",
    "location",
    "note",
)


class EntryQuerySet(models.QuerySet):
    def published(self):
        """What the public may see. Every public path goes through here."""
        return self.filter(
            status=Entry.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def in_week(self, week):
        return self.filter(day__range=(week.monday, week.sunday))

    def next_publication(self):
        """When the next approved entry scheduled for later goes out, or None."""
        scheduled = self.filter(
            status=Entry.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        return scheduled.aggregate(first=models.Min("published_at"))["first"]


@reversion.register(exclude=("was_public",))
class Entry(KeepsVersions, CleanTextModel):
    Status = Status

    day = models.DateField("ngày", help_text="Ngày diễn ra, dạng ngày/tháng/năm.")
    start_time = models.TimeField("giờ bắt đầu", help_text="Ví dụ: 07:30.")
    end_time = models.TimeField(
        "giờ kết thúc",
        null=True,
        blank=True,
        help_text="Để trống nếu không định trước giờ kết thúc.",
    )
    content = models.TextField(
        "nội dung",
        help_text="Việc gì, ví dụ: Họp giao ban Ủy ban nhân dân phường tháng 12.",
    )
    presiding = models.CharField(
        "chủ trì",
        max_length=255,
        help_text="Người chủ trì, kèm chức vụ, ví dụ: Đ/c Nguyễn Văn An – Chủ tịch "
        "UBND phường.",
    )
    attendees = models.TextField(
        "thành phần",
        blank=True,
        help_text="Những người, đơn vị dự; để trống nếu chỉ người chủ trì.",
    )
    location = models.CharField(
        "địa điểm", max_length=255, help_text="Ví dụ: Hội trường UBND phường."
    )
    note = models.CharField(
        "ghi chú",
        max_length=255,
        blank=True,
        help_text="Ví dụ: đơn vị chuẩn bị nội dung, tài liệu cần mang theo.",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "thời gian xuất bản",
        default=timezone.now,
        help_text="Khi được duyệt, thời điểm đã qua được thay bằng lúc duyệt; đặt "
        "một thời điểm trong tương lai để hẹn giờ công bố.",
    )
    adjusted_at = models.DateTimeField(
        "điều chỉnh lúc",
        null=True,
        blank=True,
        editable=False,
        help_text="Lần sửa gần nhất sau khi lịch đã công bố; hiện cho người đọc.",
    )
    # Whether readers may have seen it: from then on, changes are adjustments.
    was_public = models.BooleanField(default=False, editable=False)
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

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["day", "start_time", "id"]
        get_latest_by = "day"
        verbose_name = "mục lịch công tác"
        verbose_name_plural = "lịch công tác"
        permissions = [("publish_entry", "Có thể duyệt và xuất bản lịch công tác")]
        indexes = [models.Index(fields=["day", "status"], name="schedule_week")]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.start_time:%H:%M} – {self.content[:80]}"

    def save(self, *args, **kwargs):
        self.normalize_text()  # compare the text as it will be stored
        self.note_adjustment()
        super().save(*args, **kwargs)

    def note_adjustment(self, now=None):
        """A change to what readers may have seen is dated: "Điều chỉnh lúc…"."""
        if self.pk is None:
            return
        stored = (
            Entry.objects.filter(pk=self.pk)
            .values(*PUBLIC_FIELDS, "status", "published_at", "was_public")
            .first()
        )
        if stored is None:
            return
        now = now or timezone.now()
        seen = stored["was_public"] or (
            stored["status"] == Status.PUBLISHED and stored["published_at"] <= now
        )
        if not seen:
            return
        self.was_public = True
        if any(stored[f] != getattr(self, f) for f in PUBLIC_FIELDS):
            self.adjusted_at = now

    @property
    def week(self):
        return Week.of(self.day)

    @property
    def day_name(self):
        return day_name(self.day)

    @property
    def anchor(self):
        return f"muc-lich-{self.pk}"

    def get_absolute_url(self):
        week = self.week
        url = reverse("schedule:week_of", args=[week.year, week.number])
        return f"{url}#{self.anchor}"

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()
        )
