from django import template

from portal.models import SupportUnit

register = template.Library()


@register.inclusion_tag("includes/support_units.html")
def support_units():
    return {"units": SupportUnit.visible()}
