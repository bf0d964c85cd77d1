"""Vietnamese error pages rendered without the site's context (nothing from
the database): 400, 403, 405, 411 and 413."""

from django.http import HttpResponse, HttpResponseNotAllowed
from django.template import loader

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
    413: (
        "Dữ liệu gửi lên quá lớn",
        "Nội dung gửi lên vượt quá giới hạn cho phép của cổng thông tin.",
    ),
}


def error_page(status):
    heading, message = PAGES[status]
    ctx = {"code": status, "heading": heading, "message": message}
    html = loader.render_to_string("errors/plain.html", ctx)
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return error_page(400)


def permission_denied(request, exception=None):
    return error_page(403)


def csrf_failure(request, reason=""):
    return error_page(403)


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
