from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import F

FIGURES_CACHE_KEY = "stats:figures"


class Visitor(models.Model):
    """A visitor seen recently, known only by a hash that changes every day.

    Rows older than the 30-minute visit gap are useless and purged; the table
    holds about as many rows as there were visitors in the last half hour.
    """

    key = models.CharField(max_length=32, primary_key=True)
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "khách đang truy cập"
        verbose_name_plural = "khách đang truy cập"

    def __str__(self):
        return self.key


class DailyVisitsQuerySet(models.QuerySet):
    def add_visit(self, day):
        """One more visit on `day`, atomically, whichever worker gets there first."""
        if self.filter(day=day).update(visits=F("visits") + 1):
            return
        try:
            with transaction.atomic():
                self.create(day=day, visits=1)
        except IntegrityError:
            # Another worker created the day's row a moment ago.
            self.filter(day=day).update(visits=F("visits") + 1)


class DailyVisits(models.Model):
    """The visits of one day (Asia/Ho_Chi_Minh), kept forever."""

    day = models.DateField("ngày", unique=True)
    visits = models.PositiveBigIntegerField("lượt truy cập", default=0)

    objects = DailyVisitsQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        verbose_name = "lượt truy cập theo ngày"
        verbose_name_plural = "lượt truy cập theo ngày"

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.visits}"


class StatsSettings(models.Model):
    """What staff set about the statistics: one record."""

    starting_total = models.PositiveBigIntegerField(
        "số lượt truy cập ban đầu",
        default=0,
        help_text="Số lượt truy cập đã đếm được ở trang web cũ (nếu có). "
        "Số này được cộng vào “Truy cập tổng”.",
    )

    class Meta:
        verbose_name = "cài đặt thống kê"
        verbose_name_plural = "cài đặt thống kê"

    def __str__(self):
        return "Cài đặt thống kê truy cập"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        # The editor sees the new total at once; other workers within 30 s.
        cache.delete(FIGURES_CACHE_KEY)

    @classmethod
    def current(cls):
        # Read only: a public page must not write (the database may be read-only).
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class PageReader(models.Model):
    """A visitor who read a page on a day, known only by the day's hash.

    Only today's rows matter (they stop a second view from counting again);
    rows of earlier days are purged like stale visitors.
    """

    day = models.DateField()
    path = models.CharField(max_length=255)
    visitor = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "path", "visitor"], name="stats_one_reader_per_day"
            )
        ]
        verbose_name = "người đọc trang"
        verbose_name_plural = "người đọc trang"

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.path}"


class DailyPageReadersQuerySet(models.QuerySet):
    def add_reader(self, day, path):
        """One more reader of `path` on `day`, atomically (as add_visit)."""
        if self.filter(day=day, path=path).update(readers=F("readers") + 1):
            return
        try:
            with transaction.atomic():
                self.create(day=day, path=path, readers=1)
        except IntegrityError:
            self.filter(day=day, path=path).update(readers=F("readers") + 1)


class DailyPageReaders(models.Model):
    """Distinct readers of one page on one day (Asia/Ho_Chi_Minh): "Tin đọc nhiều"."""

    day = models.DateField("ngày")
    path = models.CharField("đường dẫn", max_length=255)
    readers = models.PositiveIntegerField("người đọc", default=0)

    objects = DailyPageReadersQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "path"], name="stats_one_count_per_page_and_day"
            )
        ]
        verbose_name = "người đọc trang theo ngày"
        verbose_name_plural = "người đọc trang theo ngày"

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.path}: {self.readers}"
