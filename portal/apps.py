from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from core.attachments import connect_attachment
        from core.cache import drop_on_change
        from core.pagecache import bump_on_change, register_next_change
        from documents.models import Document
        from news.models import Article, ArticleAttachment, Category
        from portal import context_processors, models

        # Saving or deleting drops the cached copy, so staff see their edit on
        # the next page without a restart.
        drop_on_change(models.PROFILE_CACHE_KEY, models.SiteProfile)
        drop_on_change(models.UNITS_CACHE_KEY, models.SupportUnit)
        drop_on_change(models.FOOTER_PAGES_CACHE_KEY, models.Page)
        drop_on_change(context_processors.MENU_CACHE_KEY, Category)
        # Every page shows these; a change to any shows at once everywhere.
        bump_on_change(
            Article,
            ArticleAttachment,
            Category,
            Document,
            models.SiteProfile,
            models.SupportUnit,
            models.Page,
            models.PageAttachment,
            models.EnglishPage,
        )
        register_next_change(Article.objects.next_publication)
        connect_attachment(models.PageAttachment)
