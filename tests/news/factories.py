"""Small builders for news tests: categories, articles, users, images."""

import datetime
import io
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import Article, Category
from news.roles import APPROVERS, WRITERS, ensure_roles  # noqa: F401 (for tests)

_numbers = itertools.count(1)


def make_category(name=None, **fields):
    name = name or f"Chuyên mục {next(_numbers)}"
    return Category.objects.create(name=name, **fields)


def make_article(category=None, title=None, ago=None, **fields):
    """A published article, by default an hour old; `ago` is a timedelta."""
    fields.setdefault("status", Article.Status.PUBLISHED)
    if "published_at" not in fields:
        fields["published_at"] = timezone.now() - (ago or datetime.timedelta(hours=1))
    return Article.objects.create(
        title=title or f"Tin số {next(_numbers)} của phường",
        category=category or make_category(),
        summary=fields.pop("summary", "Tóm tắt ngắn của tin."),
        body=fields.pop("body", "<p>Nội dung tin.</p>"),
        **fields,
    )


def role(name):
    """A role group, as news.roles keeps it after every migrate. Tests with a
    live server flush the database, groups included: make it again."""
    ensure_roles()
    return Group.objects.get(name=name)


def make_staff(username, group_name=None):
    user = User.objects.create_user(
        username, password="mat-khau-thu-nghiem-1", is_staff=True
    )
    if group_name:
        user.groups.add(role(group_name))
    return user


def image_bytes(fmt="PNG", size=(120, 80), color=(30, 110, 160), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size, color if mode == "RGB" else 0).save(out, fmt)
    return out.getvalue()


def image_upload(name="anh.png", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type="image/png")
