"""The document types a ward starts with (staff may add more). Used by the
data migration and, when a test flushed them, by the demo."""

TYPES = [
    ("Nghị quyết", "nghi-quyet"),
    ("Quyết định", "quyet-dinh"),
    ("Kế hoạch", "ke-hoach"),
    ("Thông báo", "thong-bao"),
    ("Công văn", "cong-van"),
    ("Báo cáo", "bao-cao"),
    ("Hướng dẫn", "huong-dan"),
    ("Tài liệu sinh hoạt chi bộ", "tai-lieu-sinh-hoat-chi-bo"),
]


def ensure_types(model):
    """Each default type, made when missing; {slug: row}."""
    return {
        slug: model.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": n}
        )[0]
        for n, (name, slug) in enumerate(TYPES)
    }
