"""Books, articles, pages and posts as sources: the CSL type chooses the kind."""

from __future__ import annotations

from typing import Any

from evidence._import.fields import Item, date, names, record_id, text

# CSL types a source can be, and its kind (a magazine is a periodical, as a newspaper is).
SOURCE_KINDS = {
    "book": "book",
    "chapter": "book",
    "article-journal": "journal_article",
    "article-newspaper": "news_article",
    "article-magazine": "news_article",
    "webpage": "web_page",
    "post-weblog": "post",
    "post": "post",
    "report": "other",
    "dataset": "dataset",
    "motion_picture": "video",
    "document": "other",
}


def source_record(item: Item) -> dict[str, Any]:
    return {
        "id": record_id(str(item["id"])),
        "kind": SOURCE_KINDS[str(item["type"])],
        "title": text(item, "title"),
        "authors": names(item, "author"),
        "publication": text(item, "container-title"),
        "publisher": text(item, "publisher"),
        "published": date(item, "issued"),
        "page": text(item, "page"),
        "url": text(item, "URL"),
        "retrieved": date(item, "accessed"),
        "language": text(item, "language"),
        "translators": names(item, "translator"),
    }
