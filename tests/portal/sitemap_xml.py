"""Reading sitemap.xml as a search engine does: the index, then each section."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def section_locations(client):
    """{section file's address: its lastmod element or None} from the index."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return {
        e.findtext("s:loc", namespaces=NS): e.find("s:lastmod", NS)
        for e in root.findall("s:sitemap", NS)
    }


def sitemap_urls(client):
    """{page address: its lastmod element or None} over every section."""
    found = {}
    for section in section_locations(client):
        response = client.get(_path(section))
        assert response.status_code == 200, section
        for url in ET.fromstring(response.content).findall("s:url", NS):
            found[url.findtext("s:loc", namespaces=NS)] = url.find("s:lastmod", NS)
    return found


def sitemap_text(client, **headers):
    """The index and every section file, as one text (for "is it listed")."""
    index = client.get("/sitemap.xml", **headers).content.decode()
    texts = [index]
    for loc in ET.fromstring(index).findall("s:sitemap/s:loc", NS):
        texts.append(client.get(_path(loc.text), **headers).content.decode())
    return "\n".join(texts)
