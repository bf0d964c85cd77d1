from django import template

from news.images import rendition_url

register = template.Library()


@register.filter
def rendition(image, purpose):
    """{{ article.image|rendition:"thumb" }}: the URL of a made-once WebP copy."""
    return rendition_url(image, purpose)
