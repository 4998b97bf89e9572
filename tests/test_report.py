"""`evidence report`: the site is built from both examples, lists what it wrote, replaces an
earlier report whole and never writes over a folder of the user's."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

import evidence as ev
from tests.conftest import EXAMPLES, run_evidence

evidence = functools.partial(run_evidence, timeout=120)
EXAMPLE_SETS = ["kadrey-v-meta", "thomson-reuters-v-ross"]


@pytest.mark.parametrize("example", EXAMPLE_SETS)
def test_the_site_of_each_example_lists_every_file_it_wrote(example: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    ran = evidence("report", str(EXAMPLES / example), "-o", str(site), cwd=tmp_path)
    assert ran.code == 0, ran.err
    assert f"open {site / 'index.html'}" in ran.out
    manifest = json.loads((site / "evidence-report.json").read_text(encoding="utf-8"))
    on_disk = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    assert on_disk == sorted([*manifest["files"], "evidence-report.json"])
    assert {"index.html", "assets/style.css", "assets/site.js"} <= set(manifest["files"])


def test_the_overview_names_the_case_its_court_and_its_decisions_with_their_citations(tmp_path: Path) -> None:
    records = ev.load(EXAMPLES / "thomson-reuters-v-ross")
    ev.write_report(records, tmp_path / "site")
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for case in records.cases:
        assert f'id="r-{case.id}"' in page
        assert records.court_of(case).name in page
    for decision in records.decisions:
        cited = ev.cite(decision, records=records, markup="html", marks=True)
        assert cited in page, decision.id


def test_an_earlier_report_is_replaced_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    ev.write_report(ev.load(EXAMPLES / "thomson-reuters-v-ross"), site, style="apa")
    stale = site / "assets" / "old.css"
    manifest = json.loads((site / "evidence-report.json").read_text(encoding="utf-8"))
    manifest["files"].append("assets/old.css")
    (site / "evidence-report.json").write_text(json.dumps(manifest), encoding="utf-8")
    stale.write_text("/* from an earlier build */", encoding="utf-8")
    ran = evidence("report", str(EXAMPLES / "kadrey-v-meta"), "-o", str(site), cwd=tmp_path)
    assert ran.code == 0, ran.err
    assert not stale.exists()
    assert "Kadrey" in (site / "index.html").read_text(encoding="utf-8")
    assert json.loads((site / "evidence-report.json").read_text(encoding="utf-8"))["style"] == "bluebook"


def test_a_folder_holding_the_users_files_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "draft.md").write_text("mine", encoding="utf-8")
    ran = evidence("report", str(EXAMPLES / "kadrey-v-meta"), "-o", str(folder), cwd=tmp_path)
    assert ran.code == 2
    assert f"{folder} holds 'draft.md', which is not part of an earlier report" in ran.err
    assert [p.name for p in folder.iterdir()] == ["draft.md"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".notes.evidence-")]


def test_a_style_the_report_cannot_cite_in_is_named(tmp_path: Path) -> None:
    with pytest.raises(ev.UsageError, match="style= is 'ecf'; a report cites in bluebook, apa or chicago"):
        ev.write_report(ev.load(EXAMPLES / "kadrey-v-meta"), tmp_path / "site", style="ecf")
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_a_site_inside_the_record_sets_folder_is_refused(tmp_path: Path) -> None:
    # The site's own files would be read as records the next time the folder is loaded.
    records = tmp_path / "records"
    shutil.copytree(EXAMPLES / "kadrey-v-meta", records)
    ran = evidence("report", str(records), "-o", str(records / "site"), cwd=tmp_path)
    assert ran.code == 2
    assert f"-o {records / 'site'} is inside the record set's folder {records}: name a folder outside it" in ran.err
    assert not (records / "site").exists()
    assert evidence("check", str(records), cwd=tmp_path).code == 0
