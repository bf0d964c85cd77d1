"""Tự kiểm tra: what an inspection of a state agency's portal looks for,
checked on this site. Each check is a small function returning a Result
(status, message, fix_url); the admin page (portal.admin_views) lists them.

A check whose subject is not built yet (an app, a model, a page) says "cần
kiểm tra" and why, instead of failing. Every check runs a fixed number of
queries, whatever the amount of content (aggregates, one list per kind).
"""

import datetime
import re
import threading
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError
from django.db.models import Count, Q
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone

from core.site import site_url
from portal.menu import compute_menu
from portal.models import (
    ABOUT_SLUG,
    PRIVACY_SLUG,
    EnglishPage,
    Page,
    SiteProfile,
    SupportUnit,
)

PASS = "pass"
MISSING = "missing"
TO_CHECK = "to-check"
LABELS = {PASS: "Đạt", MISSING: "Chưa đạt", TO_CHECK: "Cần kiểm tra"}

DOCUMENT_WORKING_DAYS = 2
ENGLISH_MAX_AGE = datetime.timedelta(days=365)
# Backups run every night (deploy/portal-backup.timer): two days without one
# means at least one night failed.
BACKUP_MAX_AGE = datetime.timedelta(days=2)
# Sections the issue names, by the address it gives them; the menu and the
# site map link to them.
REQUIRED_SECTIONS = {
    "Văn bản": "/van-ban/",
    "Hỏi đáp": "/hoi-dap/",
    "Lịch công tác": "/lich-cong-tac/",
    "Sơ đồ cổng": "/so-do-cong/",
}
# What makes a section not empty: something published in it.
SECTION_CONTENT = {
    "Văn bản": "documents.Document",
    "Hỏi đáp": "questions.Question",
    "Lịch công tác": "schedule.Entry",
}
REQUIRED_MENU = [
    "Trang chủ",
    "Giới thiệu",
    "Dịch vụ công trực tuyến",
    "Văn bản",
    "Hỏi đáp",
    "Lịch công tác",
    "Sơ đồ cổng",
]
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*')""", re.I)


_run = threading.local()


class Result(NamedTuple):
    status: str
    message: str
    fix_url: str = ""

    @property
    def label(self):
        return LABELS[self.status]


class Item(NamedTuple):
    title: str
    result: Result


def run():
    """Every check, in the order of the report; the site profile, which
    several checks read, is read once."""
    _run.profile = SiteProfile.objects.order_by("pk").first()
    try:
        return [Item(title, check()) for title, check in CHECKS]
    finally:
        del _run.profile


def admin_url(name, *args):
    try:
        return reverse(f"admin:{name}", args=args)
    except NoReverseMatch:
        return ""


def model(label):
    """The model "app.Model" when that app is installed, else None."""
    app, _, name = label.partition(".")
    if not apps.is_installed(app) and app not in apps.app_configs:
        return None
    try:
        return apps.get_model(app, name)
    except LookupError:
        return None


def routed(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def profile():
    if hasattr(_run, "profile"):
        return _run.profile
    return SiteProfile.objects.order_by("pk").first()


def profile_url(found):
    if found is None:
        return admin_url("portal_siteprofile_add")
    return admin_url("portal_siteprofile_change", found.pk)


# The checks ------------------------------------------------------------------


def check_profile():
    found = profile()
    if found is None:
        return Result(MISSING, "Chưa nhập thông tin cổng.", profile_url(found))
    needed = {
        "tên cơ quan": found.organisation,
        "địa chỉ": found.address,
        "điện thoại": found.phone,
        "thư điện tử": found.email,
        "người chịu trách nhiệm nội dung": found.editor_name,
        "chức vụ người chịu trách nhiệm": found.editor_title,
    }
    blank = [name for name, value in needed.items() if not value]
    if blank:
        return Result(
            MISSING, "Còn thiếu: " + ", ".join(blank) + ".", profile_url(found)
        )
    return Result(
        PASS, "Đủ tên, địa chỉ, liên hệ và người chịu trách nhiệm.", profile_url(found)
    )


def check_menu():
    """The menu's required items (portal.MenuItem, seeded with a key each)
    are there and shown, and "Dịch vụ công trực tuyến" has its address."""
    menu = model("portal.MenuItem")
    if menu is None:
        return Result(
            TO_CHECK,
            "Chưa có mục quản lý menu (portal.MenuItem): kiểm tra bằng mắt menu "
            "có đủ " + ", ".join(REQUIRED_MENU) + ".",
        )
    fix = admin_url(f"{menu._meta.app_label}_{menu._meta.model_name}_changelist")
    found = profile()
    try:
        # What readers see: an item whose page is missing or hidden (Giới
        # thiệu not written yet) is left out of the menu.
        built = compute_menu()
        shown = {link.url for link in built["start"] + built["end"]}
        lacking = [
            item.title
            for item in menu.objects.exclude(key=None).exclude(key="")
            if item.target(found or SiteProfile()) not in shown
        ]
    except (AttributeError, FieldError) as exc:
        return Result(TO_CHECK, f"Không đọc được các mục menu ({exc}).", fix)
    if found is not None and not getattr(found, "public_services_url", "x"):
        lacking.append("địa chỉ Dịch vụ công trực tuyến (Thông tin cổng)")
    if lacking:
        return Result(MISSING, "Menu còn thiếu: " + ", ".join(lacking) + ".", fix)
    return Result(PASS, "Menu có đủ các mục bắt buộc.", fix)


def _static_page(slug, name):
    """The published, non-empty static page `slug`, checked."""
    found = Page.objects.filter(slug=slug).only("pk", "body", "is_published").first()
    if found is None:
        add = admin_url("portal_page_add")
        return Result(
            MISSING,
            f"Chưa có trang {name} (/trang/{slug}/).",
            add and f"{add}?slug={slug}",
        )
    fix = admin_url("portal_page_change", found.pk)
    if not found.is_published:
        return Result(MISSING, f"Trang {name} đang ẩn.", fix)
    if not found.body.strip():
        return Result(MISSING, f"Trang {name} chưa có nội dung.", fix)
    return Result(PASS, f"Trang {name} đã công khai.", fix)


def check_about_page():
    return _static_page(ABOUT_SLUG, "Giới thiệu")


def check_sections():
    lacking = [name for name, path in REQUIRED_SECTIONS.items() if not routed(path)]
    if lacking:
        return Result(
            TO_CHECK,
            "Chưa có mục: " + ", ".join(lacking) + " (phần này chưa được xây dựng).",
        )
    empty = [
        name
        for name, label in SECTION_CONTENT.items()
        if (found := model(label)) is not None
        and not found.objects.published().exists()
    ]
    if empty:
        return Result(MISSING, "Các mục chưa có nội dung: " + ", ".join(empty) + ".")
    return Result(PASS, "Có đủ " + ", ".join(REQUIRED_SECTIONS) + ", đều có nội dung.")


def check_english_page():
    found = EnglishPage.objects.order_by("pk").first()
    if found is None:
        return Result(
            MISSING,
            "Chưa có trang tiếng Anh (/en/).",
            admin_url("portal_englishpage_add"),
        )
    fix = admin_url("portal_englishpage_change", found.pk)
    if not found.is_published:
        return Result(MISSING, "Trang tiếng Anh đang ẩn.", fix)
    updated = timezone.localdate(found.updated_at)
    if timezone.now() - found.updated_at > ENGLISH_MAX_AGE:
        return Result(
            MISSING,
            f"Trang tiếng Anh cập nhật lần cuối {updated:%d/%m/%Y}, quá một năm.",
            fix,
        )
    return Result(PASS, f"Trang tiếng Anh cập nhật ngày {updated:%d/%m/%Y}.", fix)


def check_privacy_notice():
    return _static_page(PRIVACY_SLUG, "Chính sách quyền riêng tư")


def check_documents_on_time():
    """Documents issued in the last year and put online: online within 2
    working days of their issue date. Drafts are not counted: whether one is
    meant to be public is for staff to say."""
    document = model("documents.Document")
    if document is None:
        return Result(TO_CHECK, "Chưa có mục Văn bản.")
    from core.workdays import working_days_between

    since = timezone.localdate() - datetime.timedelta(days=365)
    rows = document.objects.filter(
        issued_on__gte=since, status=document.Status.PUBLISHED
    ).values_list("number_symbol", "issued_on", "published_at")
    fix = admin_url("documents_document_changelist")
    if not rows:
        return Result(
            MISSING,
            "Chưa có văn bản nào ban hành trong 12 tháng qua được đưa lên.",
            fix,
        )
    late = sorted(
        number
        for number, issued, published in rows
        if working_days_between(issued, published) > DOCUMENT_WORKING_DAYS
    )
    if late:
        shown = ", ".join(late[:5]) + ("…" if len(late) > 5 else "")
        return Result(
            MISSING,
            f"{len(late)} văn bản đưa lên quá {DOCUMENT_WORKING_DAYS} ngày làm việc "
            f"sau ngày ban hành: {shown}.",
            fix,
        )
    return Result(
        PASS,
        f"{len(rows)} văn bản ban hành trong 12 tháng qua đều được đưa lên trong "
        f"{DOCUMENT_WORKING_DAYS} ngày làm việc.",
        fix,
    )


def check_questions_answered():
    """Questions answered this month, and those due this month: answered by
    their deadline (questions.Question.due_on, counted in working days)."""
    question = model("questions.Question")
    if question is None:
        return Result(TO_CHECK, "Chưa có mục Hỏi đáp.")
    today = timezone.localdate()
    fix = admin_url(f"questions_{question._meta.model_name}_changelist")
    try:
        on_time, answered = question.objects.on_time_this_month(today)
        overdue = question.objects.filter(
            due_on__gte=today.replace(day=1), due_on__lt=today, answered_at=None
        ).count()
    except (AttributeError, FieldError) as exc:
        return Result(TO_CHECK, f"Không đọc được hạn trả lời ({exc}).", fix)
    late = answered - on_time + overdue
    if late:
        return Result(
            MISSING,
            f"Tháng này: {answered - on_time} câu trả lời muộn, {overdue} câu hỏi "
            "quá hạn chưa trả lời.",
            fix,
        )
    if not answered:
        return Result(
            PASS, "Tháng này không có câu hỏi nào trả lời muộn hay quá hạn.", fix
        )
    return Result(PASS, f"Tháng này {answered} câu hỏi đều được trả lời đúng hạn.", fix)


def _body_images(model_class):
    """(images, images without alt) in the rich-text bodies of a model."""
    bodies = model_class.objects.filter(body__icontains="<img").values_list(
        "body", flat=True
    )
    tags = [tag for body in bodies for tag in _IMG.findall(body)]
    return len(tags), sum(1 for tag in tags if not _ALT.search(tag))


def check_alt_text():
    from news.models import Article

    lacking, fixes = [], []
    images = 0
    articles = Article.objects.exclude(image="").aggregate(
        total=Count("pk"), lacking=Count("pk", filter=Q(image_alt=""))
    )
    images += articles["total"]
    if articles["lacking"]:
        lacking.append(f"{articles['lacking']} ảnh đại diện tin bài")
        fixes.append(admin_url("news_article_changelist"))
    units = SupportUnit.objects.exclude(logo="").aggregate(
        total=Count("pk"), lacking=Count("pk", filter=Q(logo_alt=""))
    )
    images += units["total"]
    if units["lacking"]:
        lacking.append(f"{units['lacking']} logo đơn vị hỗ trợ")
        fixes.append(admin_url("portal_supportunit_changelist"))
    found = profile()
    if found and found.logo:
        images += 1
        if not found.logo_alt:
            lacking.append("logo của cổng")
            fixes.append(profile_url(found))
    in_bodies = {"tin bài": Article, "trang tĩnh": Page}
    document = model("documents.Document")
    if document is not None:
        in_bodies["văn bản"] = document
    for name, model_class in in_bodies.items():
        total, count = _body_images(model_class)
        images += total
        if count:
            lacking.append(f"{count} ảnh trong nội dung {name}")
    fix = admin_url("news_article_changelist")
    if lacking:
        return Result(
            MISSING, "Thiếu mô tả ảnh (alt): " + "; ".join(lacking) + ".", fix
        )
    if not images:
        return Result(TO_CHECK, "Chưa có ảnh nào để kiểm tra.", fix)
    return Result(PASS, "Mọi ảnh đều có mô tả (alt).", fix)


def public_urls():
    """Every public page the site has, from the published querysets."""
    from news.models import Article, Category

    urls = {reverse("news:home")}
    urls |= {
        reverse("news:category", args=[s])
        for s in Category.objects.values_list("slug", flat=True)
    }
    urls |= {
        reverse("news:article", args=[s])
        for s in Article.objects.published().values_list("slug", flat=True)
    }
    urls |= {
        reverse("page", args=[s])
        for s in Page.objects.filter(is_published=True).values_list("slug", flat=True)
    }
    if EnglishPage.current() is not None:
        urls.add(reverse("english"))
    document = model("documents.Document")
    if document is not None:
        urls.add(reverse("documents:list"))
        urls |= {
            reverse("documents:detail", args=[pk])
            for pk in document.objects.published().values_list("pk", flat=True)
        }
    return {site_url(u) for u in urls}


def sitemap_urls():
    from portal.sitemaps import SITEMAPS

    urls = set()
    for sitemap_class in SITEMAPS.values():
        sitemap = sitemap_class()
        urls |= {site_url(sitemap.location(item)) for item in sitemap.items()}
    return urls


def check_sitemap():
    fix = reverse("sitemap")
    listed = sitemap_urls()
    public = public_urls()
    lacking = sorted(public - listed)
    if lacking:
        shown = ", ".join(lacking[:3]) + ("…" if len(lacking) > 3 else "")
        return Result(MISSING, f"sitemap.xml thiếu {len(lacking)} trang: {shown}", fix)
    if len(public) <= 2:
        return Result(TO_CHECK, "Chưa có nội dung để đưa vào sitemap.xml.", fix)
    return Result(PASS, f"sitemap.xml liệt kê đủ {len(public)} trang công khai.", fix)


def check_monitoring_script():
    found = profile()
    if found is None or not found.monitoring_script:
        return Result(MISSING, "Chưa nhập địa chỉ mã theo dõi EMC.", profile_url(found))
    return Result(
        PASS,
        f"Mọi trang tải mã theo dõi từ {found.monitoring_origin}.",
        profile_url(found),
    )


def check_https():
    lacking = []
    if not getattr(settings, "SECURE_SSL_REDIRECT", False):
        lacking.append("chuyển hướng sang HTTPS (DJANGO_SECURE_SSL_REDIRECT)")
    if not getattr(settings, "SECURE_HSTS_SECONDS", 0):
        lacking.append("HSTS (DJANGO_HSTS_SECONDS)")
    if lacking:
        why = " Máy chủ đang chạy chế độ phát triển (DEBUG)." if settings.DEBUG else ""
        return Result(MISSING, "Chưa bật: " + ", ".join(lacking) + "." + why)
    return Result(
        PASS,
        f"HTTPS bắt buộc, HSTS {settings.SECURE_HSTS_SECONDS:,} giây.".replace(
            ",", "."
        ),
    )


def check_trust_badge():
    found = profile()
    if found is None or not found.show_trust_badge:
        return Result(
            MISSING,
            "Chưa có đủ ảnh và địa chỉ xác minh Tín Nhiệm Mạng.",
            profile_url(found),
        )
    return Result(
        PASS, "Biểu tượng Tín Nhiệm Mạng hiện ở chân trang.", profile_url(found)
    )


def newest_backup():
    """(path, modified time) of the newest archive `manage.py backup` made in
    PORTAL_BACKUP_DIR, or None."""
    from backups.backup import NAME_PATTERN

    try:
        found = [
            (p.stat().st_mtime, p)
            for p in settings.PORTAL_BACKUP_DIR.iterdir()
            if NAME_PATTERN.fullmatch(p.name)
        ]
    except OSError:
        return None
    if not found:
        return None
    mtime, path = max(found)
    return path, datetime.datetime.fromtimestamp(mtime, tz=datetime.UTC)


def check_backup():
    found = newest_backup()
    if found is None:
        return Result(
            MISSING,
            f"Chưa có bản sao lưu nào trong {settings.PORTAL_BACKUP_DIR} (manage.py backup).",
        )
    path, when = found
    age = timezone.now() - when
    made = timezone.localtime(when)
    text = f"Bản sao lưu mới nhất {path.name}, lúc {made:%H:%M %d/%m/%Y}"
    if age > BACKUP_MAX_AGE:
        return Result(MISSING, f"{text}: đã quá {BACKUP_MAX_AGE.days} ngày.")
    hours = int(age.total_seconds() // 3600)
    return Result(PASS, f"{text} ({hours} giờ trước).")


CHECKS = [
    ("Thông tin cơ quan đầy đủ", check_profile),
    ("Menu có các mục bắt buộc", check_menu),
    ("Trang Giới thiệu", check_about_page),
    ("Các mục Văn bản, Hỏi đáp, Lịch công tác, Sơ đồ cổng", check_sections),
    ("Trang tiếng Anh cập nhật trong năm", check_english_page),
    ("Chính sách quyền riêng tư (bảo vệ dữ liệu cá nhân)", check_privacy_notice),
    ("Văn bản đưa lên trong 2 ngày làm việc", check_documents_on_time),
    ("Hỏi đáp trả lời đúng hạn trong tháng", check_questions_answered),
    ("Ảnh có mô tả (alt)", check_alt_text),
    ("sitemap.xml đủ các trang công khai", check_sitemap),
    ("Mã theo dõi EMC", check_monitoring_script),
    ("HTTPS và HSTS", check_https),
    ("Chứng nhận Tín Nhiệm Mạng", check_trust_badge),
    ("Sao lưu gần nhất", check_backup),
]
