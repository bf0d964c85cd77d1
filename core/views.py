import re

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static

from core.forms import ImageUploadForm
from core.images import save_body_image

# The editor's picker passes a small negative callback number.
FUNC_NUM = re.compile(r"-?[0-9]{1,9}")


def upload_image(request):
    """The editor's "Tải ảnh lên…" window: staff who may write rich text
    upload a photo for it; a file that is not a real image is refused and
    nothing is stored. Mounted under the admin, behind its login."""
    if not any(map(request.user.has_perm, settings.PORTAL_EDITOR_PERMISSIONS)):
        raise PermissionDenied
    func_num = request.GET.get("CKEditorFuncNum", "")
    if not FUNC_NUM.fullmatch(func_num):
        func_num = ""
    url = ""
    if request.method == "POST":
        form = ImageUploadForm(request.POST, request.FILES)
        if form.is_valid():
            url = save_body_image(form.cleaned_data["image"])
    else:
        form = ImageUploadForm()
    ctx = {
        **admin.site.each_context(request),
        "title": "Tải ảnh lên",
        "form": form,
        "url": url,
        "func_num": func_num,
        "is_popup": True,
    }
    status = 400 if request.method == "POST" and not url else 200
    return TemplateResponse(request, "admin/upload_image.html", ctx, status=status)


def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin)."""
    return redirect(static("img/favicon.svg"), permanent=True)
