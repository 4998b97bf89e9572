"""The Indigo Book's own examples as a conformance suite: each example's CSL-M items imported,
cited in the example's position with its signal and pinpoint, the text compared with the
book's (markup stripped) and, where the book prints italics, the typeface.

    python -m benchmarks.indigobook tests/data/indigobook
    python -m benchmarks.indigobook tests/data/indigobook --write-known   # rewrite the list
    python -m benchmarks.indigobook tests/data/indigobook --check-known   # exit 1 on a change

FOLDER holds `examples.json` and `items.json` in the form the README there gives. Examples
whose expected text holds a `<var>` placeholder ("§ <var>x</var>") are templates, counted
apart: no record can match a placeholder. The last line printed is `N of M examples pass`
(M the examples that are not templates).

How a text is compared: tags stripped, entities read, spaces made single; the citation
sentence's stop is not compared (the book prints its examples without one) and neither is the
case of the first letter (a signal is capitalized at the start of a citation sentence only,
R1.2: the book shows "see also" inside a sentence, `cite` starts one); nor the glyph of a
quote mark or apostrophe (the book's processor curls them all).
"""

from __future__ import annotations

import argparse
import collections
import html
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attrs

import evidence as ev

KNOWN = "known-differences.json"

# CSL-M's signal names and the words the Indigo Book prints for them (R1).
SIGNALS = {
    "none": None,
    "description": None,
    "semicolon": None,
    "see": "see",
    "See": "See",
    "seealso": "see also",
    "Seealso": "See also",
    "cf": "cf.",
    "Cf": "Cf.",
    "Butcf": "But cf.",
    "Butsee": "But see",
    "Seegenerally": "See generally",
    "Eg": "E.g.,",
    "seeeg": "see, e.g.,",
    "Seeeg": "See, e.g.,",
    "Compare": "Compare",
    "with": "with",
    "and": "and",
}
HISTORY = ("affirmed", "reversed", "certdenied", "modified", "vacated")
LEGAL = {"legislation", "regulation"}

# A record cited between two cites of another, so the second is a short form, not id.
_BETWEEN = ev.Source(id="harness-intervening", kind=ev.SourceKind.BOOK, title="An Intervening Work")


@dataclass
class Outcome:
    cite_id: str
    item_type: str
    passed: bool
    template: bool = False
    reason: str = ""
    expected: str = ""
    got: str = ""


def plain(markup: str) -> str:
    """Text without tags or entities, spaces single, without the sentence's stop."""
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return text[:-1] if text.endswith(".") else text


def italics(markup: str) -> list[str]:
    return [plain(found) for found in re.findall(r"<i>(.*?)</i>", markup, flags=re.S) if plain(found)]


# The book's processor curls every straight quote and apostrophe; the glyph is typography, not
# text, so both are read as one.
_GLYPHS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def same(got: str, expected: str) -> bool:
    got, expected = got.translate(_GLYPHS), expected.translate(_GLYPHS)
    return got[:1].lower() == expected[:1].lower() and got[1:] == expected[1:]


def pin_of(locator: str | None) -> tuple[str | None, str | None]:
    """(the kind of locator, the pinpoint as printed): 'p. 127' → ('p', '127'), 'para. 19' →
    ('para', '¶ 19'), 'sec. 387' → ('sec', '387')."""
    if not locator:
        return None, None
    if locator.startswith("sec."):  # CSL-M: an unescaped hyphen of a section makes a span, '\\-' is one
        head, bar, rest = locator.partition("|")
        locator = re.sub(r"(?<=\w)-(?=\w)", "–", head) + bar + rest
    locator = plain(plain(locator.replace("\\-", "-")))  # Juris-M escapes some markup twice
    locator = locator.lstrip(", ")  # a pinpoint after the article's first page: ', p. 17'
    found = re.match(r"(p|para|sec|r|ch|fld)\.\s*(.+)", locator)
    if found is None:
        return "other", locator
    kind, value = found.group(1), found.group(2).strip()
    if kind == "para":
        return kind, ("¶¶ " if re.search(r"[-–,]", value) else "¶ ") + value
    if kind == "r":
        return kind, f"r. {value}"
    if kind == "fld":  # a numbered field of a patent's front page: '[75]' (R14.9)
        return kind, f"[{value}]"
    return kind, value


class _Sequence:
    """One example's citations in order, with the priming its positions need."""

    def __init__(self, records: ev.RecordSet) -> None:
        self.records = records
        # The book's examples stand alone, in no numbered footnote: supra without "note N".
        self.sequence = ev.CitationSequence(records, markup="html", footnotes=False)
        self.cited: set[str] = set()
        self.last: str | None = None
        self.note = 1
        self.decision: str | None = None
        self.named_in_text = False

    def cite(self, record: ev.Record, position: int, signal: str | None, pin: str | tuple[str | None, ...] | None,
             decision: str | None) -> str:  # fmt: skip
        self.decision = decision
        if position == 1:  # subsequent: cited before, something else since
            if record.id not in self.cited:
                self._one(record, None, None)
            if self.last == record.id:
                self._one(_BETWEEN, None, None)
            self.note += 1
        elif position in (2, 3) and self.last != record.id:  # ibid: the same authority just before
            self._one(record, None, None)
        return self._one(record, signal, pin)

    def _one(self, record: ev.Record, signal: str | None, pin: str | tuple[str | None, ...] | None) -> str:
        self.cited.add(record.id)
        self.last = record.id
        decision = self.decision if isinstance(record, ev.Case) else None
        named = self.named_in_text and isinstance(record, ev.Case)
        return self.sequence.cite(record, note=self.note, pin=pin, signal=signal, decision=decision, name_in_text=named)


def _grouped(records: ev.RecordSet, cites: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each cite of a record with the cites after it that the importer merged into its decision
    as parallel cites (their pinpoints are the decision's parallel pins)."""
    groups: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for cite in cites:
        if _target(records, cite["item"])[0] is not None or not groups:
            groups.append((cite, []))
        else:
            groups[-1][1].append(cite)
    return groups


def _with_history(records: ev.RecordSet, cites: list[dict[str, Any]]) -> tuple[ev.RecordSet, list[dict[str, Any]], str]:
    """The records with each history cite ('affirmed', 'certdenied', 'reversed::other') made a
    history entry of the decision cited before it, and the cites without them: the engine gives a
    decision's subsequent history itself (R12). A history cite the example shows alone ('aff'd,
    210 F.3d 88 (2d Cir. 2000)') is the end of a cite of an earlier decision the book leaves out:
    a stand-in is cited and what follows it compared ('' when none is needed)."""
    kept: list[dict[str, Any]] = []
    earlier: str | None = None
    tail = ""
    added: list[ev.Record] = []
    for cite in cites:
        rel, _, how = cite["signal"].partition("::")
        later = f"{_key(cite['item'])}.decision"
        if rel not in HISTORY or later not in records:
            kept.append(cite)
            earlier = f"{_key(cite['item'])}.decision"
            continue
        if earlier is None or earlier not in records:  # shown alone: a stand-in decision before it
            later_case = records.get(records.get(later, ev.Decision).case, ev.Case)
            name = "Stand-In v. Earlier" if how == "subnom" else later_case.name
            stand_in = ev.Case(id="harness-earlier", name=name, court=later_case.court, docket_number="00-0")
            before = ev.Decision(id="harness-earlier.decision", case=stand_in.id, date=ev.Date.parse("1900"))
            added += [stand_in, before]
            earlier, tail = "harness-earlier.decision", "1900), "
            kept.append({**cite, "item": "harness-earlier", "signal": "none"})
        decision = records.get(earlier, ev.Decision) if earlier in records else added[-1]
        entry = ev.DecisionHistory(
            rel=ev.HistoryRel(_HISTORY_RELS[rel]), decision=later, on_other_grounds=how == "other"
        )
        updated = attrs.evolve(decision, history=(*decision.history, entry))
        records = ev.RecordSet([*(r for r in [*records, *added] if r.id != updated.id), updated])
        added = []
        earlier = later
    return records, kept, tail


_HISTORY_RELS = {"affirmed": "affirmed", "reversed": "reversed", "certdenied": "cert_denied", "modified": "modified",
                 "vacated": "vacated"}  # fmt: skip


def _key(item_id: str) -> str:
    """The record id the importer gives an item."""
    return re.sub(r"[^a-z0-9._-]+", "-", item_id.lower()).strip("-._")


def _target(records: ev.RecordSet, item_id: str) -> tuple[ev.Record | None, str | None]:
    """The record a cite of an item names, and for a case the decision it cites (a case, not
    its decision, is what a sequence gives short forms to)."""
    from_id = _key(item_id)
    if f"{from_id}.document" in records:  # a document of the case: cited as the document
        return records[f"{from_id}.document"], None
    if from_id not in records:
        return None, None
    decision = f"{from_id}.decision"
    return records[from_id], decision if decision in records else None


def _refusal(error: ev.LoadError) -> str:
    """A refusal's reason without the item's name, so that like refusals group together."""
    message = str(error.problems[0].message)
    reason = message.split(": ", 1)[-1]
    found = re.search(r"of type '([^']+)'", reason)
    if found:
        return f"capability not built: no record kind for CSL type '{found.group(1)}'"
    if "has no 'title'" in reason:
        return "capability not built: a case without a name (Case.name is required)"
    if "no 'container-title'" in reason:
        return "capability not built: a provision without its code (Provision.code is required)"
    return f"import refused: {reason}"


def _pin_for(record: ev.Record, kind: str | None, pin: str | None, position: int) -> tuple[ev.Record, str | None]:
    """A section locator of a first cite of a provision is its section; else the pinpoint."""
    if isinstance(record, ev.Provision) and kind in ("sec", "ch") and position == 0 and pin:
        record, kind, pin = _second_locator(record, kind, pin)
        if kind == "p":
            return record, pin
    if isinstance(record, ev.Provision) and kind == "r" and pin:  # a rule's number is its section
        return attrs.evolve(record, section=pin.removeprefix("r. ")), None
    if isinstance(record, ev.Provision) and kind == "sec" and position == 0 and pin and record.section:
        return attrs.evolve(record, section=f"{record.section}, § {pin}"), None  # a clause's section
    if isinstance(record, ev.Provision) and kind == "sec" and position == 0 and pin:
        return attrs.evolve(record, section=pin), None
    if isinstance(record, ev.Provision) and kind == "sec" and pin:
        return record, ("§§ " if re.search(r"[-–]", pin) else "§ ") + pin
    if kind == "sec" and pin:
        return record, f"§ {pin}"
    return record, pin


def _second_locator(record: ev.Provision, kind: str, pin: str) -> tuple[ev.Provision, str, str]:
    """Juris-M's locator 'ch. 268, sec. 40' names the chapter too; after a '|' comes a
    supplement ('2013-00-00 Supp. I') or a page of a session law ('sec. 1101|141-143')."""
    if kind == "ch":
        chapter, _, pin = pin.partition(", sec. ")
        record, kind = attrs.evolve(record, chapter=chapter), "sec"
    pin, _, second = pin.partition("|")
    supplement = re.match(r"(\d{4})-00-00 (.+)", second)
    if supplement:
        return attrs.evolve(record, supplement=f"{supplement[2]} {supplement[1]}"), kind, pin
    if second:  # a page of a session law after its section
        return attrs.evolve(record, section=pin), "p", second
    return record, kind, pin


def run_example(example: dict[str, Any], items: dict[str, Any]) -> Outcome:
    expected_html = example["expected_html"]
    outcome = Outcome(example["cite_id"], example["item_type"], False, expected=plain(expected_html))
    if "<var>" in expected_html:
        outcome.template = True
        return outcome
    cites = example["cites"]
    wanted = {c["item"]: items[c["item"]] for c in cites if c["item"] in items}
    try:
        records = ev.import_csl(list(wanted.values()))
    except ev.LoadError as error:
        outcome.reason = _refusal(error)
        return outcome
    records, cites, tail = _with_history(ev.RecordSet([*records, _BETWEEN]), cites)
    sequence = _Sequence(records)
    # CSL-M's near-note on a first cite: the book's sentence has just named the case, and the cite
    # leaves the name out ("411 U.S. 792 (1973)"; Juris-M's suppress-author).
    sequence.named_in_text = cites[0]["position"] == 0 and bool(cites[0]["near_note"]) and not tail
    pieces = []
    for cite, parallels in _grouped(records, cites):
        record, decision = _target(records, cite["item"])
        assert record is not None
        signal = SIGNALS.get(cite["signal"], cite["signal"])
        locator = cite["locator"]
        if isinstance(record, ev.Case) and locator and "|" in locator:
            # What follows '|' in a case's locator is added to its court's parenthetical, and says what
            # the item's author does ('|Jackson, Circuit Justice', c231), which the decision holds.
            locator = locator.partition("|")[0] or None
        kind, pin = pin_of(locator)
        record, pin = _pin_for(record, kind, pin, cite["position"])
        pins = [pin_of(other["locator"])[1] for other in parallels]
        pinned: str | tuple[str | None, ...] | None = (pin, *pins) if any(pins) else pin
        try:
            pieces.append(sequence.cite(record, cite["position"], signal, pinned, decision))
        except ev.EvidenceError as error:
            outcome.reason = f"capability not built: {error}"
            return outcome
    got_html = "; ".join(re.sub(r"\.$", "", piece) for piece in pieces)
    if tail:  # only the history was shown: what follows the stand-in's cite
        got_html = got_html[got_html.find(tail) + len(tail) :] if tail in got_html else got_html
    outcome.got = plain(got_html)
    if not same(outcome.got, outcome.expected):
        outcome.reason = _text_reason(example, items, outcome)
        return outcome
    ours = " ".join(italics(got_html)).lower().translate(_GLYPHS)
    roman = [part for part in italics(expected_html) if part.lower().translate(_GLYPHS) not in ours]
    if roman:
        outcome.reason = "typeface: the book italicizes what we print roman"
        return outcome
    outcome.passed = True
    return outcome


def _source_reason(item: dict[str, Any], outcome: Outcome) -> str | None:
    """Why a secondary source differs, found by what the item and the two texts hold."""
    kind, expected, got = item["type"], outcome.expected, outcome.got
    if re.search(r"\b(Sep|Jul)\. \d", expected):
        return (
            "rule read differently: the month, which the Indigo Book's own Table T17 abbreviates 'Sept.' and "
            "'July' (as we print it); this example prints 'Sep.' and 'Jul.'"
        )
    if (kind.startswith("article-") or kind == "report") and expected.lower() == got.lower():
        return (
            "text differs: letter case (R8 lowercases only articles, conjunctions and prepositions of four letters "
            "or fewer, so 'About' is capitalized; the item's 'TIME' is kept as written, an acronym to a program)"
        )
    site = str(item.get("container-title", ""))
    if site and site not in expected and site.casefold() in expected.casefold():
        return (
            f"text differs: the site's name as the item spells it ('{site}'); the book prints it otherwise, "
            "and the engine prints what the record says"
        )
    return None


def _text_reason(example: dict[str, Any], items: dict[str, Any], outcome: Outcome) -> str:
    """The first difference a reader would name, found by what the item holds; a case name the
    engine abbreviates by T11 where the book writes the words whole is named too."""
    item = items[example["cites"][0]["item"]]
    ours, book = _name_of(outcome.got), _name_of(outcome.expected)
    entries = _t11_entries(ours, book) if item["type"] == "legal_case" else []
    t11 = (
        "the Indigo Book's R11.3 abbreviates a case name's words in a citation sentence by its Table T11 "
        f"({'; '.join(entries)})"
    )
    if entries and outcome.got[len(ours) :].translate(_GLYPHS) == outcome.expected[len(book) :].translate(_GLYPHS):
        return f"rule read differently: {t11}; the book's example keeps them whole"
    reason = _other_reason(example, item, outcome)
    return f"{reason}; and {t11}, which the book's example keeps whole" if entries else reason


def _other_reason(example: dict[str, Any], item: dict[str, Any], outcome: Outcome) -> str:
    kind = item["type"]
    if kind == "hearing" and str(item.get("chapter-number", "")).isdigit():
        return (
            "capability not built: the item keeps a number in Juris-M's `chapter-number` (the session's kind, "
            "'Reg.', in the book's other hearings), which the book prints after the session as the page cited"
        )
    if kind == "legal_case" and "sub nom." in outcome.got and "sub nom." not in outcome.expected:
        return (
            "rule read differently: a later decision under another name is introduced by 'sub nom.' (Bluebook "
            "R10.7.2; the book's own c095 prints it), which this example leaves out"
        )
    if kind == "legal_case" and re.match(r"[^,]+ at \d", outcome.expected) and " at " not in outcome.got.split(",")[0]:
        return (
            "rule read differently: a document of a pending case in another court takes its page without 'at' "
            "(Bluepages B17.1.3, the project's citation-rules row 8); 'at' is kept for documents of reported cases "
            "(R10.8.3)"
        )
    if kind == "legal_case" and re.search(r"; \d{4} WL \d+", outcome.expected) and "WL" not in outcome.got:
        return (
            "rule read differently: a decision in a reporter or with a public-domain cite is cited by those alone, "
            "a database's cite being for a decision no reporter has (Bluebook R10.8.1, R18.3.1); the book adds the "
            "Westlaw cite after a semicolon, with the court and year"
        )
    if (
        kind == "legal_case"
        and len(example["cites"]) > 1
        and not any(c["signal"] == "semicolon" for c in example["cites"])
    ):
        return "text differs: parallel cites (the decision holds them all; the engine prints the first, R11.3)"
    if kind == "legal_case" and item.get("admin-flag"):
        return _agency_reason(item, outcome)
    if "¶" in outcome.expected and outcome.got.replace("¶ ", "¶") == outcome.expected:
        return "rule read differently: a space after the paragraph sign (Bluebook R6.2(c)); the book closes it up"
    source_reason = _source_reason(item, outcome)
    if source_reason:
        return source_reason
    if kind == "legal_case" and not re.match(r"\d{3}us(?::|[A-Z]|$)", item.get("jurisdiction", "")):
        return "capability not built: foreign and international tribunals"
    if "–" in outcome.expected and re.search(r"\d-\d", outcome.got):
        return "text differs: a range's dash and digits (R3.3: an en dash; the book drops repeated digits)"
    if kind in LEGAL and item.get("gazette-flag") and item.get("volume") and item.get("collection-number"):
        return (
            "rule read differently: a session law's name as the item gives it (the book prints the item's "
            "collection-number, Juris-M's year as volume, as the act's year, 'Act of 2002'; the engine keeps the "
            "title and dates the law, R16 as the Bluebook's R12.4)"
        )
    if kind in LEGAL and outcome.got.split("§")[0].strip() != outcome.expected.split("§")[0].strip():
        return "text differs: the code's name or title as printed"
    if kind in LEGAL:
        return "text differs: the section or the edition's year"
    if kind == "legal_case" and outcome.got.split(",")[0] != outcome.expected.split(",")[0]:
        return "text differs: the case name (abbreviations of R11.3, T11)"
    if kind == "legal_case" and "(SCOTUS " in outcome.got:
        return "text differs: courts-db's 'SCOTUS' printed where R11.6 gives no court (U.S., S. Ct.)"
    if (
        kind == "legal_case"
        and "(" in outcome.expected
        and outcome.got.split("(")[-1] != outcome.expected.split("(")[-1]
    ):
        return "text differs: the court-and-date parenthetical (R11.6)"
    return f"text differs: {kind}"


def _agency_reason(item: dict[str, Any], outcome: Outcome) -> str:
    """Why an agency's decision differs: what the item cannot say, or where the book is of two minds."""
    if not item.get("issued") and item.get("submitted"):
        return (
            "capability not built: an agency's document the item dates by `submitted`, not `issued` (the importer "
            "reads `submitted` as a filed document's date, never a decision's), which the book prints as the "
            "decision's day, with 'Docket No.'"
        )
    if item.get("publisher") and item.get("genre"):
        return (
            "capability not built: who decided, after a service's cite ('(ALJ)'): the item gives it in `genre`, "
            "where other agencies' items give a docket's series ('FAA Order No. 2006-1', 'GN Docket No. 14-28'), "
            "so it is printed before the number"
        )
    agency = str(item.get("authority", "")).replace("’", "'")
    book, ours = outcome.expected.replace("’", "'").split("(")[-1], outcome.got.split("(")[-1]
    if re.match(r"[A-Z][a-z]+\.? \d", book) and re.fullmatch(r"\d{4}\)", ours):
        return (
            "rule read differently: a reporter's page is dated by its year (Bluebook R14.3.2, as R11 does for "
            "courts); the book gives the day here and the year in c149 and c265"
        )
    if agency and agency in book and agency not in ours:
        return (
            "rule read differently: the book names an unreported decision's agency in the parenthetical here, "
            "and before the docket number in c238, c239, c243, c258, c276, c306; we take the latter"
        )
    return _source_reason(item, outcome) or "text differs: an agency decision (Bluebook R14.3)"


def _name_of(cite: str) -> str:
    """A case's name in its cite: up to the first comma not before a business's designation."""
    return re.split(r", (?!(?:Inc|LLC|L\.L\.C|Ltd|LLP|Corp|Co|PLC)\b)", cite)[0]


def _t11_entries(ours: str, book: str) -> list[str]:
    """The T11 rows ("International → Int'l", "United States → U.S.") by which two case names
    differ, when they differ only where ours abbreviates the book's whole words; else none."""
    mine = [w.rstrip(",") for w in ours.translate(_GLYPHS).split()]
    theirs = [w.rstrip(",") for w in book.translate(_GLYPHS).split()]
    entries: list[str] = []
    n = 0
    for word in mine:
        initials = re.fullmatch(r"(?:[A-Z]\.)+", word) if n < len(theirs) and word != theirs[n] else None
        span = len(word) // 2 if initials else 1
        whole = theirs[n : n + span]
        if whole == [word]:
            n += 1
            continue
        if initials and "".join(w[:1] for w in whole) == word.replace(".", "") and all(w[1:].islower() for w in whole):
            entries.append(f"{' '.join(whole)} → {word}")
        elif whole and word[:1] == whole[0][:1] and (word.endswith(".") or "'" in word) and len(word) < len(whole[0]):
            entries.append(f"{whole[0]} → {word}")
        else:
            return []
        n += len(whole)
    return list(dict.fromkeys(entries)) if n == len(theirs) else []


def run(folder: Path) -> list[Outcome]:
    examples = json.loads((folder / "examples.json").read_text(encoding="utf-8"))
    items = json.loads((folder / "items.json").read_text(encoding="utf-8"))
    return [run_example(example, items) for example in examples]


def report(outcomes: list[Outcome]) -> list[str]:
    counted = [o for o in outcomes if not o.template]
    by_type: dict[str, list[Outcome]] = collections.defaultdict(list)
    for outcome in counted:
        by_type[outcome.item_type].append(outcome)
    templates = collections.Counter(o.item_type for o in outcomes if o.template)
    lines = [f"{'type':<20} {'pass':>5} {'of':>5} {'rate':>6} {'templates':>10}"]
    for kind, group in sorted(by_type.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        passed = sum(o.passed for o in group)
        lines.append(f"{kind:<20} {passed:>5} {len(group):>5} {passed / len(group):>6.0%} {templates[kind]:>10}")
    for kind in sorted(set(templates) - set(by_type)):
        lines.append(f"{kind:<20} {0:>5} {0:>5} {'-':>6} {templates[kind]:>10}")
    lines.append(f"templates (a <var> placeholder, not counted): {sum(templates.values())}")
    lines.append(f"{sum(o.passed for o in counted)} of {len(counted)} examples pass")
    return lines


def known_data(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    reasons: dict[str, list[dict[str, str]]] = collections.defaultdict(list)
    for outcome in outcomes:
        if not outcome.passed and not outcome.template:
            entry = {"cite_id": outcome.cite_id, "type": outcome.item_type, "expected": outcome.expected}
            if outcome.got:
                entry["got"] = outcome.got
            reasons[outcome.reason].append(entry)
    return {
        "about": "Every Indigo Book example the engine does not print as the book does, by reason. "
        "Written by `python -m benchmarks.indigobook tests/data/indigobook --write-known`.",
        "reasons": dict(sorted(reasons.items(), key=lambda pair: (-len(pair[1]), pair[0]))),
    }


def check_known(outcomes: list[Outcome], known: dict[str, Any]) -> list[str]:
    """What changed against the known differences: a new failure, or a listed one now passing."""
    listed = {entry["cite_id"] for entries in known["reasons"].values() for entry in entries}
    failing = {o.cite_id for o in outcomes if not o.passed and not o.template}
    return [f"{cite_id} fails and is not listed" for cite_id in sorted(failing - listed)] + [
        f"{cite_id} passes but is listed as failing" for cite_id in sorted(listed - failing)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.indigobook", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder holding examples.json and items.json")
    parser.add_argument("--write-known", action="store_true", help=f"write FOLDER/{KNOWN}")
    parser.add_argument("--check-known", action="store_true", help=f"exit 1 when FOLDER/{KNOWN} is out of date")
    args = parser.parse_args(argv)
    outcomes = run(args.folder)
    known_path = args.folder / KNOWN
    status = 0
    if args.write_known:
        text = json.dumps(known_data(outcomes), indent=1, ensure_ascii=False) + "\n"
        known_path.write_text(text, encoding="utf-8")
    if args.check_known:
        changes = check_known(outcomes, json.loads(known_path.read_text(encoding="utf-8")))
        for change in changes:
            print(change)
        status = 1 if changes else 0
    print("\n".join(report(outcomes)))
    return status


if __name__ == "__main__":
    sys.exit(main())
