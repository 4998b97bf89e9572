"""The pytest plugin: record sets collected as tests, run in a pytester project of their own."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import EXAMPLES

pytest_plugins = ["pytester"]

BROKEN = """\
evidence: 1
actors:
  - id: meta
    name: Meta Platforms, Inc.
    kind: organization
    descripton: Defendant; maker of the Llama models.
"""

DANGLING = """\
evidence: 1
filings:
  - id: ecf-391
    case: kadrey-v-meta
    ecf: 391
    kind: declaration
"""


@pytest.fixture(autouse=True)
def _autoload(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin is found through its entry point, as in a user's project."""
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)


@pytest.fixture
def kadrey(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project whose `records` folder is the Kadrey example, named in evidence_paths."""
    shutil.copytree(EXAMPLES / "kadrey-v-meta", pytester.path / "records")
    pytester.makeini("[pytest]\nevidence_paths = records\n")
    return pytester


def test_a_clean_record_set_passes(kadrey: pytest.Pytester) -> None:
    result = kadrey.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["records::evidence PASSED*"])


def test_a_folder_is_one_item_and_its_files_are_not_collected_again(kadrey: pytest.Pytester) -> None:
    # A file matching the glob inside a folder of evidence_paths belongs to the folder's record set.
    (kadrey.path / "records" / "extra.evidence.yaml").write_text("evidence: 1\n", encoding="utf-8")
    result = kadrey.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["records::evidence", "*1 test collected*"])


def test_record_sets_sit_beside_ordinary_tests(kadrey: pytest.Pytester) -> None:
    kadrey.makepyfile(test_plain="def test_plain():\n    assert True\n")
    kadrey.path.joinpath("broken.evidence.yaml").write_text(BROKEN, encoding="utf-8")
    result = kadrey.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    assert kadrey.runpytest("-m", "not evidence").parseoutcomes() == {"passed": 1, "deselected": 2}


def test_a_misspelt_key_fails_with_the_finding_and_no_traceback(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("broken.evidence.yaml").write_text(BROKEN, encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ evidence check broken.evidence.yaml _*",
            "broken.evidence.yaml:6:5: S002 $.actors[0]: unknown key 'descripton' (did you mean 'description'?)",
            "0 records checked: 1 error, 0 warnings, 0 notes",
            "FAILED broken.evidence.yaml::evidence - broken.evidence.yaml:6:5: S002*",
        ]
    )
    output = result.stdout.str()
    assert "Traceback" not in output
    assert "CheckFailed" not in output
    assert "_plugin.py" not in output
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_dangling_reference_fails(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("dangling.evidence.yaml").write_text(DANGLING, encoding="utf-8")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["dangling.evidence.yaml:4:11: R001 $.filings[0].case: no case has the id 'kadrey-v-meta'"]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_dangling_reference_across_files_of_a_folder(kadrey: pytest.Pytester) -> None:
    # The folder is one record set: an id defined in actors.yaml is missing from messages.yaml's view.
    messages = kadrey.path / "records" / "messages.yaml"
    text = messages.read_text(encoding="utf-8")
    messages.write_text(text.replace("- hugo-touvron", "- hugo-tuvron", 1), encoding="utf-8")
    result = kadrey.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "records/messages.yaml:7:9: R001 $.messages[0].recipients[0]: no actor has the id 'hugo-tuvron' (hint: did you mean 'hugo-touvron'?)"
        ]
    )


def test_findings_are_shown_relative_to_where_pytest_runs(kadrey: pytest.Pytester) -> None:
    (kadrey.path / "records" / "sources.yaml").write_text(BROKEN, encoding="utf-8")
    result = kadrey.runpytest(kadrey.path / "records")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["records/sources.yaml:6:5: S002 *"])


def test_warnings_fail_only_with_evidence_strict(kadrey: pytest.Pytester) -> None:
    # The Kadrey example has two Y001 warnings (sources without a title) and ten Y002 (values
    # a citation would print unmarked).
    kadrey.runpytest().assert_outcomes(passed=1)
    kadrey.makeini("[pytest]\nevidence_paths = records\nevidence_strict = true\n")
    result = kadrey.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "records/sources.yaml:20:5: Y001 $.sources[1]: a citation of this source needs title, published",
            "records/sources.yaml:49:5: Y001 $.sources[3]: a citation of this source needs title, published, publication or publisher",
            "70 records checked: 0 errors, 12 warnings, 12 notes (evidence_strict: warnings fail)",
        ]
    )
    assert "Q004" not in result.stdout.str()  # notes never fail, and are not listed


def test_select_and_ignore(kadrey: pytest.Pytester) -> None:
    kadrey.makeini("[pytest]\nevidence_paths = records\nevidence_strict = true\nevidence_ignore = Y\n")
    kadrey.runpytest().assert_outcomes(passed=1)
    kadrey.makeini("[pytest]\nevidence_paths = records\nevidence_strict = true\nevidence_select = R, Q\n")
    kadrey.runpytest().assert_outcomes(passed=1)


def test_the_glob_is_configurable(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("broken.evidence.yaml").write_text(BROKEN, encoding="utf-8")
    pytester.path.joinpath("case.evidence.json").write_text('{"evidence": 1, "cases": [{"id": "x"}]}', encoding="utf-8")
    pytester.path.joinpath("plain.yaml").write_text(BROKEN, encoding="utf-8")
    pytester.makeini("[pytest]\nevidence_glob = *.evidence.json\n")
    result = pytester.runpytest("-v")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["case.evidence.json::evidence FAILED*", "case.evidence.json:*: S004 *"])
    pytester.makeini("[pytest]\nevidence_glob = *.evidence.yaml *.evidence.json\n")
    pytester.runpytest().assert_outcomes(failed=2)


def test_nothing_is_collected_without_record_files(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("config.yaml").write_text("not: [a record file\n", encoding="utf-8")
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    pytester.runpytest().assert_outcomes(passed=1)


def test_a_missing_folder_in_evidence_paths_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nevidence_paths = records\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*evidence_paths: no such folder: *records"])


def test_a_folder_is_collected_only_where_collection_reaches(kadrey: pytest.Pytester) -> None:
    kadrey.mkdir("unit").joinpath("test_unit.py").write_text("def test_unit():\n    pass\n", encoding="utf-8")
    kadrey.makeini("[pytest]\ntestpaths = unit\nevidence_paths = records\n")
    kadrey.runpytest().assert_outcomes(passed=1)  # only unit/
    kadrey.runpytest("records").assert_outcomes(passed=1)  # the record set
    kadrey.makeini("[pytest]\ntestpaths = unit records\nevidence_paths = records\n")
    kadrey.runpytest().assert_outcomes(passed=2)


def test_the_plugin_can_be_disabled(kadrey: pytest.Pytester) -> None:
    kadrey.makeini("[pytest]\n")  # evidence_paths would be an unknown ini key without the plugin
    kadrey.path.joinpath("broken.evidence.yaml").write_text(BROKEN, encoding="utf-8")
    result = kadrey.runpytest("-p", "no:evidence")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
