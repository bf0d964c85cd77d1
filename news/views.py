import datetime
import re
from collections import defaultdict

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.generic.dates import DayArchiveView, MonthArchiveView

from core.attachments import serve
from core.cache import public_cache
from core.dates import YEARS, local_midnight
from core.pagecache import fragment, page_cacheable
from core.paginate import MAX_PAGES, page_of
from core.workflow import may_preview
from news import search
from news.models import Article, ArticleAttachment, Category, OldSlug

PER_PAGE = 12
AROUND = 3  # "Cùng chuyên mục": this many newer and this many older
LATEST = 5  # "Tin mới"
BLOCK_SIZE = 4


def _category_blocks(public):
    """The home page's block per menu category: its newest articles, sub-
    categories included, in one query however many categories there are
    (an indexed LIMIT subquery per category, joined with OR)."""
    categories = list(Category.objects.all())
    menu = [c for c in categories if c.in_menu and c.parent_id is None]
    top = {c.pk: c.parent_id or c.pk for c in categories}
    newest = Q(pk__in=[])
    for category in menu:
        tree = [pk for pk, root in top.items() if root == category.pk]
        newest |= Q(pk__in=public.filter(category__in=tree).values("pk")[:BLOCK_SIZE])
    found = defaultdict(list)
    for article in public.filter(newest):
        found[top[article.category_id]].append(article)
    return [(c, found[c.pk]) for c in menu if found[c.pk]]


def _list_page(request):
    """The page number asked for, when it can name a fragment: the same
    numbers that page_of() answers, bounded so they cannot fill the cache."""
    number = request.GET.get("page", "1")
    if len(number) <= 3 and number.isdigit() and 1 <= int(number) <= MAX_PAGES:
        return int(number)
    return None


def _home_body(request):
    public = Article.objects.published().for_listing()
    featured = list(public.filter(is_featured=True)[:5])
    others = public.exclude(pk__in=[a.pk for a in featured])
    latest = page_of(request, others, PER_PAGE)
    blocks = _category_blocks(public) if latest.number == 1 else []
    ctx = {"featured": featured, "page_obj": latest, "blocks": blocks}
    return latest.number, render_to_string("news/includes/home_body.html", ctx)


@page_cacheable
@public_cache
def home(request):
    number = _list_page(request)
    if number is None:
        page, body = _home_body(request)
    else:
        page, body = fragment(f"home:{number}", lambda: _home_body(request))
    return render(request, "news/home.html", {"page": page, "body": body})


def _category_body(request, category):
    articles = Article.objects.published().for_listing().in_category(category)
    ctx = {"category": category, "page_obj": page_of(request, articles, PER_PAGE)}
    return ctx["page_obj"].number, render_to_string(
        "news/includes/category_body.html", ctx
    )


@page_cacheable
@public_cache
def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    number = _list_page(request)
    if number is None:
        page, body = _category_body(request, category)
    else:
        name = f"category:{category.pk}:{number}"
        page, body = fragment(name, lambda: _category_body(request, category))
    ctx = {"category": category, "page": page, "body": body}
    return render(request, "news/category.html", ctx)


def _other_news(article):
    """ "Các tin khác": the articles just newer and just older than this one in
    its category, newest first, then the latest elsewhere on the site."""
    public = Article.objects.published().for_listing().exclude(pk=article.pk)
    same = public.filter(category=article.category_id)
    at = article.published_at
    newer = same.filter(published_at__gte=at).order_by("published_at", "pk")
    older = same.filter(published_at__lt=at).order_by("-published_at", "-pk")
    around = list(newer[:AROUND])[::-1] + list(older[:AROUND])
    latest = list(public.exclude(pk__in=[a.pk for a in around])[:LATEST])
    return around, latest


def _article_page(article, preview=False):
    """What the article page shows besides the site's frame. "category"
    marks the article's section in the menu; "day" presets "Xem tin theo
    ngày"."""
    if preview:
        same_category, latest = [], []
    else:
        same_category, latest = _other_news(article)
    ctx = {
        "article": article,
        "preview": preview,
        "same_category": same_category,
        "latest_news": latest,
        "attachments": list(article.attachments.all()),
        "corrections": list(article.corrections.all()),
    }
    return {
        "article": article,
        "category": article.category,
        "preview": preview,
        "day": timezone.localdate(article.published_at),
        "body": render_to_string("news/includes/article_body.html", ctx),
    }


def _public_article_page(slug):
    article = Article.objects.select_related("category").filter(slug=slug).first()
    if article is None or not article.is_public:
        return None
    return _article_page(article)


@page_cacheable
@public_cache
def article(request, slug):
    if len(slug) <= 200:
        page = fragment(f"article:{slug}", lambda: _public_article_page(slug))
        if page is not None:
            return render(request, "news/article.html", page)
    try:
        article = Article.objects.select_related("category").get(slug=slug)
    except Article.DoesNotExist:
        return _moved(slug)
    if article.is_public:
        return render(request, "news/article.html", _article_page(article))
    # A draft's or a scheduled article's answer must not stay in a proxy:
    # neither the staff preview nor the public's 404.
    if may_preview(
        request.user, article, "news.publish_article", "news.change_article"
    ):
        page = _article_page(article, preview=True)
        response = render(request, "news/article.html", page)
    else:
        response = render(request, "404.html", status=404)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _moved(slug):
    """An address the article had before its slug changed: 301 to today's."""
    old = OldSlug.objects.select_related("article").filter(slug=slug).first()
    if old is None or not old.article.is_public:
        raise Http404("Không có tin này.")
    return redirect(old.article, permanent=True)


def attachment(request, pk, name):
    """A file attached to an article (core.attachments.serve)."""
    attached = get_object_or_404(
        ArticleAttachment.objects.select_related("article"), pk=pk
    )
    return serve(
        request,
        attached,
        name,
        public=attached.article.is_public,
        may_preview=may_preview(
            request.user,
            attached.article,
            "news.publish_article",
            "news.change_article",
        ),
    )


DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(value):
    """dd/mm/yyyy as residents write it (typed, or from the site's calendar),
    or yyyy-mm-dd from a browser's own date picker; None when not a day."""
    value = value.strip()
    if found := DAY_MONTH_YEAR.fullmatch(value):
        day, month, year = found.groups()
    elif found := ISO_DAY.fullmatch(value):
        year, month, day = found.groups()
    else:
        return None
    try:
        parsed = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return parsed if parsed.year in YEARS else None


def pick_day(request):
    """The "Xem tin theo ngày" form lands here with ?ngay=dd/mm/yyyy."""
    value = request.GET.get("ngay", "")[:40]
    day = parse_day(value)
    if day is None:
        ctx = {
            "error": "Ngày không hợp lệ. Hãy nhập ngày theo dạng ngày/tháng/năm, "
            "ví dụ 11/04/2023, hoặc chọn một ngày trong lịch.",
            "typed": value,
        }
        return render(request, "news/pick_day.html", ctx, status=400)
    return redirect("news:day", day.year, f"{day.month:02d}", f"{day.day:02d}")


def search_view(request):
    """Tìm kiếm tin tức: ranked, Vietnamese-aware (news/search/)."""
    categories = list(Category.objects.all())
    req = search.parse_request(request.GET, categories)
    results = search.Results([], 0)
    if req.terms:
        public = search.filtered(Article.objects.published(), req)
        results = search.search(public, req.terms)
    page_obj = page_of(request, results, search.PER_PAGE)
    search.add_highlights(page_obj.object_list, req.terms)
    ctx = {
        "search": req,
        "query": req.query,
        "page_obj": page_obj,
        "broad": results.broad,
        "categories": categories,
    }
    return render(request, "news/search.html", ctx)


class PublishedDateMixin:
    """Shared by the date views: published articles, grouped in local time."""

    date_field = "published_at"
    month_format = "%m"
    paginate_by = PER_PAGE
    allow_empty = True
    allow_future = True  # future days are simply empty: published() hides them
    context_object_name = "articles"

    def dispatch(self, request, *args, **kwargs):
        return public_cache(super().dispatch)(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def get_dated_items(self):
        if int(self.kwargs["year"]) not in YEARS:
            raise Http404("Ngày nằm ngoài phạm vi.")
        return super().get_dated_items()

    def paginate_queryset(self, queryset, page_size):
        page = page_of(self.request, queryset, page_size)
        return page.paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = timezone.localdate()
        return ctx

    def _adjacent(self, start, end, direction):
        """The local date of the nearest published article before start or
        from end on: the previous or next day or month that has news."""
        public = Article.objects.published()
        if direction == "next":
            found = public.filter(published_at__gte=end).order_by("published_at")
        else:
            found = public.filter(published_at__lt=start).order_by("-published_at")
        first = found.values_list("published_at", flat=True).first()
        return timezone.localdate(first) if first else None


class DayView(PublishedDateMixin, DayArchiveView):
    template_name = "news/day.html"

    def get_next_day(self, date):
        start = local_midnight(date)
        return self._adjacent(start, start + datetime.timedelta(days=1), "next")

    def get_previous_day(self, date):
        start = local_midnight(date)
        return self._adjacent(start, start + datetime.timedelta(days=1), "previous")


class MonthView(PublishedDateMixin, MonthArchiveView):
    template_name = "news/month.html"

    def _bounds(self, date):
        first = date.replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        return local_midnight(first), local_midnight(following)

    def get_next_month(self, date):
        found = self._adjacent(*self._bounds(date), "next")
        return found.replace(day=1) if found else None

    def get_previous_month(self, date):
        found = self._adjacent(*self._bounds(date), "previous")
        return found.replace(day=1) if found else None
