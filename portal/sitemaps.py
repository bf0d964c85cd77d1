"""The registry of the site's public sections: one list from which both site
maps are built, sitemap.xml (an index of /sitemap-<section>.xml, for search
engines) and Sơ đồ cổng at /so-do-cong/ (a tree, for people). Each app
provides its Sitemap classes; a section of an app that is not installed,
whose URL name does not resolve, is left out of both."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse

from core.site import SiteSitemap
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from portal.models import Page
from questions.sitemaps import SITEMAPS as QUESTION_SITEMAPS
from schedule.sitemaps import SITEMAPS as SCHEDULE_SITEMAPS


class PageSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.filter(is_published=True).order_by("order", "title")

    def lastmod(self, item):
        return item.updated_at


class NamedPagesSitemap(SiteSitemap):
    """Single pages of the site and of other apps, by URL name with their
    title in Sơ đồ cổng; a name that does not resolve is left out."""

    changefreq = "weekly"
    priority = 0.6
    pages = {}

    def items(self):
        return [name for name in self.pages if _resolves(name)]

    def location(self, item):
        return reverse(item)

    def title(self, item):
        return self.pages[item]


class ServicesSitemap(NamedPagesSitemap):
    pages = {"most_read": "Tin đọc nhiều", "site_map": "Sơ đồ cổng"}


class ScheduleMapEntry(NamedPagesSitemap):
    """Lịch công tác in Sơ đồ cổng; sitemap.xml has it with its weeks."""

    pages = {"schedule:week": "Lịch công tác"}


class EnglishSitemap(NamedPagesSitemap):
    pages = {"english": "English"}


def _resolves(name):
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


@dataclass(frozen=True)
class Section:
    """name: the XML section (/sitemap-<name>.xml); title: its heading in
    Sơ đồ cổng (none: its pages stand alone), where in_html_map says whether
    its pages are listed (not the thousands of articles and documents: their
    categories and list are); titles: the names of pages given by URL name;
    lang: the pages' language when not Vietnamese; in_xml: False for an
    entry of the HTML map only."""

    name: str
    sitemap: type
    title: str = ""
    in_html_map: bool = True
    in_xml: bool = True
    lang: str = ""
    titles: dict = field(default_factory=dict)


SECTIONS = [
    Section("home", NEWS_SITEMAPS["home"], titles={"news:home": "Trang chủ"}),
    Section("categories", NEWS_SITEMAPS["categories"], title="Tin tức"),
    Section("news", NEWS_SITEMAPS["news"], in_html_map=False),
    Section("pages", PageSitemap, title="Giới thiệu và thông tin chung"),
    Section(
        "documents-list",
        DOCUMENT_SITEMAPS["documents-list"],
        titles={
            "documents:list": "Văn bản",
            "documents:consultations": "Góp ý dự thảo",
        },
    ),
    Section("documents", DOCUMENT_SITEMAPS["documents"], in_html_map=False),
    Section("consultations", DOCUMENT_SITEMAPS["consultations"], in_html_map=False),
    Section(
        "questions-list",
        QUESTION_SITEMAPS["questions-list"],
        titles={"questions:index": "Hỏi đáp"},
    ),
    Section("questions", QUESTION_SITEMAPS["questions"], in_html_map=False),
    Section("schedule-map", ScheduleMapEntry, in_xml=False),
    Section("schedule", SCHEDULE_SITEMAPS["schedule"], in_html_map=False),
    Section("services", ServicesSitemap),
    Section("english", EnglishSitemap, lang="en"),
]

SITEMAPS = {s.name: s.sitemap for s in SECTIONS if s.in_xml}


@dataclass
class Entry:
    """One page in Sơ đồ cổng, with the pages under it."""

    title: str
    url: str
    lang: str = ""
    children: list = field(default_factory=list)


def _title(section, sitemap, item):
    if hasattr(sitemap, "title"):
        return sitemap.title(item)
    return section.titles.get(item) or str(item)


def section_entries(section):
    """The section's pages as a tree, items with a parent (sub-categories)
    under it, in the order staff gave them: the one query of its items()."""
    sitemap = section.sitemap()
    items = sitemap.items()
    if isinstance(items, QuerySet) and items.model._meta.ordering:
        items = items.order_by(*items.model._meta.ordering)
    items = list(items)
    entries = [
        Entry(_title(section, sitemap, item), sitemap.location(item), section.lang)
        for item in items
    ]
    by_pk = {
        item.pk: entry
        for item, entry in zip(items, entries, strict=True)
        if hasattr(item, "pk")
    }
    roots = []
    for item, entry in zip(items, entries, strict=True):
        parent = by_pk.get(getattr(item, "parent_id", None))
        (parent.children if parent else roots).append(entry)
    return roots


def html_map():
    """Sơ đồ cổng: [(heading or "", entries)] in the registry's order."""
    found = []
    for section in SECTIONS:
        if not section.in_html_map:
            continue
        entries = section_entries(section)
        if entries:
            found.append((section.title, entries))
    return found
