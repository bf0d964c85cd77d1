"""Vietnamese error pages rendered without the site's context (nothing from
the database): 400, 403, 405, 411, 413 and the login lockout (429)."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template import loader

from stats.visitors import client_ip

PAGES = {
    400: (
        "Yêu cầu không hợp lệ",
        "Máy chủ không hiểu yêu cầu này. Vui lòng kiểm tra lại địa chỉ trang.",
    ),
    403: (
        "Không được phép truy cập",
        "Bạn không có quyền xem trang này, hoặc phiên làm việc đã hết hạn. "
        "Vui lòng tải lại trang rồi thử lại.",
    ),
    405: (
        "Phương thức không được hỗ trợ",
        "Trang này không nhận yêu cầu theo cách đã gửi.",
    ),
    411: (
        "Thiếu độ dài nội dung",
        "Yêu cầu gửi dữ liệu phải cho biết độ dài của dữ liệu.",
    ),
    429: (
        "Tạm khóa đăng nhập",
        "Đăng nhập sai quá nhiều lần.",
    ),
    413: (
        "Dữ liệu gửi lên quá lớn",
        "Nội dung gửi lên vượt quá giới hạn cho phép của cổng thông tin.",
    ),
}


def error_page(status, message=None):
    heading, default = PAGES[status]
    message = message or default
    ctx = {"code": status, "heading": heading, "message": message}
    html = loader.render_to_string("errors/plain.html", ctx)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def csrf_failure(request, reason=""):
    return error_page(403)


def login_locked(request, original_response=None, credentials=None):
    """django-axes' answer once an account is locked for this address."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return error_page(
        429,
        f"Đăng nhập sai {settings.AXES_FAILURE_LIMIT} lần liên tiếp. Để bảo vệ "
        "tài khoản, việc đăng nhập bằng tên này từ địa chỉ của bạn bị tạm khóa; "
        f"vui lòng thử lại sau {minutes} phút.",
    )


def login_client_ip(request):
    """The address django-axes counts failures for: the same client address
    as the visitor statistics (STATS_TRUSTED_PROXIES behind nginx)."""
    return client_ip(request)


class MethodNotAllowedMiddleware:
    """Django's 405 is an empty page: give it the Vietnamese one, keeping
    the Allow header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed):
            page = error_page(405)
            page["Allow"] = response["Allow"]
            return page
        return response
