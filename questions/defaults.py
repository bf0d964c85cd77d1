"""The topics a ward starts with (staff may add, rename or reorder them)."""

TOPICS = [
    ("Hộ tịch, cư trú", "ho-tich-cu-tru"),
    ("Đất đai, xây dựng", "dat-dai-xay-dung"),
    ("Trật tự đô thị, môi trường", "trat-tu-do-thi-moi-truong"),
    ("Chính sách xã hội", "chinh-sach-xa-hoi"),
    ("Y tế, giáo dục", "y-te-giao-duc"),
    ("Thủ tục hành chính", "thu-tuc-hanh-chinh"),
    ("Khác", "khac"),
]


def ensure_topics(model):
    """Each default topic, made when missing; {slug: row}."""
    return {
        slug: model.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": n}
        )[0]
        for n, (name, slug) in enumerate(TOPICS)
    }
