"""The demo ward's Q&As. Every question, answer and name was written for this
project; the senders are invented and their addresses are example.vn."""

import datetime

from django.utils import timezone

from questions.defaults import ensure_topics
from questions.models import Handling, Question, Topic

PUBLISHED = [
    (
        "ho-tich-cu-tru",
        "Đăng ký tạm trú cho con thuê nhà cần giấy tờ gì?",
        "Gia đình tôi mới thuê nhà ở tổ 4 để con đi học. Xin hỏi đăng ký tạm trú cho "
        "cả nhà cần mang theo những giấy tờ gì và làm ở đâu?",
        "<p>Chào bạn,</p><p>Bạn có thể đăng ký tạm trú trực tuyến trên Cổng dịch vụ "
        "công hoặc trực tiếp tại Công an phường. Hồ sơ gồm: tờ khai thay đổi thông tin "
        "cư trú và giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà). Với trẻ chưa "
        "đủ 18 tuổi, tờ khai cần có ý kiến đồng ý của cha, mẹ.</p><p>Thời hạn giải quyết "
        "là 3 ngày làm việc kể từ khi nhận đủ hồ sơ.</p>",
        12,
    ),
    (
        "trat-tu-do-thi-moi-truong",
        "Giờ thu gom rác trên đường Hòa Thuận",
        "Xe thu gom rác đi qua đường Hòa Thuận vào giờ nào? Nhà tôi đi làm sớm nên "
        "muốn biết để bỏ rác đúng giờ.",
        "<p>Xe thu gom rác sinh hoạt đi qua đường Hòa Thuận từ <strong>17 giờ đến 19 "
        "giờ</strong> hằng ngày, kể cả thứ Bảy và Chủ nhật. Đề nghị hộ gia đình buộc kín "
        "túi rác và để trước cửa nhà trong khung giờ này, không để rác ra vỉa hè từ sáng.</p>",
        8,
    ),
    (
        "chinh-sach-xa-hoi",
        "Người cao tuổi bao nhiêu tuổi thì được trợ cấp hằng tháng?",
        "Mẹ tôi năm nay 78 tuổi, không có lương hưu. Xin hỏi bà có được nhận trợ cấp "
        "hằng tháng không và thủ tục thế nào?",
        "<p>Người từ đủ 75 tuổi trở lên không có lương hưu hoặc trợ cấp bảo hiểm xã hội "
        "hằng tháng thuộc diện được hưởng trợ cấp xã hội hằng tháng theo quy định hiện "
        "hành.</p><p>Gia đình mang căn cước của bà đến Bộ phận một cửa của phường để "
        "được hướng dẫn khai tờ khai; công chức Văn hóa – Xã hội sẽ xác minh và trình "
        "Ủy ban nhân dân phường.</p>",
        5,
    ),
]


def load_questions():
    """The topics, three published Q&As and one question still in the queue."""
    topics = ensure_topics(Topic)
    now = timezone.now()
    for n, (topic, title, body, answer, ago) in enumerate(PUBLISHED):
        received = now - datetime.timedelta(days=ago + 10)
        Question.objects.create(
            topic=topics[topic],
            title=title,
            body=body,
            name=f"Người hỏi thử số {n + 1}",
            email=f"nguoihoi{n + 1}@example.vn",
            received_at=received,
            answer=answer,
            answer_status=Question.Status.PUBLISHED,
            answered_at=now - datetime.timedelta(days=ago),
            is_public=True,
        )
    Question.objects.create(
        topic=topics["dat-dai-xay-dung"],
        title="Sửa mái nhà có phải xin giấy phép không?",
        body="Nhà tôi ở tổ 2, mái tôn bị dột, muốn thay mái mới giữ nguyên chiều cao. "
        "Xin hỏi có phải xin giấy phép xây dựng không?",
        name="Người hỏi thử số 4",
        phone="0900 000 004",
        status=Handling.IN_PROGRESS,
        received_at=now - datetime.timedelta(days=2),
    )
    return len(PUBLISHED) + 1
