import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.images import rendition_url
from core.site import site_url

register = template.Library()

# The characters that could end a <script> element or start a comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    """The article as schema.org NewsArticle, in a JSON-LD data block.

    A data block is not executed, so the Content-Security-Policy allows it;
    the JSON is escaped like Django's json_script so text cannot close it.
    """
    site = context.get("site")
    url = site_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": timezone.localtime(article.published_at).isoformat(),
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "inLanguage": "vi",
        "articleSection": article.category.name,
    }
    if article.image:
        data["image"] = [site_url(rendition_url(article.image, "social"))]
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if site is not None:
        data["publisher"] = {
            "@type": "GovernmentOrganization",
            "name": site.organisation,
        }
        data.setdefault("author", data["publisher"])
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),
    )
