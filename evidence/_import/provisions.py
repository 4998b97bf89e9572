"""`legislation` and `regulation` items as provisions of law: the code from `container-title`,
its title from `volume`, the section from `section` (CSL-M writes 'sec. 107'), the act's name
from `title`, the edition's year from `issued` (or Juris-M's `publication-date`, the date of the
edition of a state code). An item with a `page` is cited by volume and page, a section after its
number: a session law, a register or a uniform act."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.courts import split_jurisdiction
from evidence._import.fields import Item, Refused, date, ordinal, record_id, several, text, year

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
    if text(item, "page") is not None:  # a code is cited by section, never by a page
        return {**_by_page(item, code), "section": section}
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
    numbers = several(item, "number")
    number = ", ".join(numbers) or None
    label = text(item, "genre") or ("Pub. L." if code == "Stat." else None)
    label = f"{label} {'Nos.' if len(numbers) > 1 else 'No.'}" if label else None
    return {
        "id": record_id(str(item["id"])),
        "kind": kind,
        "code": code,
        "title": _volume(item),
        "page": text(item, "page"),
        "name": text(item, "title"),
        "number": f"{label} {number}" if number and label else number,
        "publisher": text(item, "publisher"),
        "year": _edition_year(item),
        "date": date(item, "issued") if kind == "register" else None,
        "url": text(item, "URL"),
    }


def session_of(item: Item) -> str | None:
    """The legislature and session as cited, from Juris-M's `collection-number` (the
    legislature's number, or the years of its session), `authority` (the body: 'Cong.', 'Leg.')
    and `chapter-number` (the session's kind: 'Reg.'): '111th Cong.', '127th Leg., Reg. Sess.',
    '2006–2007 Sess.'."""
    number, body, kind = text(item, "collection-number"), text(item, "authority"), text(item, "chapter-number")
    if number is None:
        return body
    if not number.isdigit():  # a session named by its years
        return f"{number.replace('-', '–')} Sess."
    said = " ".join(part for part in (ordinal(number), body) if part)
    return f"{said}, {kind} Sess." if kind and not kind.isdigit() else said


def state_of(item: Item) -> str | None:
    """The abbreviation of a state's name, from the last level of Juris-M's `jurisdiction`
    ('005us:meUnited States|US|Maine' → 'Me.'), by reporters-db's table of states (Bluebook
    T10); a federal item has none."""
    import reporters_db  # read late, as the reporters are

    code, names = split_jurisdiction(text(item, "jurisdiction"))
    if len(code) < 2 or not names:
        return None
    by_name = {name: abbreviation for abbreviation, name in reporters_db.STATE_ABBREVIATIONS.items()}
    return by_name.get(names[-1])


def bill_record(item: Item) -> dict[str, Any]:
    """A bill or resolution: its number ('H.R. 11'), the legislature and session, its section,
    its name from `title`, the year and a state's name (the Bluebook's R13.2)."""
    session = session_of(item)
    if session is None:
        raise Refused("a bill needs its legislature: the item has no 'collection-number' or 'authority'")
    return {
        "id": record_id(str(item["id"])),
        "kind": "bill",
        "code": session,
        "number": text(item, "number"),
        "section": section_text(text(item, "section"))[1],
        "name": text(item, "title"),
        "year": year(item),
        "jurisdiction": state_of(item),
        "url": text(item, "URL"),
    }


def restatement_record(item: Item) -> dict[str, Any]:
    """A Restatement, which Juris-M keeps as an encyclopedia entry: the Restatement from
    `container-title`, a part of it named in `title` with its section ('Servitudes § 7.1' of
    'Restatement (Third) of Prop.: Servitudes § 7.1'), the American Law Institute and the year
    (the Bluebook's R12.9.5)."""
    code = str(text(item, "container-title"))
    part, _, section = (text(item, "title") or "").partition("§")
    return {
        "id": record_id(str(item["id"])),
        "kind": "restatement",
        "code": f"{code}: {part.strip()}" if part.strip() else code,
        "section": section.strip() or section_text(text(item, "section"))[1],
        "publisher": text(item, "publisher"),
        "year": year(item),
        "url": text(item, "URL"),
    }


def is_restatement(item: Item) -> bool:
    """Whether an encyclopedia entry is a Restatement of the law, by the name of its work."""
    return (text(item, "container-title") or "").startswith("Restatement")
