import logging

from django import template

from portal import most_read as readership
from portal.models import SupportUnit

logger = logging.getLogger(__name__)

register = template.Library()


@register.inclusion_tag("includes/support_units.html")
def support_units():
    return {"units": SupportUnit.visible()}


@register.inclusion_tag("includes/most_read.html")
def most_read():
    """The sidebar block "Tin đọc nhiều"; left out when the store cannot be read."""
    try:
        return {"periods": readership.sidebar_periods()}
    except Exception as exc:
        logger.warning("Most read not shown: %s: %s", type(exc).__name__, exc)
        return {"periods": []}
