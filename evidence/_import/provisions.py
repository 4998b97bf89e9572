"""`legislation` and `regulation` items as provisions of law: the code from `container-title`,
its title from `volume`, the section from `section` (CSL-M writes 'sec. 107'), the act's name
from `title`, the edition's year from `issued` (or Juris-M's `publication-date`, the date of the
edition of a state code). An item with a `page` and no section is cited by volume and page: a
session law, a register or a uniform act."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.fields import Item, Refused, date, record_id, text, year

_KINDS = {"legislation": "statute", "regulation": "regulation"}


def section_text(value: str | None) -> tuple[str | None, str | None]:
    """(chapter, section) of CSL-M's section field: 'sec. 107' → (None, '107'); 'ch. 268, sec.
    40' → ('268', '40'). A title written in the section ('tit. 654, sec. 987') is cited after
    the code's name, so it stays in the section as printed, 'tit. 654, § 987' (Cal. Code Regs.
    tit. 654, § 987), where a `volume` is the title before the code (17 U.S.C.)."""
    if value is None:
        return None, None
    chapter = None
    found = re.match(r"ch\.\s*([^,]+)(?:,\s*(.*))?$", value.strip())
    if found:
        chapter, value = found.group(1).strip(), found.group(2) or ""
    if value.strip().startswith("tit."):
        return chapter, re.sub(r"\bsecs?\.\s*", "§ ", value.strip())
    section = re.sub(r"^(?:secs?\.|§§?)\s*", "", value.strip())
    return chapter, section or None


def _kind_by_code(code: str, csl_type: str) -> str:
    """A constitution and a court rule are told by their code ('U.S. Const.', 'Fed. R. Civ. P.'),
    which Juris-M gives as the item's title."""
    if code.endswith("Const."):
        return "constitution"
    if re.search(r"\bR\.\s", code):
        return "court_rule"
    return _KINDS[csl_type]


def provision_record(item: Item) -> dict[str, Any]:
    code = text(item, "container-title")
    if code is None and text(item, "title") is not None:
        # A constitution, a court rule or a code of regulations, named by its title alone.
        named = str(text(item, "title"))
        kind = _kind_by_code(named, str(item["type"]))
        clause = text(item, "section")
        if kind in ("constitution", "court_rule"):  # cited by the clause as written: 'art. XVI, § 2'
            clause = re.sub(r"\bsecs?\.\s*", "§ ", clause) if clause else None
        else:  # a section of the code: '1.41-2', printed after its own §
            clause = section_text(clause)[1]
        by_code = kind not in ("constitution", "court_rule")
        return {
            "id": record_id(str(item["id"])),
            "kind": kind,
            "code": named,
            "section": clause,
            # The edition of a code named by its title: its publisher, or the edition Juris-M
            # names in `genre` ('N.Y. Lab. Law § 15 (Consol. 2000)').
            "publisher": (text(item, "publisher") or text(item, "genre")) if by_code else None,
            "year": _edition_year(item),
            "url": text(item, "URL"),
        }
    if code is None:
        raise Refused("a provision needs its code: the item has no 'container-title'")
    chapter, section = section_text(text(item, "section"))
    if section is None and text(item, "page") is not None:
        return _by_page(item, code)
    return {
        "id": record_id(str(item["id"])),
        "kind": _KINDS[str(item["type"])],
        "code": code,
        "title": _volume(item),
        "chapter": chapter,
        "section": section,
        "name": text(item, "title"),
        "publisher": text(item, "publisher"),
        "year": _edition_year(item),
        "url": text(item, "URL"),
    }


def _edition_year(item: Item) -> int | None:
    return year(item) or year(item, "publication-date")


def _volume(item: Item) -> str | None:
    """The title or volume: `volume`; Juris-M's `collection-number` is a year serving as the
    volume of a session law ('2006 Mass. Acts 45'), joined to a pamphlet's number when both are
    given ('2006-14 Ark. Adv. Legis. Serv. 45'); a gazette numbers its own issues, and its
    `volume` stands alone."""
    volume, year_as_volume = text(item, "volume"), text(item, "collection-number")
    if year_as_volume and volume and not item.get("gazette-flag"):
        return f"{year_as_volume}-{volume}"
    return volume or year_as_volume


def _by_page(item: Item, code: str) -> dict[str, Any]:
    """A session law (`124 Stat. 119`), a register (`80 Fed. Reg. 47829`, dated in full) or a
    uniform act (`7A Pt. III U.L.A. 137`): cited by the volume and the page they begin on. The
    number takes its label from `genre` ('Exchange Act Release No. 75592'), a federal session
    law's from the rules ('Pub. L. No. 111-148'); with no `volume`, Juris-M's `collection-number`
    is the year that serves as one ('2006 Mass. Acts 45')."""
    kind = "register" if item["type"] == "regulation" else "session_law"
    kind = "uniform_act" if code == "U.L.A." else kind  # Uniform Laws Annotated
    number = text(item, "number")
    label = text(item, "genre") or ("Pub. L." if code == "Stat." else None)
    return {
        "id": record_id(str(item["id"])),
        "kind": kind,
        "code": code,
        "title": _volume(item),
        "page": text(item, "page"),
        "name": text(item, "title"),
        "number": f"{label} No. {number}" if number and label else number,
        "publisher": text(item, "publisher"),
        "year": _edition_year(item),
        "date": date(item, "issued") if kind == "register" else None,
        "url": text(item, "URL"),
    }
