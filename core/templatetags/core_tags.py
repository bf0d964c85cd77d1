from django import template

from core.images import rendition_url
from core.site import site_url

register = template.Library()


@register.filter
def rendition(image, purpose):
    """{{ article.image|rendition:"thumb" }}: the URL of a made-once WebP copy."""
    return rendition_url(image, purpose)


@register.simple_tag
def absolute_url(path):
    """{% absolute_url article.get_absolute_url %}: on the site's address."""
    return site_url(path)
