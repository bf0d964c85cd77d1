from django.contrib import admin
from django.db import models

from news.forms import ArticleAdminForm
from news.models import Article, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "parent", "order", "in_menu"]
    list_editable = ["order", "in_menu"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    form = ArticleAdminForm
    list_display = ["title", "status", "category", "published_at", "is_featured"]
    list_filter = ["status", "category", "published_at", "is_featured"]
    list_select_related = ["category"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["image", "image_alt", "image_caption"]}),
        ("Nguồn tin và tác giả", {"fields": ["source_name", "source_url", "author"]}),
        ("Xuất bản", {"fields": ["status", "published_at", "is_featured"]}),
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
