from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.attachments import serve
from core.cache import public_cache
from core.paginate import page_of
from documents import search
from documents.filters import parse_filters
from documents.models import Document, DocumentFile

PER_PAGE = 20
PUBLISH_PERMISSION = "documents.publish_document"


def may_preview(user, document):
    """Staff who may see a document before it is public: approvers, and the
    writer who made it."""
    if user.has_perm(PUBLISH_PERMISSION):
        return True
    return user.has_perm("documents.change_document") and (
        document.created_by_id == user.pk
    )


def private(response):
    # Drafts' pages and files, and the public's 404 for them, never stay in
    # a proxy.
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@public_cache
def document_list(request):
    """/van-ban/: the register, filtered, searched, newest issue first."""
    filters = parse_filters(request.GET)
    documents = filters.apply(Document.objects.published().for_listing())
    query, terms, notices = search.parse_query(request.GET.get("q", ""))
    documents = search.matching(documents, terms)
    ctx = {
        "filters": filters,
        "query": query,
        "notices": filters.notices + notices,
        "page_obj": page_of(request, documents, PER_PAGE),
    }
    return render(request, "documents/list.html", ctx)


@public_cache
def document_detail(request, pk):
    document = get_object_or_404(Document.objects.for_detail(), pk=pk)
    preview = not document.is_public
    if preview and not may_preview(request.user, document):
        return private(render(request, "404.html", status=404))
    ctx = {
        "document": document,
        "files": list(document.files.all()),
        "replaces": list(Document.objects.published().filter(replaced_by=document)),
        "replacement": document.replaced_by
        if document.replaced_by and document.replaced_by.is_public
        else None,
        "related": list(document.related_articles.published().only("title", "slug")),
        "preview": preview,
        "consultation": getattr(document, "consultation", None),
    }
    response = render(request, "documents/detail.html", ctx)
    return private(response) if preview else response


def download(request, pk, name):
    """A document's file under the name staff gave it (core.attachments)."""
    attached = get_object_or_404(DocumentFile.objects.select_related("document"), pk=pk)
    document = attached.document
    return serve(
        request,
        attached,
        name,
        public=document.is_public,
        may_preview=may_preview(request.user, document),
    )
