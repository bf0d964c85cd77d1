"""Hỏi đáp: the published Q&As, the form residents ask with, and the status
page a tracking code opens."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.cache import public_cache
from core.paginate import page_of
from core.publicforms import address_key, rate_limited, stored_over_limit
from questions import codes
from questions.forms import AskForm, LookupForm
from questions.models import Question, Topic

PER_PAGE = 10
# The static page (portal's Page) that says what the form keeps and how long.
PRIVACY_PAGE = "chinh-sach-bao-ve-du-lieu-ca-nhan"
TOO_MANY = (
    "Hệ thống đang nhận quá nhiều câu hỏi từ địa chỉ của bạn hoặc từ mọi người "
    "cùng lúc. Nội dung bạn đã nhập vẫn còn nguyên; vui lòng thử lại sau ít phút."
)
TOO_MANY_LOOKUPS = (
    "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút."
)


def private(response):
    # Pages with a form token or a resident's own status never stay in a proxy.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@public_cache
def index(request):
    """/hoi-dap/: the published Q&As, newest answer first, by topic."""
    topics = list(Topic.objects.all())
    chosen = request.GET.get("chu_de", "")
    topic = next((t for t in topics if t.slug == chosen), None)
    questions = (
        Question.objects.published().for_public().order_by("-answered_at", "-pk")
    )
    if topic:
        questions = questions.filter(topic=topic)
    on_time, answered = Question.objects.on_time_this_month()
    ctx = {
        "topics": topics,
        "topic": topic,
        "unknown_topic": bool(chosen) and topic is None,
        "page_obj": page_of(request, questions, PER_PAGE),
        "on_time": on_time,
        "answered": answered,
        "month": timezone.localdate(),
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
        "lookup_form": LookupForm(auto_id="tra-cuu-%s"),
    }
    return render(request, "questions/index.html", ctx)


@public_cache
def detail(request, pk):
    question = get_object_or_404(Question.objects.published().for_public(), pk=pk)
    return render(request, "questions/detail.html", {"question": question})


def ask(request):
    """The form; a question accepted goes to its status page (with its code)."""
    if request.method != "POST":
        return form_page(request, AskForm())
    form = AskForm(request.POST)
    if not form.is_valid():
        return form_page(request, form)
    key = address_key(request)
    if too_many(request, key):
        return form_page(request, form, refusal=TOO_MANY, status=429)
    question = form.question(key)
    question.save()
    return redirect(f"{question.get_status_url()}?moi=1")


def form_page(request, form, refusal=None, status=200):
    ctx = {
        "form": form,
        "contact_fields": [
            form[name] for name in ("name", "phone", "email", "address")
        ],
        "refusal": refusal,
        "answer_days": settings.QUESTIONS_ANSWER_DAYS,
        "privacy_slug": PRIVACY_PAGE,
    }
    return private(render(request, "questions/ask.html", ctx, status=status))


def too_many(request, key):
    """The cache's rate limits, and the same rates counted on the rows stored:
    what holds when the cache is away or kept per process."""
    if rate_limited(
        request,
        "questions",
        settings.PUBLIC_FORM_RATE_PER_ADDRESS,
        settings.PUBLIC_FORM_RATE_OVERALL,
    ):
        return True
    return stored_over_limit(Question.objects.all(), "received_at", key)


def lookup(request):
    """/hoi-dap/tra-cuu/?ma=…: the code typed in any way leads to its page."""
    form = LookupForm(request.GET or None)
    if form.is_valid():
        code = codes.normalize(form.cleaned_data["ma"])
        if code:
            return redirect("questions:status", codes.display(code))
        form.add_error("ma", "Mã tra cứu gồm 10 chữ và số, ví dụ HD-7K4M9-QXT2R.")
    return private(render(request, "questions/lookup.html", {"form": form}))


def status(request, code):
    """The status page: handling, and the answer once approved; no personal
    data. Rate-limited per address, so codes cannot be found by trying."""
    if rate_limited(request, "questions-lookup", settings.QUESTIONS_LOOKUP_RATE):
        ctx = {"form": LookupForm(), "refusal": TOO_MANY_LOOKUPS}
        return private(render(request, "questions/lookup.html", ctx, status=429))
    stored = codes.normalize(code)
    question = (
        Question.objects.select_related("topic")
        .only(
            "code",
            "title",
            "status",
            "decline_reason",
            "answer",
            "answer_status",
            "received_at",
            "due_on",
            "answered_at",
            "is_public",
            "topic__name",
        )
        .filter(code=stored)
        .first()
        if stored
        else None
    )
    if question is None:
        ctx = {"form": LookupForm(initial={"ma": code[:40]}), "not_found": True}
        return private(render(request, "questions/lookup.html", ctx, status=404))
    ctx = {"question": question, "just_sent": request.GET.get("moi") == "1"}
    response = private(render(request, "questions/status.html", ctx))
    response["Referrer-Policy"] = "no-referrer"
    return response
