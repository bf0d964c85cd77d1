"""The admin dashboard's newsroom block: the approval queue and one's drafts."""

from django import template

from news.models import Article

register = template.Library()


@register.inclusion_tag("admin/news/queue.html", takes_context=True)
def newsroom_queue(context):
    user = context["request"].user
    if not user.has_perm("news.change_article"):
        return {"show": False}
    pending = Article.objects.filter(status=Article.Status.PENDING)
    if not user.has_perm("news.publish_article"):
        pending = pending.filter(created_by=user)
    drafts = Article.objects.filter(status=Article.Status.DRAFT, created_by=user)
    return {
        "show": True,
        "approver": user.has_perm("news.publish_article"),
        "user_id": user.pk,
        "pending_count": pending.count(),
        "pending": list(pending.order_by("-updated_at")[:8]),
        "draft_count": drafts.count(),
        "drafts": list(drafts.order_by("-updated_at")[:8]),
    }
