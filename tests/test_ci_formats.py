"""The findings of `evidence check` as CI systems read them: SARIF (validated against the official
SARIF 2.1.0 schema), JUnit XML (read back by xml.etree and junitparser), the JSON report with
its published schema, and GitHub workflow commands read back as the Actions runner does."""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import evidence as ev
from evidence._check import RULES
from tests.conftest import EXAMPLES, ROOT, run_evidence

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0" / "sarif-schema-2.1.0.json").read_text("utf-8"))
INVALID = ROOT / "tests" / "data" / "invalid"
BOTH = ["kadrey-v-meta", "thomson-reuters-v-ross"]
# A record file with one mistake: S002 at line 6, column 5.
ONE_UNKNOWN_KEY = "evidence: 2\nactors:\n  - id: pat\n    kind: person\n    name: Pat\n    nmae: Pat\n"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def check(*args: str | Path, cwd: Path) -> tuple[int, str]:
    code, out, err = run_evidence("check", *args, cwd=cwd, timeout=300)
    assert code in (0, 1), err
    return code, out


def json_report(*paths: str | Path, cwd: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(check("--format", "json", *paths, cwd=cwd)[1])
    return report


# -- SARIF ------------------------------------------------------------------------------------


def sarif_of(*paths: str | Path, cwd: Path) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(check("--format", "sarif", *paths, cwd=cwd)[1])
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


@pytest.mark.parametrize("example", BOTH)
def test_sarif_of_the_examples_is_valid_and_holds_every_finding(example: str) -> None:
    log = sarif_of(example, cwd=EXAMPLES)
    (run,) = log["runs"]
    findings = json_report(example, cwd=EXAMPLES)["findings"]
    assert len(run["results"]) == len(findings) > 0
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == finding["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert finding["message"] in result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert urllib.parse.unquote(physical["artifactLocation"]["uri"]) == finding["file"]
        assert physical["artifactLocation"]["uri"].startswith(f"{example}/")
        assert physical["region"] == {"startLine": finding["line"], "startColumn": finding["column"]}


def test_sarif_has_one_rule_per_code_with_its_summary_and_the_help_of_the_rules_reference() -> None:
    log = sarif_of(*sorted(p.name for p in INVALID.iterdir()), cwd=INVALID)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    reference = " ".join((ROOT / "docs" / "rules.md").read_text(encoding="utf-8").split())
    for rule in rules:
        code = rule["id"]
        assert rule["shortDescription"]["text"] == RULES[code].summary
        assert rule["defaultConfiguration"]["level"] == LEVELS[RULES[code].severity.value]
        paragraphs = rule["help"]["markdown"].split("\n\n")
        assert [p.split("**")[1] for p in paragraphs] == ["What it checks.", "Why it matters.", "Fix."], code
        section = reference[reference.index(f"## {code}: ") :]
        for paragraph in paragraphs:
            # As written in docs/rules.md, but links to other pages kept as their text alone.
            assert "](" not in paragraph or "](http" in paragraph, code
            words = re.sub(r"\[([^\]]*)\]\((?!https?:)[^)]*\)", r"\1", section)
            assert paragraph in words, code
        assert "**" not in rule["help"]["text"]
    # Every rule fails one of the broken sets, and each result names a rule of the log.
    assert {result["ruleId"] for result in run["results"]} == set(RULES)
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_the_help_is_read_from_the_rules_reference_packaged_with_the_views() -> None:
    packaged = Path(ev.__file__).parent / "_views" / "rules.md"
    assert packaged.read_bytes() == (ROOT / "docs" / "rules.md").read_bytes()


def test_sarif_uris_are_relative_and_percent_encoded(tmp_path: Path) -> None:
    folder = tmp_path / "Kadrey, et al #2"
    folder.mkdir()
    (folder / "50% done.yaml").write_text(ONE_UNKNOWN_KEY, encoding="utf-8")
    log = sarif_of(folder.name, cwd=tmp_path)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "Kadrey%2C%20et%20al%20%232/50%25%20done.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 6, "startColumn": 5}
    assert result["ruleId"] == "S002"
    assert result["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "$.actors[0]", "kind": "member"}]


def test_sarif_columns_count_code_points_as_the_log_says(tmp_path: Path) -> None:
    # GitHub counts UTF-16 code units unless told: two emoji before the key are four of those.
    line = '  - {id: p, kind: person, name: "\U0001f600\U0001f600", nmae: 1}'
    (tmp_path / "set.yaml").write_text(f"evidence: 2\nactors:\n{line}\n", encoding="utf-8")
    (run,) = sarif_of("set.yaml", cwd=tmp_path)["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == line.index("nmae") + 1


# -- JUnit XML --------------------------------------------------------------------------------


@pytest.mark.parametrize("example", BOTH)
def test_junit_has_a_case_per_record_file_and_a_failure_per_finding(example: str) -> None:
    out = check("--format", "junit", example, cwd=EXAMPLES)[1]
    findings = json_report(example, cwd=EXAMPLES)["findings"]
    root = ET.fromstring(out.encode("utf-8"))
    (suite,) = root.iter("testsuite")
    cases = suite.findall("testcase")
    files = sorted(str(path.relative_to(EXAMPLES)) for path in (EXAMPLES / example).glob("*.yaml"))
    assert [case.get("name") for case in cases] == files
    assert int(suite.get("tests", "")) == len(files)
    # A case fails once however many findings it holds: dashboards count passed = tests - failures.
    assert int(suite.get("failures", "")) == len({f["file"] for f in findings})
    assert int(suite.get("failures", "")) <= int(suite.get("tests", ""))
    got = [(case.get("file"), failure.get("type")) for case in cases for failure in case.findall("failure")]
    assert sorted(got) == sorted((f["file"], f["code"]) for f in findings)
    for case in cases:
        for failure in case.findall("failure"):
            assert failure.get("message", "").split(":")[0] in ("error", "warning", "info")


@pytest.mark.parametrize("example", BOTH)
def test_junitparser_reads_the_cases_and_failures(example: str, tmp_path: Path) -> None:
    junitparser = pytest.importorskip("junitparser", reason="junitparser is not installed: pip install junitparser")
    out = check("--format", "junit", example, cwd=EXAMPLES)[1]
    (tmp_path / "report.xml").write_text(out, encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(tmp_path / "report.xml"))
    findings = json_report(example, cwd=EXAMPLES)["findings"]
    by_file: dict[str, list[str]] = {}
    for finding in findings:
        by_file.setdefault(finding["file"], []).append(finding["code"])
    seen = {}
    for suite in xml:
        for case in suite:
            seen[case.name] = [result.type for result in case.result if isinstance(result, junitparser.Failure)]
            assert case.is_passed == (not seen[case.name])
    assert {name: codes for name, codes in seen.items() if codes} == by_file
    assert len(seen) == len(list((EXAMPLES / example).glob("*.yaml")))


def test_junit_holds_file_names_xml_cannot_hold_raw(tmp_path: Path) -> None:
    name = "bell\x07 & <tab>.yaml"
    (tmp_path / name).write_text(ONE_UNKNOWN_KEY, encoding="utf-8")
    out = check("--format", "junit", name, cwd=tmp_path)[1]
    case = ET.fromstring(out.encode("utf-8")).find("testsuite/testcase")
    assert case is not None
    assert case.get("name") == "bell\\x07 & <tab>.yaml"
    (failure,) = case.findall("failure")
    assert failure.get("type") == "S002"


# -- the JSON report and its schema ------------------------------------------------------------


@pytest.fixture(scope="module")
def report_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    code, out, _ = run_evidence("schema", "--report", cwd=tmp_path_factory.mktemp("schema"), timeout=60)
    assert code == 0
    schema: dict[str, Any] = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("example", BOTH)
def test_the_json_report_of_the_examples_follows_its_schema(example: str, report_schema: dict[str, Any]) -> None:
    report = json_report(example, cwd=EXAMPLES)
    jsonschema.Draft202012Validator(report_schema).validate(report)
    assert report["version"] == 1
    severities = [f["severity"] for f in report["findings"]]
    counts = (severities.count("error"), severities.count("warning"), severities.count("info"))
    assert (report["errors"], report["warnings"], report["notes"]) == counts
    assert report["notes"] > 0  # both examples have quotes with no stored text (Q004)


def test_the_report_schema_refuses_what_is_not_a_report(report_schema: dict[str, Any]) -> None:
    report = json_report(INVALID / "L002-bates-page-outside", cwd=ROOT)
    validator = jsonschema.Draft202012Validator(report_schema)
    validator.validate(report)
    assert not validator.is_valid({key: value for key, value in report.items() if key != "notes"})
    assert not validator.is_valid({**report, "version": 2})
    assert not validator.is_valid({**report, "findings": [{**report["findings"][0], "severity": "fatal"}]})


def test_the_api_report_is_the_json_report() -> None:
    report = ev.check(INVALID / "Q004-no-stored-text")
    data = report.as_dict()
    assert (data["version"], data["notes"]) == (1, len(report.notes)) == (1, 1)


# -- GitHub workflow commands, read back as the Actions runner does -----------------------------


def runner_read(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner parses it (ActionCommand.TryParseV2): the command up to
    the first space, properties split on `,` then on the first `=`, the message after the first
    `::`; `%25` is unescaped last."""
    assert line.startswith("::")
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2 :]
    command, _, listed = info.partition(" ")
    properties = {}
    for item in filter(None, listed.split(",")):
        key, value = item.split("=", 1)
        for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            value = value.replace(escaped, raw)
        properties[key] = value
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        data = data.replace(escaped, raw)
    return command, properties, data


NAMES = ["a%25b%.yaml", "Kadrey, et al.yaml", "x:y::z.yaml", "cr\rname.yaml", "lf\nname.yaml", "x=1,y=2.yaml"]


def test_github_annotations_name_every_file_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "records, 2%: Kadrey"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_text(ONE_UNKNOWN_KEY, encoding="utf-8")
    _, out = check("--format", "github", *[f"{folder.name}/{name}" for name in NAMES], cwd=tmp_path)
    lines = out.splitlines()  # a raw CR or LF would split a command here: there must be none
    assert len(lines) == len(NAMES)
    for name, line in zip(NAMES, lines, strict=True):
        command, properties, message = runner_read(line)
        assert command == "error"
        assert properties == {"file": f"{folder.name}/{name}", "line": "6", "col": "5", "title": "S002"}
        assert message.startswith("$.actors[0] unknown key 'nmae'")


def test_github_messages_keep_percent_and_line_breaks(tmp_path: Path) -> None:
    # An unknown key holding the escapes themselves and a line break: the message reads back whole.
    key = "odd%0A%25\r\nkey: 100%"
    (tmp_path / "set.json").write_text(
        json.dumps({"evidence": 2, "actors": [{"id": "pat", "kind": "person", "name": "Pat", key: 1}]}),
        encoding="utf-8",
    )
    text = check("--format", "text", "set.json", cwd=tmp_path)[1]
    _, out = check("--format", "github", "set.json", cwd=tmp_path)
    (line,) = out.splitlines()
    command, properties, message = runner_read(line)
    assert (command, properties["file"], properties["title"]) == ("error", "set.json", "S002")
    # The text format prints the same message after the code and the path.
    assert text.split(" S002 $.actors[0]: ", 1)[1].rstrip("\n") == message.split(" ", 1)[1]
    assert "100%" in message


def test_github_annotation_of_a_finding_with_no_file_has_no_empty_property(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _, out = check("--format", "github", "empty", cwd=tmp_path)
    command, properties, message = runner_read(out.splitlines()[0])
    assert command == "error"
    assert "" not in properties
    assert "no record files" in message


# -- every format exits as the text does --------------------------------------------------------


@pytest.mark.parametrize("format", ["text", "json", "github", "sarif", "junit"])
def test_every_format_exits_as_the_check_says(format: str) -> None:
    assert check("--format", format, "kadrey-v-meta", cwd=EXAMPLES)[0] == 0  # warnings and notes only
    assert check("--format", format, "L002-bates-page-outside", cwd=INVALID)[0] == 1  # an error
    assert check("--format", format, "--strict", "Y001-source-without-title", cwd=INVALID)[0] == 1


def test_junit_puts_findings_of_no_file_in_a_case_of_the_suite(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = check("--format", "junit", "empty", cwd=tmp_path)[1]
    (case,) = ET.fromstring(out.encode("utf-8")).iter("testcase")
    assert case.get("name") == "empty"  # the folder the finding names
    (failure,) = case.findall("failure")
    assert failure.get("type") == "S001"
    assert "no record files" in failure.get("message", "")
