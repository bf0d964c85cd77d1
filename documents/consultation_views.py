"""/gop-y-du-thao/: drafts open for residents' comments, and the comment form
that closes by itself at the deadline.

Neither page is in the page cache (core.pagecache): an open draft's page
carries the form's CSRF token and must never outlive its deadline, so it is
sent private and uncached; the list and a closed draft's page are public for
at most PUBLIC_MAX_AGE seconds, never past the next opening or closing."""

import math

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from core.cache import PUBLIC_MAX_AGE
from core.paginate import page_of
from core.publicforms import address_key, plain_text, rate_limited
from documents.comment_form import CommentForm, storage_full
from documents.models import Comment, Consultation
from documents.views import private

PER_PAGE = 10
COMMENTS_PER_PAGE = 50
RATE_SCOPE = "documents.comment"
BUSY = (
    "Hệ thống đang nhận quá nhiều góp ý từ địa chỉ của bạn hoặc từ nhiều người "
    "cùng lúc. Nội dung vẫn còn nguyên: vui lòng gửi lại sau ít phút."
)


def public_for(response, until, now):
    """Cache-Control public, for at most PUBLIC_MAX_AGE and never past until."""
    seconds = PUBLIC_MAX_AGE
    if until is not None:
        seconds = max(0, min(seconds, math.floor((until - now).total_seconds())))
    patch_cache_control(response, public=True, max_age=seconds)
    return response


def consultation_list(request):
    now = timezone.now()
    consultations = Consultation.objects.public()
    page_obj = page_of(request, consultations.for_listing(now), PER_PAGE)
    ctx = {"page_obj": page_obj, "now": now}
    response = render(request, "documents/consultation_list.html", ctx)
    return public_for(response, consultations.next_change(now), now)


def public_consultation(slug):
    return get_object_or_404(
        Consultation.objects.public()
        .with_received()
        .select_related("document__doc_type", "document__issuing_body")
        .defer("document__body", "document__search_text", "document__search_vector"),
        slug=slug,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def consultation_detail(request, slug):
    consultation = public_consultation(slug)
    now = timezone.now()
    if request.method == "POST":
        return receive(request, consultation, now)
    form = CommentForm() if consultation.is_open(now) else None
    return show(request, consultation, now, form, sent="da-gui" in request.GET)


def receive(request, consultation, now):
    """A comment sent: stored only while the consultation is open, only when
    the form is valid and the sender and everyone are within the limits."""
    if not consultation.is_open(now):
        unsent = plain_text(request.POST.get("body", ""))[:5000]
        return show(request, consultation, now, None, status=403, unsent=unsent)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return show(request, consultation, now, form)
    key = address_key(request)
    limits = settings.PUBLIC_FORM_RATE_PER_ADDRESS, settings.PUBLIC_FORM_RATE_OVERALL
    if rate_limited(request, RATE_SCOPE, *limits) or storage_full(key, now):
        form.add_error(None, BUSY)
        return show(request, consultation, now, form, status=429)
    form.save(consultation, key)
    return redirect(f"{consultation.get_absolute_url()}?da-gui=1#gop-y")


def show(request, consultation, now, form, status=200, sent=False, unsent=""):
    document = consultation.document
    comments = consultation.comments.filter(status=Comment.Status.PUBLISHED)
    ctx = {
        "consultation": consultation,
        "document": document,
        "files": list(document.files.all()),
        "state": consultation.state(now),
        "days_left": consultation.days_left(now),
        "page_obj": page_of(
            request,
            comments.only("consultation_id", "body", "created_at").order_by(
                "created_at", "id"
            ),
            COMMENTS_PER_PAGE,
        ),
        "form": form,
        "sent": sent,
        "unsent": unsent,
    }
    response = render(request, "documents/consultation_detail.html", ctx, status=status)
    if status != 200 or request.method == "POST" or form is not None:
        return private(response)
    opens = consultation.opens_at if consultation.opens_at > now else None
    return public_for(response, opens, now)
