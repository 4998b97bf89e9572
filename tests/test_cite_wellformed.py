"""Citations that never break: for record sets of every kind with the optional fields of a
citation randomly absent, every style, form and markup gives a well-formed citation, or a
`UsageError` (a `ResolutionError` for a claim without evidence) that names what is missing."""

from __future__ import annotations

import html
import re
from collections import Counter

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import evidence as ev
from evidence import Form, Markup, Style
from evidence.testing.citable import citable_record_sets

CITED = (ev.Case, ev.Filing, ev.Exhibit, ev.Message, ev.Source, ev.Claim)
# What no well-formed citation holds: an empty element between separators, a doubled stop (a
# real ellipsis "..." apart), a space before a mark of punctuation, an empty parenthetical, a
# separator or a closing mark first, a capital "V." in a case name.
BROKEN = re.compile(r", \.|,,|(?<!\.)\.\.(?!\.)|\.\.\.\.| [,.;:)\]]|\(\s*\)|\(\s*[,.;:]|^[\s,.;:)\]]| V\. ")


def _balanced(text: str) -> bool:
    """(), [] and “” nest, and straight double quotes pair."""
    closing = {")": "(", "]": "[", "”": "“"}
    stack: list[str] = []
    for char in text:
        if char in "([“":
            stack.append(char)
        elif char in closing and (not stack or stack.pop() != closing[char]):
            return False
    return not stack and text.count('"') % 2 == 0


def _plain(text: str, markup: Markup) -> str:
    """The rendering's text without its markup."""
    if markup is Markup.HTML:
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    if markup is Markup.MARKDOWN:
        return re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*", "", text))
    return text


def _printed_once(record: ev.Record, text: str) -> None:
    """No value of the record appears twice (each holds a marker of its own, and URLs)."""
    counts = Counter(re.findall(r"\bZq[a-j]\d+\b|https://example\.com/zq\d+", text))
    twice = [value for value, n in counts.items() if n > 1]
    assert not twice, f"{record.id}: {twice} printed twice in {text!r}"


def _check(record: ev.Record, records: ev.RecordSet, style: Style, form: Form, pin: str | None,
           in_case: str | None, decision: int | None, marks: bool) -> None:  # fmt: skip
    try:
        made = ev.citation(
            record, records=records, style=style, form=form, pin=pin, in_case=in_case, decision=decision, marks=marks
        )
    except (ev.UsageError, ev.ResolutionError) as error:
        refused = str(error)
    else:
        refused = None
    if refused is not None:
        # The message names the field the record lacks, or is one of the choices no record
        # can meet: supra of a case (R15.3), a pin cite of a case without its decision.
        kinds = (*CITED, ev.Claim) if isinstance(record, ev.Claim) else (type(record),)  # a claim: its evidence's too
        fields = [field.name for kind in kinds for field in attrs.fields(kind)]
        named = any(re.search(rf"\b{name}\b", refused) for name in fields)
        asked = isinstance(record, ev.Case) and re.search(r"supra is never used for cases|pass decision=", refused)
        assert named or asked, f"{record.id}: {refused}"
        return
    text = made.render(Markup.TEXT)
    where = f"{record.id} {style.value} {form.value} pin={pin!r}: {text!r}"
    assert text.strip() and text == text.strip(), where
    assert not BROKEN.search(text.replace(". . .", "")), where
    assert _balanced(text), where
    if not isinstance(record, ev.Claim):  # a claim's evidence may cite one case through two documents
        _printed_once(record, text)
    if not marks:  # the same text in every markup
        for markup in (Markup.MARKDOWN, Markup.HTML):
            assert _plain(made.render(markup), markup) == text, (where, markup)


@given(
    records=citable_record_sets(),
    pin=st.sampled_from([None, "31", "¶ 5", "*2"]),
    in_case=st.sampled_from([None, "case"]),
    marks=st.booleans(),
)
def test_every_style_form_and_markup_is_well_formed(
    records: ev.RecordSet, pin: str | None, in_case: str | None, marks: bool
) -> None:
    for record in records:
        if not isinstance(record, CITED):
            continue
        # The case as a whole, and its last decision (the strategy gives each decision its own parts).
        decided = records.decisions_of(record) if isinstance(record, ev.Case) else ()
        decisions = [None, len(decided) - 1] if decided else [None]
        for style in Style:
            for form in Form:
                for decision in decisions:
                    _check(record, records, style, form, pin, in_case, decision, marks)


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("Roe v. Widget PBC, slip op. at 31 (N.D. Cal. July 17, 2025), .", True),
        (" at 31.", True),
        ('"Title." . https://example.com', True),
        ("Title, Cert..", True),
        ("*Roe V. Widget PBC*", True),
        ("Wait... for it.", False),
        ("Roe v. Widget PBC, No. C 24-01234 XYZ (N.D. Cal. filed Aug. 19, 2024).", False),
    ],
)
def test_the_property_tells_a_broken_citation(text: str, broken: bool) -> None:
    """The well-formedness test fails on the broken citations of issue 14, not on good ones."""
    assert bool(BROKEN.search(text)) is broken
