"""The demo ward's leaders' schedule for this week and the next; the
meetings, people and places are invented."""

import datetime

LEADERS = [
    "Đ/c Lê Quang Minh – Bí thư Đảng ủy phường",
    "Đ/c Trần Thị Bích – Chủ tịch UBND phường",
    "Đ/c Nguyễn Văn An – Phó Chủ tịch UBND phường",
    "Đ/c Phạm Thu Hà – Phó Chủ tịch UBND phường",
    "Đ/c Võ Đức Thắng – Chủ tịch Ủy ban MTTQ Việt Nam phường",
]
HALL = "Hội trường UBND phường"
ROOM = "Phòng họp tầng 2, UBND phường"

# (week: 0 this one, 1 the next; weekday 0-6; start; end or None; what;
#  leader index; who attends; where; note)
ENTRIES = [
    (0, 0, "07:30", "09:00", "Chào cờ đầu tuần, giao ban lãnh đạo Đảng ủy – HĐND – UBND – MTTQ phường", 0,
     "Thường trực Đảng ủy, lãnh đạo HĐND, UBND, Ủy ban MTTQ phường", ROOM, ""),
    (0, 0, "14:00", "16:30", "Kiểm tra công tác chỉnh trang vỉa hè tuyến đường ven sông", 2,
     "Tổ chỉnh trang vỉa hè; công chức Địa chính – Xây dựng; trưởng khu phố 3", "Tuyến đường ven sông (tập trung tại khu phố 3)", ""),
    (0, 1, "08:00", "11:00", "Tiếp công dân định kỳ", 1,
     "Công chức Tư pháp – Hộ tịch; Thanh tra nhân dân phường", "Phòng tiếp công dân, UBND phường", ""),
    (0, 1, "14:00", None, "Họp Ban chỉ đạo phòng chống dịch sốt xuất huyết", 3,
     "Trạm y tế phường; trưởng 6 khu phố; Đoàn Thanh niên phường", ROOM, "Trạm y tế chuẩn bị báo cáo số ca mắc trong tháng"),
    (0, 2, "08:00", "11:30", "Hội nghị Ban Chấp hành Đảng bộ phường mở rộng", 0,
     "Ủy viên Ban Chấp hành Đảng bộ; bí thư các chi bộ trực thuộc", HALL, ""),
    (0, 2, "14:00", "17:00", "Làm việc với Công an phường về bảo đảm trật tự cuối năm", 1,
     "Công an phường; Ban chỉ huy Quân sự phường; công chức Văn phòng", ROOM, ""),
    (0, 3, "07:30", "11:00", "Dự lễ phát động phong trào trồng cây xanh tại công viên ven sông", 4,
     "Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh phường", "Công viên ven sông", ""),
    (0, 3, "14:00", None, "Rà soát hồ sơ hộ nghèo, hộ cận nghèo cho năm tới", 3,
     "Công chức Văn hóa – Xã hội; Ban giảm nghèo các khu phố", ROOM, ""),
    (0, 4, "08:00", "10:30", "Họp giao ban công tác cải cách hành chính, chuyển đổi số", 2,
     "Bộ phận Một cửa; Tổ công nghệ số cộng đồng", ROOM, ""),
    (0, 4, "15:00", "17:00", "Đối thoại với hộ kinh doanh khu chợ phường", 1,
     "Ban quản lý chợ; đại diện hộ kinh doanh; Ủy ban MTTQ phường", "Nhà văn hóa khu phố 2", ""),
    (0, 5, "07:00", "10:00", "Ra quân tổng vệ sinh môi trường cuối tuần", 4,
     "Các đoàn thể; người dân khu phố 4 và khu phố 5", "Nhà văn hóa khu phố 4", ""),
    (0, 6, "19:30", "21:30", "Dự đêm văn nghệ mừng khu phố văn hóa", 4,
     "Ban công tác mặt trận khu phố 1", "Sân nhà văn hóa khu phố 1", ""),
    (1, 0, "07:30", "09:00", "Chào cờ đầu tuần, giao ban lãnh đạo phường", 0,
     "Thường trực Đảng ủy, lãnh đạo HĐND, UBND, Ủy ban MTTQ phường", ROOM, ""),
    (1, 1, "08:00", "11:00", "Tiếp công dân định kỳ", 2,
     "Công chức Địa chính – Xây dựng; Thanh tra nhân dân phường", "Phòng tiếp công dân, UBND phường", ""),
    (1, 1, "14:00", "16:00", "Thẩm định hồ sơ xét công nhận gia đình văn hóa", 4,
     "Ban công tác mặt trận các khu phố", ROOM, ""),
    (1, 2, "08:00", None, "Kỳ họp thường lệ cuối năm Hội đồng nhân dân phường", 1,
     "Đại biểu HĐND phường; khách mời theo giấy mời", HALL, "Đại biểu nghiên cứu tài liệu gửi kèm giấy mời"),
    (1, 3, "14:00", "16:30", "Kiểm tra an toàn phòng cháy tại các khu nhà trọ", 3,
     "Công an phường; đội phòng cháy dân phòng khu phố 6", "Khu phố 6", ""),
    (1, 4, "08:00", "11:00", "Sơ kết công tác cải cách hành chính năm", 2,
     "Bộ phận Một cửa; công chức các bộ phận chuyên môn", ROOM, ""),
    (1, 5, "07:30", None, "Thăm, tặng quà gia đình chính sách", 0,
     "Hội Cựu chiến binh; công chức Lao động – Thương binh và Xã hội", "Tại các gia đình", ""),
]  # fmt: skip


def _time(text):
    return datetime.time.fromisoformat(text) if text else None


def load_schedule():
    """This week's and next week's entries, published a few days ago; one
    adjusted after publishing, one draft and one awaiting approval.
    Returns how many were made."""
    from django.utils import timezone

    from schedule.models import Entry
    from schedule.weeks import Week

    monday = Week.current().monday
    published_at = timezone.now() - datetime.timedelta(days=3)
    made = []
    for week, weekday, start, end, what, leader, who, where, note in ENTRIES:
        made.append(
            Entry.objects.create(
                day=monday + datetime.timedelta(days=7 * week + weekday),
                start_time=_time(start),
                end_time=_time(end),
                content=what,
                presiding=LEADERS[leader],
                attendees=who,
                location=where,
                note=note,
                status=Entry.Status.PUBLISHED,
                published_at=published_at,
            )
        )
    # The dialogue with the market's traders moved to a bigger room.
    moved = made[9]
    moved.location = HALL
    moved.note = "Đổi địa điểm để đủ chỗ cho các hộ kinh doanh"
    moved.save()
    Entry.objects.create(
        day=monday + datetime.timedelta(days=11),
        start_time=_time("09:00"),
        content="Làm việc với đoàn kiểm tra của thành phố về công tác dân vận (bản nháp)",
        presiding=LEADERS[0],
        location=ROOM,
        status=Entry.Status.DRAFT,
    )
    Entry.objects.create(
        day=monday + datetime.timedelta(days=12),
        start_time=_time("14:00"),
        content="Họp Hội đồng thi đua khen thưởng phường (chờ duyệt)",
        presiding=LEADERS[1],
        location=ROOM,
        status=Entry.Status.PENDING,
    )
    return len(made) + 2
