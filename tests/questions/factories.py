import datetime

from django.utils import timezone

from core.publicforms import GuardedForm
from questions.models import Question, Topic

PHONE = "0912 345 678"
EMAIL = "nguoi.hoi@example.vn"
NAME = "Trần Thị Hỏi"
ADDRESS = "Tổ 7, kiệt 45 đường Hòa Thuận"


def topic(slug="ho-tich-cu-tru"):
    return Topic.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def form_data(**overrides):
    data = {
        "started": GuardedForm.fresh_start(),
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "address": ADDRESS,
        "topic": topic().pk,
        "title": "Đăng ký tạm trú cho con",
        "body": "Xin hỏi đăng ký tạm trú cần giấy tờ gì?",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def make_question(answered=False, public=False, ago=None, **fields):
    defaults = {
        "topic": topic(),
        "title": "Giờ thu gom rác",
        "body": "Xe rác đi qua giờ nào?",
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "address": ADDRESS,
    }
    if ago is not None:
        defaults["received_at"] = timezone.now() - datetime.timedelta(days=ago)
    if answered:
        defaults.update(
            answer="<p>Từ 17 giờ đến 19 giờ hằng ngày.</p>",
            answer_status=Question.Status.PUBLISHED,
        )
    defaults["is_public"] = public
    defaults.update(fields)
    return Question.objects.create(**defaults)
