"""The word tables of citations and the functions that apply them: title case (R8; CMOS
8.159), case names (R11, T11), the titles of court documents (T18), and the words for the kinds
of filings, messages and languages."""

from __future__ import annotations

import functools
import re

from evidence._cite.t11 import ROWS as T11_ROWS
from evidence._model import Case, FilingKind

# R8: articles, conjunctions and prepositions of four letters or fewer stay lowercase in titles.
_SMALL_WORDS: frozenset[str] = frozenset(
    "a an the and but for nor or so yet as at by down for from in into like near of off on onto out over "
    "past per than to up upon via with".split()
)
# Chicago 17 (8.159) lowercases every preposition, whatever its length.
_LONG_PREPOSITIONS: frozenset[str] = frozenset(
    "about above across after against along among around before behind below beneath "
    "beside between beyond during except inside outside since through throughout toward "
    "towards under underneath until within without".split()
)


@functools.lru_cache(maxsize=4096)
def title_case(title: str, *, lower_all_prepositions: bool = False, keep_chosen: bool = False) -> str:
    """Headline case: major words capitalized, short function words lowercase unless first or
    last. A word with a capital after its first letter ("OpenAI", "GPT-4", "iPhone", "OK",
    "AI") is kept as written. With `keep_chosen`, a small word a headline-cased title
    capitalizes while it lowercases another is kept: its writer applied the rule and chose the
    capital, for an infinitive's "To" or a verb's particle ("Shoot Down"), which a word list
    cannot tell from a preposition."""
    words = title.split(" ")
    last = len(words) - 1
    while last > 0 and not words[last]:
        last -= 1
    small_words = _SMALL_WORDS | _LONG_PREPOSITIONS if lower_all_prepositions else _SMALL_WORDS
    chosen = keep_chosen and _headline_cased(words) and _lowers_a_small_word(words, small_words, last)
    after_colon = True
    for n, word in enumerate(words):
        bare = word if word.isalpha() else word.strip(_PUNCTUATION)
        rest = bare[1:]
        # No capital inside: the case is ours to set; a case name's "v." stays lowercase (R10.2).
        if bare and rest == rest.lower() and word not in ("v.", "vs.") and not (chosen and bare[0].isupper()):
            lower = bare.lower()
            small = lower in small_words and not after_colon and n != last
            fixed = lower if small else _capitalize_compound(bare, small_words)
            if fixed != bare:
                words[n] = fixed if bare is word else word.replace(bare, fixed, 1)
        after_colon = word[-1:] == ":"
    return " ".join(words)


_PUNCTUATION = "\"'“”‘’(),.;:!?"


def _lowers_a_small_word(words: list[str], small_words: frozenset[str], last: int) -> bool:
    """Whether a title writes a small word lowercase where R8 wants it so (not first, last or
    after a colon): it follows the rule, and its other capitals are chosen."""
    return any(
        bare in small_words and bare.islower() and words[n - 1][-1:] != ":"
        for n, bare in ((n, word.strip(_PUNCTUATION)) for n, word in enumerate(words[:last]) if n)
    )


# CMOS 8.161: a prefix that cannot stand alone leaves the element after it lowercase ("Anti-inflammatory").
_PREFIXES = frozenset("anti co de inter intra mid multi non post pre pro re semi sub trans un".split())


def _capitalize_compound(word: str, small_words: frozenset[str]) -> str:
    """A major word capitalized; of a hyphenated compound each element too, but for articles,
    prepositions and conjunctions and what follows a bare prefix (CMOS 8.161): "One-Time"."""
    first, *others = word.split("-")
    elements = [first[:1].upper() + first[1:]]
    for element in others:
        keep = element.lower() in small_words or first.lower() in _PREFIXES or not element
        elements.append(element if keep else element[0].upper() + element[1:])
    return "-".join(elements)


def sentence_case_first(title: str) -> str:
    """The title with its first letter raised, the rest as written."""
    return title[:1].upper() + title[1:]


# Words a headline leaves lowercase: they tell nothing of how the title is cased.
_HEADLINE_LOWER = _SMALL_WORDS | _LONG_PREPOSITIONS | {"v", "vs"}


def _kept(element: str) -> bool:
    """An element whose case is its own: a capital after its first letter ("OpenAI", "GPT",
    "AI", "U.N."), or the pronoun "I" ("I'm")."""
    return element[1:] != element[1:].lower() or element == "I" or element.startswith(("I'", "I’"))


def _headline_cased(words: list[str]) -> bool:
    """Whether a title is in headline case: no major word after the first starts in lowercase.
    A title in sentence case already has its proper nouns' capitals right, and is kept."""
    for word in words[1:]:
        bare = word.strip(_PUNCTUATION)
        if bare[:1].isalpha() and bare.lower() not in _HEADLINE_LOWER and not _kept(bare) and bare[0].islower():
            return False
    return True


@functools.lru_cache(maxsize=4096)
def sentence_case(title: str) -> str:
    """APA 6.17: the first word, and the first after a colon, a dash or an end stop,
    capitalized; every other word lowercase, but for those whose case is their own ("OpenAI",
    "GPT-4", "AI", "U.S."). A title already in sentence case is kept as written: its capitals
    are its proper nouns. A proper noun in a headline-cased title cannot be told from a common
    word, and is lowercased: the record's `title_sentence_case` gives the right form."""
    words = title.split(" ")
    if not _headline_cased(words):
        return sentence_case_first(title)
    starts = True
    for n, word in enumerate(words):
        bare = word.strip(_PUNCTUATION)
        if bare:
            elements = bare.split("-")
            cased = [e if _kept(e) else e.lower() for e in elements]
            if starts and not _kept(elements[0]):
                cased[0] = cased[0][:1].upper() + cased[0][1:]
            words[n] = word.replace(bare, "-".join(cased), 1)
        starts = word[-1:] in (":", "?", "!", "—", "–") if word else starts
    return " ".join(words)


def _t11_words() -> dict[str, str]:
    """The words of the Indigo Book's T11 and their abbreviations, with the plurals its rule
    makes: "s" added to the abbreviation ("Dep'ts", "Cos."; the book's "Depts., Exchs."). A
    plural the table lists itself ("Systems", "Securities") keeps the table's form; an
    abbreviation of initials ("R.R.", "S.S.") and a phrase ("Supreme Court") get none."""
    words: dict[str, str] = {}
    for line in T11_ROWS.strip().splitlines():
        listed, abbreviation = line.rsplit(": ", 1)
        words.update(dict.fromkeys(listed.split(", "), abbreviation))
    plurals = {
        _plural(word): abbreviation[:-1] + "s." if abbreviation.endswith(".") else abbreviation + "s"
        for word, abbreviation in words.items()
        if " " not in word and word[0].isupper() and "." not in abbreviation[:-1]
    }
    return plurals | words


def _plural(word: str) -> str:
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


# R11.3 and T11: words abbreviated in case names in citation sentences.
_CASE_WORDS = _t11_words()
# T11: a name's first word "Law" is not abbreviated; a compass word in a state's name is the
# state's, which T12 abbreviates whole or a party keeps (R11.5.4), not T11's "N." or "W.".
_KEPT_FIRST = frozenset({"Law", "Laws"})
_STATE_NAMES = re.compile(r"\b(?:North|South) (?:Carolina|Dakota)\b|\bWest Virginia\b|\bDistrict of Columbia\b")
_PHRASES = sorted((word for word in _CASE_WORDS if " " in word), key=len, reverse=True)
_CASE_WORD = re.compile(r"\b(?:" + "|".join(map(re.escape, _PHRASES)) + r"|[A-Z][a-z]+)\b")
# R11.4: in textual sentences only these are abbreviated (and "and" → "&").
_TEXTUAL_WORDS = {
    "Association": "Ass'n",
    "Brothers": "Bros.",
    "Company": "Co.",
    "Corporation": "Corp.",
    "Incorporated": "Inc.",
    "Limited": "Ltd.",
    "Number": "No.",
}
_BUSINESS = re.compile(r"\b(Inc|Co|Corp|Ltd|LLC|L\.L\.C|LLP|L\.P|LP|N\.A|S\.A|GmbH|PLC|PBC|Bros)\.?(?=\W|$)")


@functools.lru_cache(maxsize=4096)  # the same cases are cited again and again
def abbreviate_case_name(name: str, *, textual: bool = False) -> str:
    if textual:
        abbreviated = re.sub(r"\b[A-Z][a-z]+\b", lambda m: _TEXTUAL_WORDS.get(m.group(), m.group()), name)
    else:
        abbreviated = " v. ".join(_abbreviate_side(side) for side in name.split(" v. "))
    if " v. " not in abbreviated:  # a proceeding's title ("Protecting and Promoting ...") keeps its "and"
        return abbreviated
    return re.sub(r"(?<=\S) and (?=\S)", " & ", abbreviated)  # "&", the first of R11.4's eight (T11 too)


def _abbreviate_side(side: str) -> str:
    """One side of a case name with T11's words abbreviated. "United States" as the whole
    party is spelled out (R11.5.7); a party's first word "Law" stays (T11)."""
    if _united_states(side):
        return "United States"
    kept = {m.start() for m in _STATE_NAMES.finditer(side)}

    def word(m: re.Match[str]) -> str:
        found = m.group()
        if m.start() in kept or (m.start() == 0 and found in _KEPT_FIRST):
            return found
        return _CASE_WORDS.get(found, found)

    return _CASE_WORD.sub(word, side)


def _united_states(party: str) -> bool:
    """Whether a party is the United States, named "United States" in a case name (R11.5.7)."""
    return party.strip().casefold() in ("united states", "united states of america")


def _party_name(party: str) -> str:
    """One side of a caption, cut to what a case name keeps (R11.5)."""
    party = re.sub(r",?\s+et\s+al\.?", "", party, flags=re.IGNORECASE).strip(" ,")
    party = re.sub(
        r",?\s+(Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?)(-[A-Za-z]+)?\.?\s*$",
        "",
        party,
        flags=re.IGNORECASE,
    ).strip(" ,")
    if party.isupper():
        party = " ".join(_recase(word) for word in party.split())
    # R10.2.1: "United States" stays whole; "State of California" is "California".
    if _united_states(party):
        return "United States"
    government = re.fullmatch(r"(?:the )?(?:people of the )?(?:state|commonwealth) of (.+)", party, re.IGNORECASE)
    if government:
        return government.group(1)
    shown = _business_once(party)
    if shown != party:
        return shown
    if _BUSINESS.search(party) or len(party.split()) != 2:
        return party
    return party.split()[-1]  # a person: the surname only (R11.5.1)


def _business_once(party: str) -> str:
    """R11.5.6: "Inc." and the like are dropped when the name already shows it is a business
    ("Acme Widget Co., Inc." → "Acme Widget Co.")."""
    match = re.fullmatch(r"(.*\b(?:Co|Corp|Ltd|Bros)\.),\s*Inc\.", party)
    return match.group(1) if match else party


def _recase(word: str) -> str:
    if word.rstrip(".,") in ("LLC", "LLP", "LP", "USA", "NA", "N.A.", "PLC", "PBC"):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def case_name_from_caption(caption: str) -> str:
    """'RICHARD KADREY, et al. v. META PLATFORMS, INC.' → 'Kadrey v. Meta Platforms, Inc.' (R11)."""
    sides = re.split(r"\s+(?:v\.|vs\.?|V\.)\s+", caption, maxsplit=1)
    if len(sides) != 2:
        return caption
    return f"{_party_name(sides[0])} v. {_party_name(sides[1])}"


# T18 (and T6): words abbreviated in the titles of court documents.
_DOCUMENT_WORDS = {
    "plaintiff's": "Pl.'s", "plaintiffs'": "Pls.'", "plaintiff": "Pl.", "plaintiffs": "Pls.",
    "defendant's": "Def.'s", "defendants'": "Defs.'", "defendant": "Def.", "defendants": "Defs.",
    "motion": "Mot.", "memorandum": "Mem.", "opinion": "Op.", "amended": "Am.", "declaration": "Decl.",
    "exhibit": "Ex.",
    "opposition": "Opp'n", "response": "Resp.", "summary": "Summ.", "judgment": "J.", "supplement": "Supp.",
    "supplemental": "Supp.", "transcript": "Tr.", "deposition": "Dep.", "request": "Req.",
    "preliminary": "Prelim.", "injunction": "Inj.", "attorney": "Att'y", "attorneys": "Att'ys",
    "attorney's": "Att'y's", "complaint": "Compl.", "brief": "Br.", "affidavit": "Aff.", "answer": "Answer",
    "interrogatory": "Interrog.", "interrogatories": "Interrogs.", "objection": "Obj.", "objections": "Objs.",
    "stipulation": "Stip.", "application": "Appl.", "administrative": "Admin.",
    "certificate": "Cert.", "certification": "Certification", "proposed": "Proposed", "partial": "Partial",
}  # fmt: skip
# Prepositions and articles Bluebook practice drops ("Mot. Summ. J."); "to" before a verb stays.
_DOCUMENT_SMALL = frozenset({"of", "for", "in", "on", "the", "a", "an"})
KIND_TITLES = {
    FilingKind.COMPLAINT: "Compl.",
    FilingKind.ANSWER: "Answer",
    FilingKind.MOTION: "Mot.",
    FilingKind.OPPOSITION: "Opp'n",
    FilingKind.REPLY: "Reply",
    FilingKind.BRIEF: "Br.",
    FilingKind.DECLARATION: "Decl.",
    FilingKind.ORDER: "Order",
    FilingKind.OPINION: "Op.",
    FilingKind.JUDGMENT: "J.",
    FilingKind.STIPULATION: "Stip.",
    FilingKind.NOTICE: "Notice",
    FilingKind.LETTER: "Letter",
    FilingKind.TRANSCRIPT: "Tr.",
    FilingKind.PETITION: "Pet.",
}


def abbreviate_document_title(title: str, *, drop_prepositions: bool = False) -> str:
    """'Plaintiffs' Motion for Leave to File Third Amended Complaint' →
    "Pls.' Mot. for Leave to File Third Am. Compl." (T18); "Reply", "Order" stay whole."""
    out = []
    for word in title.split():
        key = word.lower().replace("’", "'")
        if key in _DOCUMENT_WORDS:
            out.append(_DOCUMENT_WORDS[key])
        elif drop_prepositions and key in _DOCUMENT_SMALL and out:
            continue
        else:
            out.append(word)
    return " ".join(out)


def full_case_name(case: Case) -> str:
    """The case's name unabbreviated: the record's `name`, else the name R11.5 makes from the
    caption. What a reference manager stores as its title."""
    return case.name or case_name_from_caption(case.caption or "")


def case_name(case: Case, *, textual: bool = False) -> str:
    """The name a citation gives: R11.5.6 applied to each side of the full name, its words
    abbreviated as a citation sentence (R11.3, T11) or a textual sentence (R11.4) abbreviates them."""
    return _cited_name(full_case_name(case), textual)


@functools.lru_cache(maxsize=4096)  # the same cases are cited again and again
def _cited_name(name: str, textual: bool) -> str:
    sides = name.split(" v. ")
    return abbreviate_case_name(" v. ".join(_business_once(side) for side in sides), textual=textual)


@functools.cache
def _periodicals() -> dict[str, str]:
    """Periodical names by their full name, folded: the abbreviations of reporters-db's
    journals.json (Free Law Project's transcription of the Bluebook's T13, newspapers such as
    "New York Times" → "N.Y. Times" and "Washington Post" → "Wash. Post" among them), which the
    Indigo Book's T13 follows. Read late: reporters-db parses its JSON files on import."""
    import reporters_db

    table: dict[str, str] = {}
    for abbreviation, entries in reporters_db.JOURNALS.items():
        for entry in entries:  # by the full name only: its "variations" are other abbreviations
            table.setdefault(_fold(entry["name"]), abbreviation)
    return table


def _fold(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).casefold()


def periodical_name(name: str) -> str:
    """A periodical's or publisher's name as T13 abbreviates it ("The New York Times" → "N.Y.
    Times"); a name the table does not hold ("TechCrunch") as written."""
    return _periodicals().get(_fold(name), name)


LANGUAGE_NAMES = {"pt": "Portuguese", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
                  "en": "English", "zh": "Chinese", "ja": "Japanese"}  # fmt: skip


def edition_words(edition: str, *, bluebook: bool = True) -> str:
    """A book's edition as R15.4 prints it: '8' → '8th ed.', '2' → '2d ed.', 'Rev.' → 'Rev. ed.';
    APA 10.2 and CMOS 14.113 write '2nd ed.', '3rd ed.'."""
    if not edition.isdigit():
        return edition if edition.endswith("ed.") else f"{edition} ed."
    number = int(edition)
    suffixes = {1: "st", 2: "d", 3: "d"} if bluebook else {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 10 <= number % 100 <= 20 else suffixes.get(number % 10, "th")
    return f"{number}{suffix} ed."
