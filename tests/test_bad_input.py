"""Bad input never ends in a traceback: every file of tests/data/bad, and a few made at run time
(too large or too deep to commit, or symbolic links), run through `evidence check` in a fresh
process, must give its exit code and its message, with the file and the line, within seconds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_evidence

BAD = ROOT / "tests" / "data" / "bad"
TIMEOUT = 10  # seconds before the command is killed
FAST = 5  # seconds a refusal may take


def case(
    name: str, line: int | None, fragment: str | tuple[str, ...], *, file: str | None = None, code: int = 1
) -> object:
    """A corpus entry: `evidence check NAME` exits with `code` and prints `fragment` (or one of
    several), naming `file` (the entry itself unless given) at `line` (or without a line when None)."""
    return pytest.param(name, code, fragment, file or name, line, id=name)


_DEEPER = "S001 the YAML is nested deeper than 100 levels"

CASES = [
    # -- YAML that does not parse
    case(
        "yaml-unclosed-bracket.yaml",
        7,
        "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
    ),
    case(
        "yaml-unclosed-brace.yaml", 9, "invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"
    ),
    case("yaml-bad-indentation.yaml", 5, "invalid YAML: did not find expected '-' indicator"),
    case("yaml-tab-in-indentation.yaml", 4, "invalid YAML: a tab where YAML needs spaces (indent with spaces only)"),
    case(
        "yaml-unterminated-double-quote.yaml",
        6,
        "invalid YAML: found unexpected end of stream (while scanning a quoted scalar)",
    ),
    case(
        "yaml-unterminated-single-quote.yaml",
        6,
        "invalid YAML: found unexpected end of stream (while scanning a quoted scalar)",
    ),
    case("yaml-stray-colon.yaml", 4, "invalid YAML: mapping values are not allowed in this context"),
    case(
        "yaml-several-documents.yaml",
        6,
        "invalid YAML: but found another document (expected a single document in the stream)",
    ),
    case("yaml-undefined-alias.yaml", 4, "invalid YAML: found undefined alias"),
    # libyaml refuses deep nesting itself in some builds (PyYAML 6.0.2's wheels); where it
    # does not, the library's own depth limit does.
    case("yaml-deep-nesting.yaml", 2, ("S001 invalid YAML: exceeded maximum nesting depth", _DEEPER)),
    # -- YAML that parses into something a record file cannot be
    case("yaml-duplicate-key.yaml", 6, "S009 $.actors[0]: duplicate key 'name' (first given on line 4)"),
    case(
        "yaml-duplicate-key-through-an-alias.yaml",
        10,
        "S009 $.actors[1]: duplicate key 'name' (given through an alias; first given on line 8)",
    ),
    case("yaml-python-object-tag.yaml", 3, "unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'"),
    case("yaml-python-apply-tag.yaml", 4, "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    case("yaml-local-tag.yaml", 4, "unsupported YAML tag '!secret'"),
    case("yaml-billion-laughs.yaml", 2, "the YAML's aliases expand to more than 100,000 values"),
    case("yaml-nested-200-levels.yaml", 2, "the YAML is nested deeper than 100 levels"),
    case("yaml-list-as-a-key.yaml", 4, "S003 $.actors[0]: a key must be plain text"),
    case("yaml-empty.yaml", 1, "expected a record file (a mapping starting 'evidence: 2'), found an empty file"),
    case(
        "yaml-only-a-comment.yaml", 1, "expected a record file (a mapping starting 'evidence: 2'), found an empty file"
    ),
    case(
        "yaml-whitespace-only.yaml", 1, "expected a record file (a mapping starting 'evidence: 2'), found an empty file"
    ),
    case("yaml-list-at-the-top.yaml", 1, "expected a record file (a mapping starting 'evidence: 2'), found a list"),
    case("yaml-text-at-the-top.yaml", 1, "found the text 'evidence 1'"),
    case("yaml-byte-order-mark.yaml", 1, "the file starts with a byte-order mark; save it as UTF-8 without one"),
    case("yaml-invalid-utf8.yaml", 4, "invalid UTF-8 (byte 0xe4); record files are UTF-8 text"),
    case("yaml-missing-version.yaml", 1, "S008 $: missing format version: a record file starts with 'evidence: 2'"),
    case("yaml-unknown-version.yaml", 1, "S008 $.evidence: unsupported format version 3"),
    case("yaml-version-as-text.yaml", 1, "S008 $.evidence: unsupported format version '1'"),
    # -- values of the wrong type, size or shape
    case("yaml-number-for-a-name.yaml", 4, "S003 $.actors[0].name: expected text, found the number 42"),
    case("yaml-mapping-for-a-date.yaml", 8, "S003 $.cases[0].filed: expected a date as text"),
    case(
        "yaml-list-for-an-enum.yaml",
        5,
        "S005 $.actors[0].kind: expected one of person, organization, group; found a list",
    ),
    case("yaml-text-for-a-list.yaml", 6, "S003 $.actors[0].aliases: expected a list, found the text 'Kadrey'"),
    case("yaml-true-for-an-integer.yaml", 12, "S003 $.filings[0].ecf: expected a whole number, found true"),
    case(
        "yaml-fraction-for-an-integer.yaml",
        12,
        "S003 $.filings[0].ecf: expected a whole number, found the number 391.5",
    ),
    case("yaml-null-for-a-required-field.yaml", 4, "S003 $.actors[0].name: expected text, found null"),
    case("yaml-mapping-for-the-records.yaml", 3, "S003 $.actors: expected a list, found a mapping"),
    case("yaml-400-digit-integer.yaml", 12, "a number of 400 digits is too large (the largest is 9007199254740991)"),
    case("yaml-2-to-the-60.yaml", 12, "1152921504606846976 is too large (the largest is 9007199254740991)"),
    case("yaml-nan.yaml", 12, "S003 $.filings[0].ecf: expected a whole number, found the number nan"),
    case("yaml-infinity.yaml", 12, "S003 $.filings[0].ecf: expected a whole number, found the number inf"),
    case("yaml-negative-infinity.yaml", 12, "S003 $.filings[0].ecf: expected a whole number, found the number -inf"),
    case("yaml-control-character-in-an-id.yaml", 3, "S007 $.actors[0].id: invalid id 'richard\\x07kadrey'"),
    case("yaml-cyrillic-lookalike-in-an-id.yaml", 3, "S007 $.actors[0].id: invalid id 'richard-k\u0430drey'"),
    case("yaml-cyrillic-lookalike-in-a-reference.yaml", 11, "S007 $.filings[0].case: invalid id 'k\u0430drey-v-meta'"),
    case("yaml-unknown-key.yaml", 6, "S002 $.actors[0]: unknown key 'nmae' (did you mean 'name'?)"),
    case("records.txt", None, "not a record file: expected one of .yaml, .yml, .json, .jsonl"),
    case("folder-without-record-files", None, "no record files (.yaml, .yml, .json, .jsonl) in this folder"),
    # -- JSON that does not parse
    case("json-trailing-comma.json", 8, "invalid JSON: Expecting property name enclosed in double quotes"),
    case("json-missing-comma.json", 7, "invalid JSON: Expecting ',' delimiter"),
    case("json-single-quotes.json", 6, "invalid JSON: Expecting property name enclosed in double quotes"),
    case("json-unquoted-key.json", 6, "invalid JSON: Expecting property name enclosed in double quotes"),
    case("json-comment.json", 7, "invalid JSON: Expecting property name enclosed in double quotes"),
    case("json-truncated.json", 7, "invalid JSON: Expecting value"),
    case("json-empty.json", 1, "invalid JSON: Expecting value"),
    case("json-whitespace-only.json", 3, "invalid JSON: Expecting value"),
    case("json-nan.json", 7, "invalid JSON: NaN is not a number JSON allows"),
    case("yaml-5000-digit-integer.yaml", 5, "a number of 5000 digits is too large (the largest is 9007199254740991)"),
    case("json-5000-digit-integer.json", 1, "invalid JSON: a number of 5000 digits is too large"),
    case("yaml-merge-key.yaml", 4, "merge keys ('<<') are not supported; write the fields out"),
    case("yaml-raw-control-character.yaml", 3, "invalid YAML: the character U+0007 is not allowed in YAML text"),
    case("json-infinity.json", 7, "invalid JSON: Infinity is not a number JSON allows"),
    case("json-negative-infinity.json", 7, "invalid JSON: -Infinity is not a number JSON allows"),
    case("json-deep-nesting.json", None, "the JSON is nested too deeply to read"),
    case("json-byte-order-mark.json", 1, "the file starts with a byte-order mark; save it as UTF-8 without one"),
    case("json-invalid-utf8.json", 6, "invalid UTF-8 (byte 0xc3); record files are UTF-8 text"),
    # -- JSON that parses into something a record file cannot be
    case("json-duplicate-key.json", 8, "S009 duplicate key 'name'"),
    case("json-list-at-the-top.json", 1, "expected a record file (a mapping starting 'evidence: 2'), found a list"),
    case("json-missing-version.json", 1, "S008 $: missing format version"),
    case("json-unknown-version.json", 2, "S008 $.evidence: unsupported format version 1.5"),
    case("json-number-for-a-name.json", 6, "S003 $.actors[0].name: expected text, found the number 42"),
    case("json-text-for-an-integer.json", 7, "S003 $.filings[0].ecf: expected a whole number, found the text '391'"),
    case("json-400-digit-integer.json", 7, "a number of 400 digits is too large (the largest is 9007199254740991)"),
    case("json-2-to-the-60.json", 7, "1152921504606846976 is too large (the largest is 9007199254740991)"),
    case("json-exponent-overflow.json", 7, "S003 $.filings[0].ecf: expected a whole number, found the number inf"),
    case("json-control-character-in-an-id.json", 5, "S007 $.actors[0].id: invalid id 'richard\\x00kadrey'"),
    # -- JSON Lines
    case("jsonl-unknown-record-type.jsonl", 3, "S002 $.type: unknown record type 'actr' (did you mean 'actor'?)"),
    case("jsonl-missing-record-type.jsonl", 2, 'S002 $: missing record type: add "type"'),
    case("jsonl-missing-header.jsonl", 1, "S008 $: missing format version"),
    case("jsonl-unknown-version.jsonl", 1, "S008 $.evidence: unsupported format version 7"),
    case("jsonl-records-in-the-header.jsonl", 1, 'the first line holds only the format version, e.g. {"evidence": 2}'),
    case("jsonl-list-for-a-record.jsonl", 3, "S003 $: expected a record (a mapping with a 'type'), found a list"),
    case("jsonl-empty.jsonl", 1, 'empty record file: the first line is the format version, {"evidence": 2}'),
    case("jsonl-nan.jsonl", 2, "invalid JSON: NaN is not a number JSON allows"),
    case(
        "jsonl-bad-line-in-the-middle.jsonl", 3, "S001 invalid JSON: Expecting property name enclosed in double quotes"
    ),
    # -- text, dates and cycles at their limits (issue 17): every reading path, every text check
    case("json-lone-surrogate-in-a-name.json", 6, "S007 $.actors[0].name: contains the lone surrogate U+D800"),
    case("json-terminal-escape-in-a-name.json", 6, "S007 $.actors[0].name: contains the invisible character U+001B"),
    case(
        "jsonl-right-to-left-override-in-a-name.jsonl",
        2,
        "S007 $.name: contains the bidirectional control U+202E, which reorders the text shown after it",
    ),
    case("yaml-fullwidth-year.yaml", 7, "invalid date '２０２５-01-15'"),
    case("yaml-arabic-indic-year.yaml", 7, "or an interval A/B; write its digits as ASCII 0-9"),
    case(
        "yaml-keys-equal-after-nfc.yaml",
        8,
        "S009 $.cases[0].identifiers: duplicate key 'cafe\\u0301': the same text as 'café' in Unicode (NFC)",
    ),
    case(
        "yaml-translation-of-itself.yaml",
        8,
        "R004 $.sources[0].translation_of: rests on itself: 'ledger-2025-01-15' → 'ledger-2025-01-15'",
    ),
    case(
        "yaml-claims-citing-each-other.yaml",
        7,
        "R004 $.claims[0].evidence[0].record: rests on itself through 1 other record: 'claim-shipped-early' → "
        "'claim-audit-late' → 'claim-shipped-early'",
    ),
    # -- stored texts of sources
    case(
        "source-path-leaves-the-folder",
        9,
        "I003 $.sources[0].text_file: text file '../bolt42-article-pt.txt' leaves the record set's folder",
        file="source-path-leaves-the-folder/sources.yaml",
    ),
    case(
        "source-path-is-absolute",
        9,
        "I003 $.sources[0].text_file: text file '/etc/passwd' leaves the record set's folder",
        file="source-path-is-absolute/sources.yaml",
    ),
    case(
        "source-file-missing",
        9,
        "I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' does not exist",
        file="source-file-missing/sources.yaml",
    ),
    case(
        "source-file-is-a-directory",
        9,
        "I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' cannot be read: is a folder, not a regular file; only regular files are read",
        file="source-file-is-a-directory/sources.yaml",
    ),
    case(
        "source-file-not-utf8",
        9,
        "I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' is not UTF-8 text",
        file="source-file-not-utf8/sources.yaml",
    ),
]


def evidence(*args: str | Path, cwd: Path = BAD, timeout: float = TIMEOUT) -> tuple[int, str]:
    """The command's exit code and all it printed."""
    code, out, err = run_evidence(*args, cwd=cwd, timeout=timeout)
    return code, out + err


def refused(*args: str | Path, cwd: Path = BAD, code: int = 1) -> str:
    """What a refusal printed: killed unless it comes within FAST seconds, with its exit code."""
    exit_code, output = evidence(*args, cwd=cwd, timeout=FAST)
    assert exit_code == code, output
    return output


def test_every_file_of_the_corpus_has_a_case() -> None:
    assert sorted(path.name for path in BAD.iterdir()) == sorted(param.values[0] for param in CASES)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "code", "fragment", "file", "line"), CASES)
def test_bad_input_is_refused_with_its_message(
    name: str, code: int, fragment: str | tuple[str, ...], file: str, line: int | None
) -> None:
    output = refused("check", name, code=code)
    fragments = fragment if isinstance(fragment, tuple) else (fragment,)
    assert any(f in output for f in fragments), output
    lines = [text for text in output.splitlines() if any(f in text for f in fragments)]
    where = f"{file}:{line}:" if line is not None else f"{file}: "
    assert any(text.startswith(where) for text in lines), output


def test_a_bad_line_of_json_lines_does_not_hide_a_later_problem() -> None:
    _, output = evidence("check", "jsonl-bad-line-in-the-middle.jsonl")
    assert output.splitlines()[:2] == [
        "jsonl-bad-line-in-the-middle.jsonl:3:70: S001 invalid JSON: Expecting property name enclosed in double quotes",
        "jsonl-bad-line-in-the-middle.jsonl:5:79: S002 $: unknown key 'nmae' (did you mean 'name'?)",
    ]


# -- cases made at run time ------------------------------------------------------------------


def test_a_path_that_does_not_exist_cannot_run(tmp_path: Path) -> None:
    output = refused("check", "no-such-records.yaml", cwd=tmp_path, code=2)
    assert output == "evidence: error: no such file or folder: no-such-records.yaml\n"


def test_a_text_file_linked_to_outside_the_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    shutil.copytree(BAD / "source-file-missing", folder)
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of the record set\n", encoding="utf-8")
    (folder / "sources").mkdir()
    try:
        os.symlink(secret, folder / "sources" / "bolt42-article-pt.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    output = refused("check", "records", cwd=tmp_path)
    assert (
        "records/sources.yaml:9:16: I003 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' "
        "leads outside the record set's folder (a link?); it is not read"
    ) in output


def actor_named(name: str) -> str:
    return f'evidence: 1\nactors:\n  - id: richard-kadrey\n    name: "{name}"\n    kind: person\n'


def test_a_50_mb_string_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text(actor_named("x" * 50_000_000), encoding="utf-8")
    output = refused("check", "big.yaml", cwd=tmp_path)
    assert (
        "big.yaml:4:11: S007 $.actors[0].name: a text of 50,000,000 characters is longer than the limit of "
        "10,000,000 (raise it with --max-text-chars)"
    ) in output


def test_raising_a_limit_lets_a_big_but_legitimate_file_through(tmp_path: Path) -> None:
    (tmp_path / "long.yaml").write_text(actor_named("x" * 12_000_000), encoding="utf-8")
    code, output = evidence("check", "long.yaml", cwd=tmp_path)
    assert code == 1
    assert "longer than the limit of 10,000,000 (raise it with --max-text-chars)" in output
    code, output = evidence("--max-text-chars", "20000000", "check", "long.yaml", cwd=tmp_path)
    assert (code, output) == (0, "1 record checked: 0 errors, 0 warnings, 0 notes\n")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text(actor_named("x" * 3 * 2**20), encoding="utf-8")
    output = refused("--max-file-mb", "1", "check", "big.yaml", cwd=tmp_path)
    assert "big.yaml: S001 the file is 3.0 MiB, more than the limit of 1 MiB (raise it with --max-file-mb)" in output
    code, _ = evidence("--max-file-mb", "4", "check", "big.yaml", cwd=tmp_path)
    assert code == 0


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            "deep.json",
            '{"evidence": 1, "actors": [' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "]}\n",
            "deep.json: S001 the JSON is nested too deeply to read",
            id="json objects",
        ),
        pytest.param(
            "deep.yaml",
            "evidence: 1\nactors: [" + "{a: " * 10_000 + "1" + "}" * 10_000 + "]\n",
            (
                "deep.yaml:2:4002: S001 invalid YAML: exceeded maximum nesting depth (while increasing flow level)",
                f"deep.yaml:2:406: {_DEEPER}",
            ),
            id="yaml flow mappings",
        ),
        pytest.param(
            "deep-block.yaml",
            "evidence: 1\nactors:\n" + "".join(" " * level + "- \n" for level in range(2_000)),
            (
                "deep-block.yaml:1002:1000: S001 invalid YAML: exceeded maximum nesting depth (while increasing block level)",
                f"deep-block.yaml:103:101: {_DEEPER}",
            ),
            id="yaml block lists (2,000 levels: 10,000 would take 50 MB of indentation)",
        ),
    ],
)
def test_10000_levels_of_nesting_are_refused_quickly(
    tmp_path: Path, name: str, text: str, expected: str | tuple[str, ...]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    output = refused("check", name, cwd=tmp_path)
    assert any(e in output for e in (expected if isinstance(expected, tuple) else (expected,))), output
