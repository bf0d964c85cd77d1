from django.contrib import admin
from django.db import models

from portal.models import SiteProfile, SupportUnit


@admin.register(SiteProfile)
class SiteProfileAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request):
        return not SiteProfile.objects.exists()


@admin.register(SupportUnit)
class SupportUnitAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "url", "order", "is_visible"]
    list_editable = ["order", "is_visible"]
