from django.apps import AppConfig
from django.db.models.signals import post_migrate


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
        from portal import menu, models

        # Saving or deleting drops the cached copy, so staff see their edit on
        # the next page without a restart.
        drop_on_change(models.PROFILE_CACHE_KEY, models.SiteProfile)
        drop_on_change(models.UNITS_CACHE_KEY, models.SupportUnit)
        drop_on_change(models.FOOTER_PAGES_CACHE_KEY, models.Page)
        # The menu holds the categories, the items, the public-service address
        # of the profile and which static pages are public.
        drop_on_change(
            menu.MENU_CACHE_KEY,
            Category,
            models.MenuItem,
            models.SiteProfile,
            models.Page,
        )
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
            models.MenuItem,
            models.EnglishPage,
        )
        # A scheduled article going out, or a notice's end of display.
        register_next_change(Article.objects.next_change)
        connect_attachment(models.PageAttachment)
        post_migrate.connect(menu.ensure_menu, sender=self)
