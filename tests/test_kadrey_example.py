"""The Kadrey v. Meta example keeps the honesty rules: no invented values, every uncertain fact
marked as such, every quote of the Portuguese article found verbatim in the stored text."""

from __future__ import annotations

import hashlib

import pytest

import evidence as ev
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"
C, L, U = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY, ev.Confidence.UNVERIFIED


@pytest.fixture(scope="module")
def records() -> ev.RecordSet:
    return ev.load(KADREY)


def all_quotes(records: ev.RecordSet) -> list[tuple[str, ev.Quote]]:
    """(source id, quote) for every quote of the set: attestations and evidence links."""
    found = [(a.source, a.quote) for m in records.messages for a in m.attestations]
    found += [(e.record, e.quote) for c in records.claims for e in c.evidence if e.quote is not None]
    return found


def test_the_case_as_the_docket_gives_it(records: ev.RecordSet) -> None:
    case = records.get("kadrey-v-meta", ev.Case)
    assert case.caption == "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant"
    assert (case.name, case.court, case.docket_number) == ("Kadrey v. Meta Platforms, Inc.", "cand", "3:23-cv-03417-VC")
    assert str(case.filed) == "2023-07-07"
    assert case.nature_of_suit == "820 Copyright"
    assert dict(case.identifiers) == {"pacer": "415175", "courtlistener": "67569326"}
    assert [(j.actor, j.initials) for j in case.judges] == [("vince-chhabria", "VC"), ("thomas-s-hixson", "TSH")]
    plaintiffs = {p.actor for p in case.parties if p.role is ev.PartyRole.PLAINTIFF}
    assert len(plaintiffs) == 11
    assert [p.actor for p in case.parties if p.role is ev.PartyRole.DEFENDANT] == ["meta"]
    assert [(str(d.date), d.cite, d.filing) for d in case.decisions] == [
        ("2025-01-13", "2025 WL 82205", None),
        ("2025-03-07", None, "ecf-471"),
        ("2025-06-25", None, "ecf-598"),
    ]
    assert case.decisions[0].docket_number == "23-cv-03417-VC"  # as the order prints it


def test_ecf_391_and_exhibit_k(records: ev.RecordSet) -> None:
    filing = records.get("ecf-391", ev.Filing)
    assert (filing.ecf, str(filing.filed), filing.kind) == (391, "2025-01-14", ev.FilingKind.DECLARATION)
    exhibit = records.get("ecf-391-ex-k", ev.Exhibit)
    assert (exhibit.filing, exhibit.attachment, exhibit.label) == ("ecf-391", 24, "K")
    (claim,) = records.claims_citing(exhibit)
    assert claim.evidence[0].quote is not None
    assert claim.evidence[0].quote.exact.startswith("Libgen is essential to meet SOTA numbers")


# facts.md, message by message: (record id, sender, recipients, month sent, confidence)
MESSAGES = [
    ("chat-goal-gpt4", "ahmad-al-dahle", ("hugo-touvron",), "2023-10", L),  # Q1 and Q2
    ("chat-mistral-peanuts", "ahmad-al-dahle", (), None, L),  # Q3
    ("chat-do-better", "ahmad-al-dahle", (), None, L),  # Q4
    ("chat-very-aggressive", None, (), None, U),  # Q5: the wording is unverified
    ("chat-llama3-all-i-care", None, (), None, L),  # Q6: an unnamed executive
    ("chat-llama2-mix-bad", "hugo-touvron", (), None, L),  # Q7
    ("chat-right-datasets", "ahmad-al-dahle", (), None, L),  # Q8
    ("chat-stupid-reason", "ahmad-al-dahle", (), None, L),  # Q9
]


@pytest.mark.parametrize(("id", "sender", "recipients", "sent", "confidence"), MESSAGES)
def test_messages_at_the_precision_known(
    records: ev.RecordSet,
    id: str,
    sender: str | None,
    recipients: tuple[str, ...],
    sent: str | None,
    confidence: ev.Confidence,
) -> None:
    message = records.get(id, ev.Message)
    assert (message.sender, message.recipients, message.confidence) == (sender, recipients, confidence)
    if sent is None:
        assert message.sent is None  # no source dates it: absent, not guessed
    else:
        assert isinstance(message.sent, ev.Date)
        assert str(message.sent) == sent
        assert message.sent.precision is ev.Precision.MONTH  # "October 2023": no day
    # The chat is probably among the ECF No. 391 exhibits; which one is not known.
    assert (message.filing, message.exhibit) == ("ecf-391", None)
    assert message.confidence_of("filing") is L
    assert message.bates_page is None
    kinds = {(a.source, a.kind, a.language) for a in message.attestations}
    assert kinds == {
        ("techcrunch-2025-01-14", ev.AttestationKind.VERBATIM, "en"),
        ("bolt42-article-pt", ev.AttestationKind.TRANSLATION, "pt"),
    }
    for attestation in message.attestations:
        if attestation.kind is ev.AttestationKind.TRANSLATION:
            assert attestation.translation_of == "techcrunch-2025-01-14"


def test_every_message_of_facts_md_is_recorded(records: ev.RecordSet) -> None:
    assert sorted(m.id for m in records.messages) == sorted(row[0] for row in MESSAGES)


def test_no_bates_number_exhibit_letter_or_day_is_invented(records: ev.RecordSet) -> None:
    assert all(e.bates is None and e.custodian is None and not e.designations for e in records.exhibits)
    assert [e.label for e in records.exhibits] == ["K"]  # the only letter a source gives
    assert all(m.exhibit is None and m.bates_page is None for m in records.messages)
    assert all(q.bates_page is None for _, q in all_quotes(records))
    bolt42 = records.get("bolt42-article-pt", ev.Source)
    assert (bolt42.title, bolt42.url, bolt42.published, bolt42.translators) == (None, None, None, ())


# facts.md's marks, fact by fact: (record id, field or None for the record, expected confidence)
MARKS = [
    ("kadrey-v-meta", None, C),
    ("ecf-391", None, C),
    ("ecf-391-ex-k", None, C),
    ("ecf-471", None, C),
    ("ecf-598", None, C),
    ("techcrunch-2025-01-14", None, L),
    ("techcrunch-2025-01-14", "title", L),
    ("techcrunch-2025-01-14", "published", L),
    ("techcrunch-2025-01-14", "authors", U),
    ("techcrunch-2025-01-14", "url", U),
    ("bolt42-article-pt", "publication", U),
    ("bolt42-article-pt", "translation_of", L),
    ("zuckerberg-open-source-ai", None, C),
    ("meta-llama-3-release", None, C),
    ("ahmad-al-dahle", None, C),
    ("hugo-touvron", None, C),
    ("mark-zuckerberg", None, C),
    ("claim-trained-on-books", None, C),  # confirmed as an allegation
]


@pytest.mark.parametrize(("id", "field", "confidence"), MARKS)
def test_confidence_marks_equal_facts_md(
    records: ev.RecordSet, id: str, field: str | None, confidence: ev.Confidence
) -> None:
    record = records[id]
    assert (record.confidence if field is None else record.confidence_of(field)) is confidence


def test_nothing_likely_or_unverified_is_promoted(records: ev.RecordSet) -> None:
    tc = records.get("techcrunch-2025-01-14", ev.Source)
    for message in records.messages:
        assert message.confidence is not C
        for attestation in message.attestations:
            if attestation.source == tc.id:
                assert attestation.confidence is not C  # TechCrunch's wording is reported, not seen
    for claim in records.claims:
        if claim.status is ev.ClaimStatus.REPORTED and claim.asserted_by == "techcrunch":
            assert claim.confidence is not C or claim.id == "claim-libgen-publishers"


def test_the_stored_article_is_unaltered(records: ev.RecordSet) -> None:
    bolt42 = records.get("bolt42-article-pt", ev.Source)
    assert bolt42.text_file is not None and bolt42.digest is not None
    data = (KADREY / bolt42.text_file).read_bytes()
    assert hashlib.sha256(data).hexdigest() == bolt42.digest.value


def test_every_portuguese_quote_is_verbatim_in_the_stored_text(records: ev.RecordSet) -> None:
    text = (KADREY / "sources" / "bolt42-article-pt.txt").read_text(encoding="utf-8")
    quotes = [q for source, q in all_quotes(records) if source == "bolt42-article-pt"]
    assert len(quotes) >= 25
    for quote in quotes:
        assert quote.start is not None and quote.end is not None
        assert text[quote.start : quote.end] == quote.exact
        assert text.count(quote.exact) == 1  # no prefix or suffix needed to place it


def test_the_scraping_residue_is_noted_not_quoted(records: ev.RecordSet) -> None:
    text = (KADREY / "sources" / "bolt42-article-pt.txt").read_text(encoding="utf-8")
    residue = ["Bolt42", "16 − 12 ="]
    assert text.startswith("Bolt42\n") and "16 − 12 =" in text
    for _, quote in all_quotes(records):
        assert not any(r in quote.exact for r in residue)
    notes = records.get("bolt42-article-pt", ev.Source).notes or ""
    assert all(r in notes for r in residue)


def test_claims_cover_the_story(records: ev.RecordSet) -> None:
    claims = {c.id: c for c in records.claims}
    assert len(claims) >= 15
    assert claims["claim-trained-on-books"].status is ev.ClaimStatus.ALLEGED
    assert claims["claim-trained-on-books"].asserted_by == "kadrey-plaintiffs"
    ruling = claims["claim-fair-use-ruling"]
    assert ruling.status is ev.ClaimStatus.FOUND and str(ruling.asserted_on) == "2025-06-25"
    assert [e.record for e in ruling.evidence] == ["ecf-598"]
    assert "promotores" in claims["claim-promotores-wording"].statement
    for claim in claims.values():
        assert claim.evidence, claim.id  # every claim rests on something
        for link in claim.evidence:
            assert link.record in records, (claim.id, link.record)


def test_every_reference_resolves(records: ev.RecordSet) -> None:
    from evidence._model import ANY_KIND, KIND_BY_NAME, iter_references

    for record in records:
        for path, target, kinds in iter_references(record):
            if kinds == (ANY_KIND,):
                assert target in records, (record.id, path)
            else:
                assert isinstance(records.get(target, KIND_BY_NAME[kinds[0]]), KIND_BY_NAME[kinds[0]]), (
                    record.id,
                    path,
                )


def run_script(name: str, *args: str) -> str:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(KADREY / name), *args], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    return done.stdout


def test_the_message_listing_script(records: ev.RecordSet) -> None:
    out = run_script("list_messages.py")
    assert out.count("\n  who:") == len(records.messages)
    assert "  who:   Ahmad Al-Dahle to Hugo Touvron\n  when:  October 2023 (month only)\n" in out
    assert "  en:    “Mistral is peanuts for us” (TechCrunch, likely)\n" in out
    assert "  pt:    “Mistral é um trocado para nós” (Bolt42, confirmed)\n" in out
    assert "  who:   an unnamed Meta executive\n  when:  date unknown\n" in out
    assert out.count("  held:  ECF No. 391 (likely)\n") == len(records.messages)
    # Where the chat sits is only likely, so it is cited as the press quoted it.
    assert (
        "  cite:  Chat message from Ahmad Al-Dahle to Hugo Touvron (Oct. 2023), quoted in Maxwell Zeff, Meta Execs "
        "Obsessed over Beating OpenAI's GPT-4 Internally, Court Filings Reveal, TechCrunch (Jan. 14, 2025), "
        "https://techcrunch.com/2025/01/14/meta-execs-obsessed-over-beating-openais-gpt-4-internally-court-filings-reveal/.\n"
    ) in out


def test_the_trace_script_follows_a_claim_to_the_case() -> None:
    # The script now prints evidence.trace's steps, each with its link's mark and its own apart.
    out = run_script("trace_claim.py", "claim-64k-gpus")
    lines = out.splitlines()
    assert lines[0].startswith("Al-Dahle wrote that Meta had 64,000 GPUs coming")
    assert lines[1] == "reported by TechCrunch; attribution likely"
    assert "path 2 (as sure as its weakest step: likely)" in lines
    chain = [line.strip() for line in lines[lines.index("path 2 (as sure as its weakest step: likely)") + 1 :]]
    assert chain[:4] == [
        "└─ evidence (supports) → source bolt42-article-pt: “Temos 64 mil GPUs a caminho! Precisamos aprender a "
        "construir de forma inovadora e vencer essa corrida.” in Bolt42 [pt]",
        "link confirmed, wording confirmed; so far likely",
        "└─ translation of → source techcrunch-2025-01-14: “We have 64k GPUs coming! We need to learn how to build "
        "frontier and win this race.” in TechCrunch [en]",
        "link likely, wording likely; so far likely",
    ]
    assert chain[-2:] == [
        "└─ on the docket of → case kadrey-v-meta: Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC",
        "link confirmed, record confirmed; so far likely",
    ]
