"""Uploaded images: validation by Pillow, and renditions by purpose.

A rendition is made once, stored beside the media files under renditions/,
and found again by its name; pages never resize an image per request.
"""

import hashlib
import io
import uuid
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
# Pillow's own guard: a larger image raises DecompressionBombError.
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
MAX_FRAMES = 500

# purpose: (width, height or None to keep the ratio)
RENDITIONS = {
    "thumb": (400, 250),
    "card": (640, 400),
    "hero": (1200, None),
    "social": (1200, 630),
    "logo": (240, None),
}
# Photos in article bodies are stored re-encoded at most this wide: no camera
# metadata (GPS) leaks, and a file is only ever what Pillow wrote.
BODY_IMAGE_WIDTH = 1600
ARTICLE_PURPOSES = ("thumb", "card", "hero", "social")


def validate_image(upload):
    """Refuse anything that is not really a JPEG, PNG, GIF or WebP image.

    The validator of every image field: a file already stored was checked when
    it was uploaded, so only a new upload is opened."""
    if getattr(upload, "_committed", False):
        return
    limit = settings.PORTAL_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            f"Tệp quá lớn ({filesizeformat(upload.size)}). "
            f"Giới hạn là {filesizeformat(limit)}.",
            code="too_large",
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            # Pillow only warns between MAX_PIXELS and twice that: refuse too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(upload)
        with img:
            fmt = img.format
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise Image.DecompressionBombError("too many pixels")
            img.verify()
        upload.seek(0)
        _decode_fully(upload)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "Ảnh có kích thước điểm ảnh quá lớn, không thể xử lý.", code="bomb"
        )
    except _Truncated:
        raise ValidationError(
            "Ảnh bị hỏng hoặc chưa tải lên hết (tệp bị cắt cụt). "
            "Hãy lưu lại ảnh từ máy ảnh hoặc điện thoại rồi chọn lại.",
            code="truncated",
        )
    except Exception:
        raise ValidationError(
            "Tệp này không phải là ảnh hợp lệ (JPEG, PNG, GIF hoặc WebP).",
            code="not_image",
        )
    finally:
        upload.seek(0)
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError("Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP.", code="format")


class _Truncated(Exception):
    pass


def _decode_fully(upload):
    """verify() reads no pixels: a truncated file passes it and fails only
    when decoded. Decode every frame (an animation has at most MAX_FRAMES)."""
    with Image.open(upload) as img:
        for n in range(min(getattr(img, "n_frames", 1), MAX_FRAMES)):
            try:
                img.seek(n)
                img.load()
            except (OSError, SyntaxError, ValueError) as exc:
                raise _Truncated from exc


def without_metadata(upload):
    """The image as Pillow re-encodes it: turned upright as the camera meant,
    then with no EXIF, XMP, IPTC or comment (GPS position, camera, time);
    only the colour profile is kept. What is stored is what Pillow wrote."""
    upload.seek(0)
    with Image.open(upload) as img:
        fmt = img.format
        params = {"icc_profile": img.info.get("icc_profile")}
        if "transparency" in img.info and fmt in ("PNG", "GIF"):
            params["transparency"] = img.info["transparency"]
        if getattr(img, "n_frames", 1) > 1:
            params.update(save_all=True, loop=img.info.get("loop", 0))
            params["duration"] = img.info.get("duration", 100)
            clean = img
        else:
            clean = ImageOps.exif_transpose(img)
        if fmt == "JPEG":
            params.update(quality=90, optimize=True)
        elif fmt == "WEBP":
            params.update(quality=90, lossless=bool(img.info.get("lossless")))
        out = io.BytesIO()
        clean.save(out, fmt, **{k: v for k, v in params.items() if v is not None})
    upload.seek(0)
    return out.getvalue()


def delete_with_renditions(name):
    """Remove a stored image and every rendition made of it."""
    for purpose in RENDITIONS:
        default_storage.delete(rendition_name(name, purpose))
    default_storage.delete(name)


def rendition_name(name, purpose):
    digest = hashlib.sha1(name.encode()).hexdigest()[:12]
    stem = PurePosixPath(name).stem[:60]
    return f"renditions/{purpose}/{stem}-{digest}.webp"


def rendition_url(image, purpose):
    """URL of the image's rendition for a purpose, made on first use."""
    if not image:
        return ""
    target = rendition_name(image.name, purpose)
    if not default_storage.exists(target):
        try:
            make_rendition(image, purpose, target)
        except (OSError, ValueError, Image.DecompressionBombError):
            return image.url
    return default_storage.url(target)


def make_renditions(image, purposes=ARTICLE_PURPOSES):
    """Make an image's renditions now, e.g. when staff save a lead photo."""
    for purpose in purposes:
        make_rendition(image, purpose)


def save_body_image(upload):
    """Store a validated upload for an article body; return its URL."""
    upload.seek(0)
    with Image.open(upload) as img:
        img = ImageOps.exif_transpose(img)
        img = img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB")
        img.thumbnail(
            (BODY_IMAGE_WIDTH, BODY_IMAGE_WIDTH * 4), Image.Resampling.LANCZOS
        )
        out = io.BytesIO()
        img.save(out, "WEBP", quality=82, method=4)
    folder = timezone.localdate().strftime("news/noi-dung/%Y/%m")
    name = default_storage.save(
        f"{folder}/{uuid.uuid4().hex}.webp", ContentFile(out.getvalue())
    )
    return default_storage.url(name)


def make_rendition(image, purpose, target=None):
    width, height = RENDITIONS[purpose]
    target = target or rendition_name(image.name, purpose)
    image.open("rb")
    try:
        with Image.open(image) as img:
            img = ImageOps.exif_transpose(img)
            img = img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB")
            if height:
                img = ImageOps.fit(img, (width, height), Image.Resampling.LANCZOS)
            else:
                img.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            img.save(out, "WEBP", quality=80, method=4)
    finally:
        image.close()
    if default_storage.exists(target):
        default_storage.delete(target)
    default_storage.save(target, ContentFile(out.getvalue()))
    return target
