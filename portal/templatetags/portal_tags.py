from django import template
from django.core.cache import cache

from portal.models import SupportUnit

register = template.Library()

UNITS_CACHE_KEY = "portal:support-units"


@register.inclusion_tag("includes/support_units.html")
def support_units():
    units = cache.get(UNITS_CACHE_KEY)
    if units is None:
        units = list(SupportUnit.objects.filter(is_visible=True))
        cache.set(UNITS_CACHE_KEY, units, 30)
    return {"units": units}
