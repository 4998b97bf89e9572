"""The `evidence` command, run in-process: output, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import evidence as ev
from evidence._cli import main
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"evidence {ev.__version__}\n")


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "usage: evidence" in err


def test_a_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "fmt", "--frobnicate", str(KADREY))
    assert code == 2
    assert "unrecognized arguments: --frobnicate" in err


def test_no_such_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "fmt", "--check", str(tmp_path / "nowhere"))
    assert (code, err) == (2, f"evidence: error: no such file or folder: {tmp_path / 'nowhere'}\n")


def test_a_rule_code_that_names_no_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(KADREY), "--select", "Q,ZZZ")
    assert code == 2 and out == ""
    assert "select: 'ZZZ' is no rule's code or prefix (families I, L, Q, R, S, T, Y; see docs/rules.md)" in err


def test_fmt_check_passes_on_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "fmt", "--check", str(EXAMPLES))
    assert (code, out) == (0, "")
    assert err.endswith("0 files would be reformatted, 11 already canonical\n")


def test_fmt_check_lists_files_not_in_canonical_form_and_fmt_fixes_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    messy = tmp_path / "messy.yaml"
    messy.write_text("evidence: 1\nactors:\n- {kind: person, name: Hugo Touvron, id: hugo-touvron}\n")
    clean = tmp_path / "clean.yaml"
    shutil.copy(KADREY / "sources.yaml", clean)
    before = ev.load(messy)

    code, out, _ = run(capsys, "fmt", "--check", str(tmp_path))
    assert (code, out) == (1, f"would reformat {messy}\n")
    assert messy.read_text().startswith("evidence: 1\nactors:\n- {kind")  # --check changes nothing

    code, out, _ = run(capsys, "fmt", str(tmp_path))
    assert (code, out) == (0, f"reformatted {messy}\n")
    # Upgraded to version 2, where a record that says no mark is unverified: the meaning it had
    # in version 1 (confirmed) is written out.
    assert messy.read_text() == (
        "evidence: 2\nactors:\n  - id: hugo-touvron\n    name: Hugo Touvron\n    kind: person\n    confidence: confirmed\n"
    )
    assert ev.load(messy) == before  # the meaning is kept
    assert run(capsys, "fmt", "--check", str(tmp_path))[0] == 0


def test_fmt_refuses_to_drop_comments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "commented.yaml"
    text = "evidence: 1\nactors:\n# the researcher\n- {id: hugo-touvron, name: Hugo Touvron, kind: person}\n"
    path.write_text(text)
    code, _, err = run(capsys, "fmt", str(path))
    assert code == 1
    assert f"{path}: has comments, which fmt cannot keep" in err
    assert path.read_text() == text
    assert run(capsys, "fmt", "--drop-comments", str(path))[0] == 0
    assert "#" not in path.read_text()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "evidence: 1\nmessages:\n  - id: m\n    recipents: []\n",
            "bad.yaml:4:5: $.messages[0]: unknown key 'recipents' (did you mean 'recipients'?)",
        ),
        (
            "evidence: 1\nmessages:\n  - id: m\n    sent: 2023-10-10T23:30\n",
            "bad.yaml:4:11: $.messages[0].sent: invalid date '2023-10-10T23:30': naive date-time",
        ),
        ("evidence: 1\nactors: [\n", "bad.yaml:3:1: invalid YAML: did not find expected node content"),
    ],
    ids=["misspelt key", "naive date-time", "broken YAML"],
)
@pytest.mark.parametrize("command", ["fmt --check", "show"])
def test_bad_records_exit_1_with_a_located_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, expected: str, command: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    code, _, err = run(capsys, *command.split(), str(path))
    assert code == 1
    assert err.replace(f"{tmp_path}/", "").startswith(expected)
    assert "Traceback" not in err


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("evidence: 1\nmessages:\n  - id: m\n    recipents: []\n")
    done = subprocess.run(
        [sys.executable, "-m", "evidence", "show", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "unknown key 'recipents'" in done.stderr
    assert "Traceback" not in done.stderr


def test_schema_prints_a_valid_draft_2020_12_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == ev.json_schema()
    target = tmp_path / "schema.json"
    assert run(capsys, "schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text()) == schema


def test_show_lists_the_records_of_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(KADREY))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        f"{KADREY}: 1 case, 28 actors, 3 filings, 1 exhibit, 3 decisions, 8 messages, 4 sources, 22 claims"
    )
    assert "  kadrey-v-meta  Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC (N.D. Cal.)" in lines
    assert any(
        line.startswith("  chat-goal-gpt4  ") and "2023-10  Ahmad Al-Dahle → Hugo Touvron" in line for line in lines
    )


def test_show_one_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", str(KADREY), "--kind", "filing")
    assert code == 0
    assert out.splitlines()[2:] == [
        "filings",
        "  ecf-391  ECF No. 391: declaration (filed 2025-01-14)",
        "  ecf-471  ECF No. 471: order (filed 2025-03-07)",
        "  ecf-598  ECF No. 598: order (filed 2025-06-25)",
    ]


def test_cite_prints_the_case_as_the_issue_asks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", str(KADREY), "kadrey-v-meta", "--style", "bluebook", "--markup", "markdown")
    assert (code, out) == (
        0,
        "*Kadrey v. Meta Platforms, Inc.*, No. 3:23-cv-03417-VC (N.D. Cal. filed July 7, 2023).\n",
    )


def test_cite_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "cite", str(KADREY), "kadrey-v-meta", "--decision", "2025 WL 82205", "--pin", "*2", "--signal", "see"
    )
    assert (code, out) == (
        0,
        "See Kadrey v. Meta Platforms, Inc., No. 23-cv-03417-VC, 2025 WL 82205, at *2 (N.D. Cal. Jan. 13, 2025).\n",
    )
    code, out, _ = run(capsys, "cite", str(KADREY), "ecf-391-ex-k", "--in-case", "kadrey-v-meta", "--style", "ecf")
    assert (code, out) == (0, "ECF No. 391-24.\n")
    code, out, _ = run(capsys, "cite", str(KADREY), "techcrunch-2025-01-14", "--style", "apa", "--form", "short")
    assert (code, out) == (0, "(Zeff, 2025)\n")


def test_cite_all_prints_a_bibliography_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cite", str(KADREY), "--all", "--style", "apa")
    lines = out.splitlines()
    assert code == 0
    leads = ["".join(c for c in line.split(" (")[0] if c.isalnum() or c == " ").casefold() for line in lines]
    assert leads == sorted(leads)  # by author or title
    orders = [line for line in lines if line.startswith("Order,")]
    assert ["Mar. 7, 2025" in orders[0], "June 25, 2025" in orders[1]] == [True, True]  # then by date
    assert (
        "Zeff, M. (2025, January 14). Meta execs obsessed over beating OpenAI's GPT-4 internally, court filings " in out
    )
    assert not any("personal communication" in line for line in lines)  # APA: in the text only


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["cite", str(KADREY), "nope"], 2, "evidence: error: no record has the id 'nope'"),
        (["cite", str(KADREY), "meta"], 2, "evidence: error: actor records are not cited"),
        (["cite", str(KADREY)], 2, "evidence: error: name the record to cite, or pass --all"),
        (["cite", str(KADREY), "kadrey-v-meta", "--style", "harvard"], 2, "invalid choice: 'harvard'"),
        (["cite", str(KADREY), "kadrey-v-meta", "--form", "supra"], 2, "supra is never used for cases"),
    ],
)
def test_cite_refuses_what_it_cannot_do(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    returned, _, err = run(capsys, *argv)
    assert returned == code
    assert message in err
    assert "Traceback" not in err


def test_timeline_cast_and_provenance_exports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import prov.model
    import pyarrow.parquet

    code, out, _ = run(capsys, "timeline", str(KADREY))
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    order = [row.split("`")[1] for row in rows[2:]]
    assert order.index("chat-goal-gpt4") < order.index("zuckerberg-open-source-ai") < order.index("ecf-391")
    assert "| Oct. 2023 | month | message sent | `chat-goal-gpt4` |" in out
    for fmt in ("csv", "html"):
        assert run(capsys, "timeline", str(KADREY), "--format", fmt)[0] == 0
    code, out, _ = run(capsys, "cast", str(KADREY))
    assert (
        code == 0
        and "| Ahmad Al-Dahle (`ahmad-al-dahle`) | person | VP of Generative AI, Meta Platforms, Inc. |" in out
    )
    code, out, _ = run(capsys, "export", str(KADREY), "--to", "prov-json")
    assert code == 0
    document = prov.model.ProvDocument.deserialize(content=out, format="json")
    assert document.get_records(prov.model.ProvDerivation)
    code, out, _ = run(capsys, "export", str(KADREY), "--to", "annotations")
    assert code == 0 and json.loads(out)[0]["type"] == "Annotation"
    code, out, _ = run(capsys, "export", str(KADREY), "--to", "parquet", "-o", str(tmp_path / "tables"))
    assert code == 0 and f"wrote {tmp_path / 'tables' / 'messages.parquet'}" in out
    assert pyarrow.parquet.read_table(tmp_path / "tables" / "messages.parquet").num_rows == 8
    assert run(capsys, "export", str(KADREY), "--to", "parquet")[0] == 2  # needs a folder


def test_the_limit_options_hold_for_the_command_only(capsys: pytest.CaptureFixture[str]) -> None:
    before = ev.Limits(
        **{
            name: getattr(ev.limits, name)
            for name in ("max_file_bytes", "max_depth", "max_alias_values", "max_text_chars")
        }
    )
    code, _, err = run(capsys, "--max-text-chars", "5", "show", str(KADREY))
    assert code == 1 and "longer than the limit of 5" in err
    assert ev.limits == before
    assert run(capsys, "--max-depth", "200", "--max-file-mb", "1", "show", str(KADREY))[0] == 0
    assert ev.limits == before


def test_scoped_limits_are_undone_however_the_block_ends() -> None:
    from evidence._limits import scoped_limits

    depth = ev.limits.max_depth

    def fail_inside() -> None:
        with scoped_limits(max_depth=depth + 1) as limits:
            assert limits.max_depth == ev.limits.max_depth == depth + 1
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail_inside()
    assert ev.limits.max_depth == depth
    with pytest.raises(TypeError), scoped_limits(max_pages=3):  # not a limit
        pass


# -- errors name the flag on the command line and the parameter in Python ----------------------


@pytest.fixture
def four_decisions(tmp_path: Path) -> Path:
    # Made-up: Doe v. Acme Corp. with four unreported decisions and one filing.
    case = ev.Case(
        id="doe-v-acme", caption="Doe v. Acme Corp.", name="Doe v. Acme Corp.", court="cand",
        docket_number="3:24-cv-00001", confidence="confirmed",
    )  # fmt: skip
    decisions = [
        ev.Decision(
            id=f"order-{n}", case="doe-v-acme", date=f"2025-0{n}-01", title=f"Order {n}", confidence="confirmed"
        )
        for n in range(1, 5)
    ]
    filing = ev.Filing(id="ecf-7", case="doe-v-acme", ecf=7, confidence="confirmed")
    ev.dump(ev.RecordSet([case, *decisions, filing]), tmp_path / "doe.yaml")
    return tmp_path / "doe.yaml"


def test_a_pin_cite_of_a_case_without_a_decision_names_the_flag(
    capsys: pytest.CaptureFixture[str], four_decisions: Path
) -> None:
    code, out, err = run(capsys, "cite", str(four_decisions), "doe-v-acme", "--pin", "4")
    assert (code, out) == (2, "")
    assert err == "evidence: error: a pin cite of a case needs a decision: pass --decision\n"
    # In Python the same message names the parameter.
    records = ev.load(four_decisions)
    with pytest.raises(ev.UsageError, match=r"needs a decision: pass decision=$"):
        ev.cite(records["doe-v-acme"], records=records, pin="4")


def test_a_decision_number_out_of_range_says_how_many_there_are(
    capsys: pytest.CaptureFixture[str], four_decisions: Path
) -> None:
    code, _, err = run(capsys, "cite", str(four_decisions), "doe-v-acme", "--decision", "7")
    assert code == 2
    assert "has 4 decisions, numbered 0 to 3: no decision 7" in err
    assert "8" not in err
    # A negative number is no decision either (Python's index from the end is not a number here).
    records = ev.load(four_decisions)
    with pytest.raises(ev.UsageError, match=r"has 4 decisions, numbered 0 to 3: no decision -1"):
        ev.cite(records["doe-v-acme"], records=records, decision=-1)
    code, out, _ = run(capsys, "cite", str(four_decisions), "doe-v-acme", "--decision", "3", "--pin", "2")
    assert (code, out) == (0, "Doe v. Acme Corp., No. 3:24-cv-00001, slip op. at 2 (N.D. Cal. Apr. 1, 2025).\n")


def test_a_decision_asked_of_a_filing_is_an_error(capsys: pytest.CaptureFixture[str], four_decisions: Path) -> None:
    code, out, err = run(capsys, "cite", str(four_decisions), "ecf-7", "--decision", "0")
    assert (code, out) == (2, "")
    assert err == "evidence: error: --decision applies to cases only, and filing 'ecf-7' is not a case\n"
    records = ev.load(four_decisions)
    with pytest.raises(ev.UsageError, match=r"^decision= applies to cases only, and filing 'ecf-7' is not a case$"):
        ev.cite(records["ecf-7"], records=records, decision=0)


# -- files written get the usual mode of a new file -------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_file_written_gets_the_mode_of_a_new_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, umask: int
) -> None:
    # It was 0600 (the temporary file's): a timeline shared as HTML was unreadable to others.
    records = ev.RecordSet([ev.Message(id="m", text="Made-up note.", sent="2025-01-02", confidence="confirmed")])
    before = os.umask(umask)
    try:
        ev.dump(records, tmp_path / "set.yaml")
        assert (
            run(capsys, "timeline", str(tmp_path / "set.yaml"), "--format", "html", "-o", str(tmp_path / "t.html"))[0]
            == 0
        )
        assert (
            run(capsys, "export", str(tmp_path / "set.yaml"), "--to", "csl-json", "-o", str(tmp_path / "e.json"))[0]
            == 0
        )
    finally:
        os.umask(before)
    for name in ("set.yaml", "t.html", "e.json"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o666 & ~umask, name


def test_a_file_rewritten_keeps_its_mode(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "set.yaml"
    records = ev.RecordSet([ev.Message(id="m", text="Made-up note.", confidence="confirmed")])
    ev.dump(records, target)
    os.chmod(target, 0o640)
    ev.dump(ev.RecordSet([ev.Message(id="m", text="Made-up note, again.", confidence="confirmed")]), target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert run(capsys, "timeline", str(target), "-o", str(target.with_suffix(".md")))[0] == 0
    os.chmod(target.with_suffix(".md"), 0o604)
    assert run(capsys, "timeline", str(target), "-o", str(target.with_suffix(".md")))[0] == 0
    assert stat.S_IMODE(os.stat(target.with_suffix(".md")).st_mode) == 0o604
