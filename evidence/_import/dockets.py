"""A docket as records: juriscraper's docket data (`DocketReport.data`, `AppellateDocketReport.data`)
made into a case, its people, its entries; an attachment page's data into exhibits.

Pure functions of plain data, so that any reader that brings a docket to this shape (PACER's
HTML through juriscraper, juriscraper's JSON, CourtListener's API) makes the same records. Values
the court's record gives are `confirmed`; values read out of free text (a filing's kind, its
're 45' references, a sealed entry, an actor's kind) are `likely`. Ids are made from what the
docket prints, so that importing the same docket again makes the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from evidence._import.fields import Refused, build
from evidence._model import RECORD_KINDS, Case, Filing, Record, Source

Data = Mapping[str, Any]

CONFIRMED = "confirmed"
LIKELY = "likely"


class DocketProblem(Exception):
    """Docket data that cannot become records, with the reason."""


# -- ids --------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """An id part from printed text: lowercase, each run of other characters one '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def case_id(court: str, docket_number: str) -> str:
    """'cand', '3:08-cv-00159' → 'cand-3-08-cv-00159'."""
    return f"{court}-{slug(docket_number)}"


def source_id(case: str) -> str:
    """The id of the Source record of a case's docket report."""
    return f"{case}.docket"


def attachment_source_id(filing: str) -> str:
    """The id of the Source record of a filing's attachment page."""
    return f"{filing}.attachments"


# -- the mappings, as tables ------------------------------------------------------------------

# A party's type as the docket prints it → the role; a type not here is `other`, its words kept.
PARTY_ROLES: Mapping[str, str] = {
    "plaintiff": "plaintiff",
    "consolidated plaintiff": "plaintiff",
    "lead plaintiff": "plaintiff",
    "all plaintiffs": "plaintiff",
    "defendant": "defendant",
    "consolidated defendant": "defendant",
    "all defendants": "defendant",
    "petitioner": "petitioner",
    "respondent": "respondent",
    "appellant": "appellant",
    "appellee": "appellee",
    "intervenor": "intervenor",
    "intervenor plaintiff": "intervenor",
    "intervenor defendant": "intervenor",
    "counter claimant": "counterclaimant",
    "counterclaimant": "counterclaimant",
    "counter-claimant": "counterclaimant",
    "counter defendant": "counter_defendant",
    "counter-defendant": "counter_defendant",
    "objector": "objector",
    "amicus": "amicus",
    "amicus curiae": "amicus",
    "third party plaintiff": "third_party",
    "third party defendant": "third_party",
    "class representative": "class_representative",
    "class member": "class_member",
}

# An appellate docket prints a party as 'Plaintiff - Appellee': the part it plays on appeal wins.
_APPEAL_ROLES = ("appellant", "appellee", "petitioner", "respondent", "intervenor", "amicus curiae", "amicus")


def party_role(printed: str) -> tuple[str, str | None]:
    """The role a docket's party type makes, and the words to keep in `as_printed` (None when
    they are exactly the role's name)."""
    words = " ".join(printed.replace("\xa0", " ").split())
    key = words.lower()
    role = PARTY_ROLES.get(key)
    if role is None and " - " in key:
        parts = [part.strip() for part in key.split(" - ")]
        role = next((PARTY_ROLES[part] for part in reversed(parts) if part in _APPEAL_ROLES), None)
        role = role or PARTY_ROLES.get(parts[0])
    role = role or "other"
    return role, None if key == role.replace("_", " ") else words


# The first words of an entry's text → a filing kind; the longest match wins, so 'memorandum
# opinion' is an opinion where 'memorandum' is a brief.
FILING_KINDS: Mapping[str, str] = {
    "complaint": "complaint",
    "amended complaint": "complaint",
    "notice of removal": "notice",
    "answer": "answer",
    "motion": "motion",
    "emergency motion": "motion",
    "joint motion": "motion",
    "ex parte motion": "motion",
    "opposition": "opposition",
    "response in opposition": "opposition",
    "memorandum in opposition": "opposition",
    "reply": "reply",
    "brief": "brief",
    "memorandum": "brief",
    "memorandum of points and authorities": "brief",
    "declaration": "declaration",
    "affidavit": "declaration",
    "order": "order",
    "minute order": "order",
    "scheduling order": "order",
    "memorandum and order": "order",
    "memorandum order": "order",
    "opinion": "opinion",
    "memorandum opinion": "opinion",
    "opinion and order": "opinion",
    "judgment": "judgment",
    "final judgment": "judgment",
    "stipulation": "stipulation",
    "joint stipulation": "stipulation",
    "notice": "notice",
    "notice of appeal": "notice",
    "letter": "letter",
    "transcript": "transcript",
    "petition": "petition",
}

_FIRST_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")


def filing_kind(text: str) -> str | None:
    """The kind an entry's first words name ('ORDER granting ...' → order), or None."""
    words = [word.lower() for word in _FIRST_WORDS.findall(text[:120])][:6]
    for size in range(len(words), 0, -1):
        kind = FILING_KINDS.get(" ".join(words[:size]))
        if kind is not None:
            return kind
    return None


# 're 45', 're: [45]', 're 45, 46 and 47', 'RE: 12 Motion': an entry naming earlier ones.
_REGARDING = re.compile(r"\bre:?\s*((?:\[?\d+\]?(?:\s*(?:,|and|&)\s*)?)+)", re.I)


def regarding_numbers(text: str) -> list[int]:
    """The entry numbers a docket text's 're' cross-references name, in order, once each."""
    found: list[int] = []
    for group in _REGARDING.findall(text):
        for number in re.findall(r"\d+", group):
            if int(number) not in found:
                found.append(int(number))
    return found


# A sealed entry: the docket marks it so ('SEALED MOTION ...', '***SEALED***', '(Sealed)').
_SEALED = re.compile(r"^[\s*\[(]*sealed\b|\*sealed\*|[(\[]sealed[)\]]", re.I)


def is_sealed(text: str) -> bool:
    return _SEALED.search(text) is not None


# Words that make a name an organization's; a name without them is taken as a person's.
_ORGANIZATION = re.compile(
    r"\b(inc|incorporated|llc|l\.l\.c|llp|lp|l\.p|ltd|limited|corp|corporation|co|company|companies|bank|n\.a|"
    r"association|assn|university|college|school|trust|trustees?|fund|group|partners|partnership|holdings|"
    r"services|systems|technologies|authority|commission|board|office|department|dept|agency|bureau|"
    r"administration|government|county|city|state|states|commonwealth|town|village|district|republic|"
    r"usa|u\.s\.a|america|foundation|institute|union|church|hospital|center|centre|society|council|"
    r"committee|club|estate|et al|insurance|international|enterprises|industries|plc|gmbh|ag|sa|court|"
    r"police|sheriff|prison|facility|unknown|does|defenders?|attorney's office|u\.? ?s\.? attorney|"
    r"attorney general|legal aid|law offices?|law firm|law group)\b\.?",
    re.I,
)


def actor_kind(name: str) -> str:
    """person or organization, guessed from the name's words."""
    return "organization" if _ORGANIZATION.search(name) else "person"


# -- the records ------------------------------------------------------------------------------


def _link(target: str) -> list[dict[str, Any]]:
    return [{"rel": "derived_from", "target": target, "confidence": CONFIRMED}]


def _date(value: Any) -> str | None:
    """A date juriscraper gives (a date, a datetime or ISO text) as the day it names."""
    if value is None or value == "":
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).replace("\xa0", " ").split())
    return text or None


class _Actors:
    """The actors an import makes, each once; one the set already holds is named, not made."""

    def __init__(self, known: Mapping[str, Record], source: str) -> None:
        self.known = known
        self.source = source
        self.made: dict[str, dict[str, Any]] = {}

    def id_of(self, name: str, *, kind: str | None = None) -> str:
        actor = slug(name) or "unnamed"
        if actor in self.known or actor in self.made:
            return actor
        record: dict[str, Any] = {"id": actor, "name": name, "confidence": CONFIRMED, "links": _link(self.source)}
        if kind is None:
            record["kind"] = actor_kind(name)
            record["field_confidence"] = {"kind": LIKELY}
        else:
            record["kind"] = kind
        self.made[actor] = record
        return actor


def docket_records(
    data: Data,
    *,
    court: str,
    source: Source,
    known: Mapping[str, Record] | None = None,
) -> list[Record]:
    """The records of one docket, in the order a file lists them: the case, a lower court's
    case for an appeal, the actors, the filings.

    `data` has the shape of juriscraper's `DocketReport.data` (district) or
    `AppellateDocketReport.data` (appellate: `panel`, `originating_court_information`); `court`
    is the courts-db id of the docket's court; `source` is the Source record of the report, which
    every record made links to (`derived_from`); `known` holds the records already in the set
    the import goes into, whose actors are named rather than made again. Raises `DocketProblem`
    when the data has no docket number or no case title.
    """
    known = known or {}
    number = _text(data.get("docket_number"))
    caption = _text(data.get("case_name"))
    if number is None:
        raise DocketProblem("the docket gives no docket number")
    if caption is None:
        raise DocketProblem(f"docket {number}: the docket gives no case title")
    case = case_id(court, str(data["docket_number"]).strip())
    actors = _Actors(known, source.id)
    record: dict[str, Any] = {
        "record": "case",
        "id": case,
        "caption": caption,
        "court": court,
        "docket_number": str(data["docket_number"]).strip(),
        "filed": _date(data.get("date_filed")),
        "closed": _date(data.get("date_terminated")),
        "status": "closed" if _date(data.get("date_terminated")) else None,
        "nature_of_suit": _text(data.get("nature_of_suit")),
        "cause": _text(data.get("cause")),
        "jury_demand": _text(data.get("jury_demand")),
        "confidence": CONFIRMED,
        "links": _link(source.id),
    }
    identifiers = {key: str(data[key]) for key in ("pacer_case_id",) if data.get(key)}
    if identifiers:
        record["identifiers"] = {"pacer": identifiers["pacer_case_id"]}
    record["judges"] = _judges(data, actors)
    record["parties"] = _parties(data.get("parties") or (), actors)
    made: list[dict[str, Any]] = [record]
    lower = _lower_case(data, caption, actors, source.id)
    if lower is not None:
        origin = data.get("originating_court_information") or {}
        relation = {"rel": "appeal_from", "case": lower["id"], "confidence": CONFIRMED}
        # The notice of appeal's date, and the lower court as the appeal's docket prints it.
        relation |= {"date": _date(origin.get("date_filed_noa")), "note": _text(data.get("appeal_from"))}
        record["relations"] = [relation]
        if lower["id"] not in known:
            made.append(lower)
    filings = entry_records(data.get("docket_entries") or (), case=case, source=source.id, appellate=_appellate(data))
    return records([*made, *({"record": "actor", **actor} for actor in actors.made.values()), *filings])


_KINDS = {cls.KIND: cls for cls in RECORD_KINDS}


def records(data: Sequence[dict[str, Any]]) -> list[Record]:
    """Records from plain data naming its kind under 'record', each checked as a file's would be."""
    made = []
    for item in data:
        fields = {key: value for key, value in item.items() if key != "record"}
        try:
            made.append(build(_KINDS[item["record"]], fields))
        except Refused as reason:
            raise DocketProblem(f"{item['record']} {item.get('id')!r}: {reason}") from None
    return made


def _appellate(data: Data) -> bool:
    return "originating_court_information" in data or "panel" in data


def _judges(data: Data, actors: _Actors) -> list[dict[str, Any]]:
    judges = []
    for key, role, initials in (
        ("assigned_to_str", "assigned", "federal_dn_judge_initials_assigned"),
        ("referred_to_str", "referred", "federal_dn_judge_initials_referred"),
    ):
        name = _text(data.get(key))
        if name:
            judge = {"actor": actors.id_of(name, kind="person"), "role": role, "confidence": CONFIRMED}
            judges.append({**judge, "initials": _text(data.get(initials))})
    for name in data.get("panel") or ():
        if _text(name):
            judges.append(
                {"actor": actors.id_of(str(_text(name)), kind="person"), "role": "panel", "confidence": CONFIRMED}
            )
    return judges


def _parties(parties: Sequence[Data], actors: _Actors) -> list[dict[str, Any]]:
    made: list[dict[str, Any]] = []
    counsel: list[dict[str, Any]] = []
    for party in parties:
        name = _text(party.get("name"))
        if name is None:
            raise DocketProblem("a party has no name")
        actor = actors.id_of(name)
        role, printed = party_role(str(party.get("type") or ""))
        entry: dict[str, Any] = {"actor": actor, "role": role, "confidence": CONFIRMED}
        if printed:
            entry["as_printed"] = printed
        if _text(party.get("extra_info")):
            entry["note"] = _text(party.get("extra_info"))
        ended = _date(party.get("date_terminated"))
        if ended:
            entry["period"] = f"../{ended}"
        made.append(entry)
        for attorney in party.get("attorneys") or ():
            lawyer = _text(attorney.get("name"))
            if lawyer is None:
                continue
            # The docket's contact block (address, phone, e-mail) is left out on purpose.
            roles = "; ".join(r for r in (_text(role) for role in attorney.get("roles") or ()) if r)
            counsel.append(
                {
                    "actor": actors.id_of(lawyer),  # an office ('Federal Defenders') is counsel too
                    "role": "counsel",
                    "represents": [actor],
                    "as_printed": roles or None,
                    "confidence": CONFIRMED,
                }
            )
    return made + counsel


def _lower_case(data: Data, caption: str, actors: _Actors, source: str) -> dict[str, Any] | None:
    """The case an appeal was taken from, as the court of appeals' docket names it."""
    origin = data.get("originating_court_information") or {}
    court, number = _text(origin.get("court_id")), _text(origin.get("docket_number"))
    if not court or not number:
        return None
    lower: dict[str, Any] = {
        "record": "case",
        "id": case_id(court, str(origin["docket_number"]).strip()),
        # The appellate docket prints no caption of the lower case: the appeal's stands in for
        # it, marked unverified, until the lower court's own docket is imported.
        "caption": caption,
        "court": court,
        "docket_number": str(origin["docket_number"]).strip(),
        "filed": _date(origin.get("date_filed")),
        "confidence": CONFIRMED,
        "field_confidence": {"caption": "unverified"},
        "notes": "Known from the appeal's docket, which prints the lower court's docket number but not its caption: "
        "the caption is the appeal's.",
        "links": _link(source),
    }
    judge = _text(origin.get("assigned_to"))
    if judge:
        lower["judges"] = [{"actor": actors.id_of(judge, kind="person"), "role": "assigned", "confidence": CONFIRMED}]
    return lower


def _unnumbered_key(entry: Data, text: str | None) -> str:
    """What names an unnumbered entry whatever its place on the docket, so a newer report that
    adds an entry before it gives it the same id: PACER's sequence number where the data has one,
    else a short digest of its text with case and spacing ignored."""
    sequence = _text(entry.get("pacer_seq_no"))
    if sequence is not None:
        return f"s{slug(sequence)}"
    normalized = " ".join((text or "").casefold().split())
    return hashlib.sha256(normalized.encode()).hexdigest()[:8]


def entry_records(entries: Sequence[Data], *, case: str, source: str, appellate: bool) -> list[dict[str, Any]]:
    """The filings of a docket's entries, each kept: numbered or not, its text whole."""
    made: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    taken: set[str] = set()
    by_number: dict[int, str] = {}
    for entry in entries:
        printed = _text(entry.get("document_number"))
        text = str(entry.get("description") or "").strip() or None
        filed, entered = _date(entry.get("date_filed")), _date(entry.get("date_entered"))
        if printed is None:
            base = f"{case}.entry-{filed or entered or 'undated'}-{_unnumbered_key(entry, text)}"
        else:
            base = f"{case}.doc-{slug(printed)}" if appellate else f"{case}.{slug(printed)}"
        seen[base] = seen.get(base, 0) + 1
        # A number printed twice (or an unnumbered entry's text given twice on one day) is counted
        # from its second; and an id another entry's number already makes ('3-2', printed) is counted on.
        counted = seen[base] > 1
        filing_id = f"{base}-{seen[base]}" if counted else base
        while filing_id in taken:
            seen[base] += 1
            filing_id = f"{base}-{seen[base]}"
        taken.add(filing_id)
        record: dict[str, Any] = {
            "record": "filing",
            "id": filing_id,
            "case": case,
            "docket_text": text,
            "filed": filed,
            "entered": entered,
            "confidence": CONFIRMED,
            "links": _link(source),
        }
        if printed is not None:
            plain = re.fullmatch(r"[1-9][0-9]*", printed) is not None
            record["ecf" if plain else "entry"] = int(printed) if plain else printed
            if plain:
                by_number.setdefault(int(printed), filing_id)
        identifiers = {key: str(entry[key]) for key in ("pacer_doc_id", "pacer_seq_no") if entry.get(key)}
        if identifiers:
            record["identifiers"] = identifiers
        marks: dict[str, str] = {}
        kind = filing_kind(text) if text else None
        if kind is not None:
            record["kind"] = kind
            marks["kind"] = LIKELY
        if text and is_sealed(text):
            record["sealing"] = [{"action": "sealed", "confidence": LIKELY, "note": "The docket text marks it sealed."}]
        record["field_confidence"] = marks
        record["_numbers"] = regarding_numbers(text) if text else []
        made.append(record)
    for record in made:
        regarding = [by_number[n] for n in record.pop("_numbers") if n in by_number and by_number[n] != record["id"]]
        if regarding:
            record["regarding"] = regarding
            record["field_confidence"]["regarding"] = LIKELY
    return made


def attachment_records(data: Data, *, filing: Filing, source: str) -> list[Record]:
    """The exhibits of an attachment page (`AttachmentPage.data`), attached to `filing`."""
    made = []
    for attachment in data.get("attachments") or ():
        number = attachment.get("attachment_number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise DocketProblem(f"an attachment has no number: {dict(attachment)!r}"[:200])
        pages = attachment.get("page_count")
        made.append(
            {
                "record": "exhibit",
                "id": f"{filing.id}-{number}",
                "filing": filing.id,
                "attachment": number,
                "title": _text(attachment.get("description")),
                "pages": pages if isinstance(pages, int) and pages > 0 else None,
                "confidence": CONFIRMED,
                "links": _link(source),
            }
        )
    return records(made)


def find_filing(data: Data, *, court: str, records: Sequence[Record]) -> Filing | None:
    """The filing an attachment page belongs to, among `records`: the one with the page's
    pacer_doc_id in a case of `court`, else the entry of its document number in the case whose
    pacer case id the page gives."""
    cases = {record.id: record for record in records if isinstance(record, Case) and record.court == court}
    filings = [record for record in records if isinstance(record, Filing) and record.case in cases]
    doc_id = str(data.get("pacer_doc_id") or "")
    for filing in filings:
        if doc_id and filing.identifiers.get("pacer_doc_id") == doc_id:
            return filing
    pacer_case, number = str(data.get("pacer_case_id") or ""), data.get("document_number")
    if pacer_case and number is not None:
        for filing in filings:
            if cases[filing.case].identifiers.get("pacer") == pacer_case and filing.ecf == int(number):
                return filing
    return None
