"""Photos already uploaded for rich-text bodies (core.images.save_body_image
keeps them under news/noi-dung/YYYY/MM/), offered again as a lead photo so
nobody uploads the same photo twice."""

import datetime
import posixpath
import re

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "news/noi-dung"
RECENT = 12
_SRC = re.compile(r'<img[^>]+src="([^"]+)"')


def images_in(html):
    """Storage names of the body photos an HTML body shows, in order."""
    prefix = settings.MEDIA_URL + FOLDER + "/"
    names = []
    for src in _SRC.findall(html or ""):
        if src.startswith(prefix):
            name = src[len(settings.MEDIA_URL) :]
            if ".." not in name.split("/") and name not in names:
                names.append(name)
    return names


def recent_uploads(limit=RECENT):
    """The newest body photos of this month and the last, newest first."""
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    found = []
    for day in (today, last_month):
        folder = f"{FOLDER}/{day:%Y/%m}"
        try:
            _, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        for name in files:
            path = f"{folder}/{name}"
            found.append((default_storage.get_modified_time(path), path))
    found.sort(reverse=True)
    return [path for _, path in found[:limit]]


def choices(html):
    """(name, label) pairs: the body's photos first, then recent uploads."""
    in_body = images_in(html)
    pairs = [(n, f"Ảnh trong nội dung: {posixpath.basename(n)}") for n in in_body]
    for name in recent_uploads():
        if name not in in_body:
            pairs.append((name, f"Ảnh tải lên gần đây: {posixpath.basename(name)}"))
    return pairs


def open_body_image(name):
    """The stored photo as a File the image field copies on save."""
    if not name.startswith(FOLDER + "/") or ".." in name.split("/"):
        raise FileNotFoundError(name)
    return File(default_storage.open(name), name=posixpath.basename(name))
