from django import template

from core.images import rendition_url

register = template.Library()


@register.filter
def rendition(image, purpose):
    """{{ article.image|rendition:"thumb" }}: the URL of a made-once WebP copy."""
    return rendition_url(image, purpose)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """{% absolute_url article.get_absolute_url %}: with scheme and host."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path
