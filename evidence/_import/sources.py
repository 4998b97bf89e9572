"""Books, articles, pages and posts as sources: the CSL type chooses the kind."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.courts import split_jurisdiction
from evidence._import.fields import Item, Refused, date, names, record_id, text, with_extra
from evidence._import.provisions import session_of, state_of

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
    "hearing": "hearing",
    "patent": "patent",
}

# The genres a law review names before a student's title (R? of the Bluebook, Indigo R30.2).
_NAMED_GENRES = ("Note", "Comment", "Recent Case", "Recent Development")


def source_record(item: Item) -> dict[str, Any]:
    item = with_extra(item)
    kind = SOURCE_KINDS[str(item["type"])]
    if kind in ("hearing", "patent"):
        return _legal_record(item, kind)
    genre = text(item, "genre")
    title = text(item, "title")
    if title is None and kind == "web_page":
        title, genre = genre, None  # a page Zotero could not title: what it is, as its title
    return {
        "id": record_id(str(item["id"])),
        "kind": kind,
        "title": title,
        "short_title": text(item, "shortTitle"),
        "authors": names(item, "author"),
        "institution": _institution(item),
        "publication": text(item, "container-title"),
        "publisher": text(item, "publisher"),
        "published": date(item, "issued"),
        "published_time": _clock(date(item, "event-date")),
        "page": text(item, "page"),
        "volume": text(item, "volume"),
        "edition": text(item, "edition"),
        "editors": names(item, "editor"),
        "number": _number(item, genre) if item["type"] == "report" else None,
        "genre": genre if genre in _NAMED_GENRES else None,
        "url": text(item, "URL"),
        "retrieved": date(item, "accessed"),
        "language": _language(text(item, "language")),
        "translators": names(item, "translator"),
        "original_published": date(item, "original-date"),
        "directions": text(item, "references") if kind == "web_page" else None,
    }


def _legal_record(item: Item, kind: str) -> dict[str, Any]:
    """A hearing: its title, the committee from CSL-M's `section`, the bill it is on from
    `number`, the legislature and session, a state's name (the Bluebook's R13.3). A patent: its
    number labeled by its country, with the kind code Juris-M keeps in `status` ('U.S. Patent
    No. 8,112,504 B2'), filed on `submitted`, issued on `issued`; a trademark (a patent item
    whose `genre` says so) its registration number (R14.9)."""
    made: dict[str, Any] = {
        "id": record_id(str(item["id"])),
        "kind": kind,
        "title": text(item, "title"),
        "published": date(item, "issued"),
        "url": text(item, "URL"),
    }
    if kind == "hearing":
        if made["title"] is None and text(item, "section") is None:
            raise Refused("a hearing needs its title or its committee: the item has no 'title' or 'section'")
        return {
            **made,
            "committee": text(item, "section"),
            "number": text(item, "number"),
            "session": session_of(item),
            "jurisdiction": state_of(item),
        }
    number = text(item, "number")
    if number is None:
        raise Refused("a patent or a trademark needs its number: the item has no 'number'")
    if (text(item, "genre") or "").lower() == "trademark":
        return {**made, "kind": "trademark", "number": f"Registration No. {number}"}
    country = "U.S. " if split_jurisdiction(text(item, "jurisdiction"))[0][:1] == ["us"] else ""
    status = text(item, "status")
    if status and not number.endswith(status):
        number = f"{number} {status}"
    return {**made, "number": f"{country}Patent No. {number}", "filed": date(item, "submitted")}


def _institution(item: Item) -> str | None:
    """CSL-M's `authority` as the author of a work no person signs: its bodies, which Juris-M
    lists from the larger ('Exec. Office of the President|Office of Mgmt. & Budget'), named
    from the one that wrote it, as R15.1.3's institutional authors are. An authority that
    numbers the publication ('USITC Pub. 4566') is the publisher, not the author."""
    authority = text(item, "authority")
    if authority is None or item.get("author") or item.get("call-number"):
        return None
    return ", ".join(reversed([body.strip() for body in authority.split("|") if body.strip()]))


# The time of day Zotero users keep in `note` as 'event-date: 12:27 PM' (a post's, R18.2.2).
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\s*([AaPp])\.?\s*[Mm]\.?")


def _clock(said: str | None) -> str | None:
    """'12:27 PM' → '12:27', '9:55 AM' → '09:55'; a real date is not a time of day."""
    found = _CLOCK.fullmatch(said or "")
    if found is None or not 1 <= int(found[1]) <= 12 or int(found[2]) > 59:
        return None
    hour = int(found[1]) % 12 + (12 if found[3].lower() == "p" else 0)
    return f"{hour:02d}:{found[2]}"


def _number(item: Item, genre: str | None) -> str | None:
    """A report's numbers as cited: Juris-M's genre and number ('S. Rep.', '106-261' → 'S. Rep.
    No. 106-261'; several joined by '|' → 'Nos.'), then the authority's publication number from
    `call-number` ('USITC Pub. 4566')."""
    said = []
    number = text(item, "number")
    if number:
        numbers = [part.strip() for part in number.split("|") if part.strip()]
        word = "Nos." if len(numbers) > 1 else "No."
        said.append(" ".join(part for part in (genre, word, ", ".join(numbers)) if part))
    publication = text(item, "call-number")
    if publication:
        said.append(" ".join(part for part in (text(item, "authority"), "Pub.", publication) if part))
    return ", ".join(said) or None


def _language(language: str | None) -> str | None:
    """A language tag; Zotero users often type the language's name ('English')."""
    return "en" if language is not None and language.lower() == "english" else language
