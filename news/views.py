import datetime

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.generic.dates import DayArchiveView, MonthArchiveView

from news.models import Article, Category

PER_PAGE = 12
OTHER_NEWS = 10


def _page(request, queryset, per_page=PER_PAGE):
    """get_page() turns a bad or too-large ?page= into the first or last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _listing(queryset):
    return queryset.select_related("category").defer("body", "search_text")


def home(request):
    public = _listing(Article.objects.published())
    featured = list(public.filter(is_featured=True)[:5])
    latest = _page(request, public.exclude(pk__in=[a.pk for a in featured]))
    blocks = []
    if latest.number == 1:
        for category in Category.objects.filter(in_menu=True, parent=None):
            articles = list(
                public.filter(Q(category=category) | Q(category__parent=category))[:4]
            )
            if articles:
                blocks.append((category, articles))
    ctx = {"featured": featured, "page_obj": latest, "blocks": blocks}
    return render(request, "news/home.html", ctx)


def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    articles = _listing(Article.objects.published()).filter(
        Q(category=category) | Q(category__parent=category)
    )
    ctx = {"category": category, "page_obj": _page(request, articles)}
    return render(request, "news/category.html", ctx)


def article(request, slug):
    article = get_object_or_404(Article.objects.select_related("category"), slug=slug)
    if not article.is_public:
        if not request.user.is_staff:
            raise Http404("Không có tin này.")
        ctx = {"article": article, "other_news": [], "preview": True}
        response = render(request, "news/article.html", ctx)
        response["Cache-Control"] = "no-cache, no-store, private"
        return response

    Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1)
    others = _listing(Article.objects.published()).exclude(pk=article.pk)
    other_news = list(others.filter(category=article.category_id)[:OTHER_NEWS])
    if len(other_news) < OTHER_NEWS:
        seen = [a.pk for a in other_news]
        other_news += others.exclude(pk__in=seen)[: OTHER_NEWS - len(other_news)]
    ctx = {"article": article, "other_news": other_news}
    return render(request, "news/article.html", ctx)


def pick_day(request):
    """The sidebar's "Xem tin theo ngày" form lands here with ?ngay=yyyy-mm-dd."""
    value = request.GET.get("ngay", "")
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        ctx = {"error": "Ngày không hợp lệ. Hãy chọn một ngày trong lịch."}
        return render(request, "news/pick_day.html", ctx, status=400)
    return redirect("news:day", day.year, f"{day.month:02d}", f"{day.day:02d}")


class PublishedDateMixin:
    """Shared by the date views: published articles, grouped in local time."""

    date_field = "published_at"
    month_format = "%m"
    paginate_by = PER_PAGE
    allow_empty = True
    context_object_name = "articles"

    def get_queryset(self):
        return _listing(Article.objects.published())

    def get_dated_items(self):
        # Outside this range a day's UTC bounds overflow datetime: a 404, not a 500.
        if not 1900 <= int(self.kwargs["year"]) <= 2999:
            raise Http404("Ngày nằm ngoài phạm vi.")
        return super().get_dated_items()

    def paginate_queryset(self, queryset, page_size):
        page = Paginator(queryset, page_size).get_page(self.request.GET.get("page"))
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = timezone.localdate()
        return ctx


class DayView(PublishedDateMixin, DayArchiveView):
    template_name = "news/day.html"
    allow_future = True  # future days are simply empty: published() hides them

    def get_next_day(self, date):
        return self._adjacent_day(date, "gt")

    def get_previous_day(self, date):
        return self._adjacent_day(date, "lt")

    def _adjacent_day(self, date, direction):
        start = timezone.make_aware(datetime.datetime.combine(date, datetime.time()))
        public = Article.objects.published()
        if direction == "gt":
            found = public.filter(
                published_at__gte=start + datetime.timedelta(days=1)
            ).order_by("published_at")
        else:
            found = public.filter(published_at__lt=start).order_by("-published_at")
        first = found.values_list("published_at", flat=True).first()
        return timezone.localdate(first) if first else None


class MonthView(PublishedDateMixin, MonthArchiveView):
    template_name = "news/month.html"
    allow_future = True
