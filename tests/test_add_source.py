"""`evidence add source` and `evidence.add_source`: a saved page (real trafilatura), a PDF made
here (real pypdf) and a text file become a stored text and a Source record; what a file says of
itself is `likely`, what it does not say is absent, and a refusal writes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

import evidence as ev
from evidence._cli import main
from tests.conftest import ROOT
from tests.pdfs import locked, pdf

WEB = ROOT / "tests" / "data" / "web"
trafilatura = pytest.importorskip("trafilatura", reason="pages are read by trafilatura (the web extra)")
pypdf = pytest.importorskip("pypdf", reason="PDFs are read by pypdf (the web extra)")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_news_page_becomes_a_source_with_its_metadata_marked_likely(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    records = tmp_path / "records.yaml"
    code, out, err = run(
        capsys, "add", "source", str(WEB / "ledger-acme-sued.html"), str(records), "--id", "ledger-acme-sued"
    )
    assert (code, err) == (0, "")
    assert out == (
        f"added source 'ledger-acme-sued' (web_page) to {records}; its text is in sources/ledger-acme-sued.txt\n"
        "read from the file, marked likely: title, authors, publication, published, url, language\n"
    )
    source = ev.load(records).get("ledger-acme-sued", ev.Source)
    # What the page's head says of it (see tests/data/web/ledger-acme-sued.html).
    assert source.title == "Acme Widget Co. sued over gear patents"
    assert source.authors == ("Dana Quill",)
    assert source.publication == "The Millbrook Ledger"
    assert str(source.published) == "2024-03-05"
    assert source.url == "https://ledger.example/2024/03/05/acme-widget-sued"
    assert source.language == "en"  # <html lang="en">
    assert source.kind is ev.SourceKind.WEB_PAGE
    marks = dict(source.field_confidence)
    fields = ["title", "authors", "publication", "published", "url", "language"]
    assert marks == dict.fromkeys(fields, ev.Confidence.LIKELY)
    assert source.confidence is ev.Confidence.UNVERIFIED
    # The main text, without the navigation and the footer; its digest is the file's.
    stored = (tmp_path / "sources" / "ledger-acme-sued.txt").read_bytes()
    assert source.text_file == "sources/ledger-acme-sued.txt"
    assert str(source.digest) == f"sha256:{hashlib.sha256(stored).hexdigest()}"
    text = stored.decode("utf-8")
    assert "Zephyr Gearworks, which says Acme’s new sprocket copies three of its patents." in text
    assert "Home" not in text and "©" not in text
    report = ev.check(records)
    assert [f for f in report.findings if f.severity is ev.Severity.ERROR] == []


def test_retrieved_is_now_in_utc_unless_given(tmp_path: Path) -> None:
    import datetime as dt

    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    source = ev.add_source(WEB / "bare.html", tmp_path / "records.yaml")
    after = dt.datetime.now(dt.UTC)
    retrieved = str(source.retrieved)
    assert retrieved.endswith("Z")
    assert before <= dt.datetime.fromisoformat(retrieved) <= after
    given = ev.add_source(WEB / "bare.html", tmp_path / "records.yaml", id="bare-again", retrieved="2025-02-01")
    assert str(given.retrieved) == "2025-02-01"


def test_a_page_that_says_nothing_of_itself_gives_no_values(tmp_path: Path) -> None:
    source = ev.add_source(WEB / "bare.html", tmp_path / "records.yaml", retrieved="2025-02-01")
    assert source.id == "bare"  # the file's name
    assert source.title is None and source.authors == () and source.publication is None
    assert source.published is None and source.url is None
    assert dict(source.field_confidence) == {}
    assert "quietest gear" in (tmp_path / "sources" / "bare.txt").read_text(encoding="utf-8")


def test_two_authors_and_values_given_win_over_the_page_and_are_not_marked(tmp_path: Path) -> None:
    source = ev.add_source(
        WEB / "ledger-two-authors.html",
        tmp_path / "records.yaml",
        kind="news_article",
        title="Gearworks Feud Heads to Trial",
        language="en",
        retrieved="2025-01-15",
    )
    assert source.authors == ("Dana Quill", "Ravi Okonkwo-Lind")
    assert source.kind is ev.SourceKind.NEWS_ARTICLE
    assert source.title == "Gearworks Feud Heads to Trial"
    assert source.url is None  # the page names no canonical address
    assert source.language == "en"  # given, as the page also says
    assert dict(source.field_confidence) == dict.fromkeys(["authors", "publication", "published"], ev.Confidence.LIKELY)


@pytest.mark.parametrize(("declared", "recorded"), [("pt-BR", "pt-BR"), ("en_US", None), ("", None), ("  de ", "de")])
def test_the_declared_language_is_kept_only_when_it_is_a_language_tag(
    tmp_path: Path, declared: str, recorded: str | None
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f'<html lang="{declared}"><body><article><p>A gear fair in Millbrook drew three exhibitors and no '
        "lawsuits this year, the organizers said on Sunday.</p></article></body></html>",
        encoding="utf-8",
    )
    source = ev.add_source(page, tmp_path / "records.yaml", retrieved="2025-02-01")
    assert source.language == recorded
    assert ("language" in source.field_confidence) == (recorded is not None)


def test_a_folder_gets_its_sources_yaml_and_ids_are_new_across_it(tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_text(
        "evidence: 2\nclaims:\n  - id: bare\n    statement: An id the folder uses already.\n    status: reported\n",
        encoding="utf-8",
    )
    with pytest.raises(ev.UsageError, match=r"id 'bare' is already used in .*claims\.yaml; choose another id"):
        ev.add_source(WEB / "bare.html", tmp_path)
    assert files_under(tmp_path) == {"claims.yaml": (tmp_path / "claims.yaml").read_bytes()}
    ev.add_source(WEB / "bare.html", tmp_path, id="fair-notes", retrieved="2025-02-01")
    assert ev.load(tmp_path / "sources.yaml").get("fair-notes", ev.Source).text_file == "sources/fair-notes.txt"
    assert (tmp_path / "sources" / "fair-notes.txt").is_file()


def test_a_duplicate_id_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    records = tmp_path / "records.yaml"
    assert run(capsys, "add", "source", str(WEB / "bare.html"), str(records), "--retrieved", "2025-02-01")[0] == 0
    before = files_under(tmp_path)
    code, out, err = run(capsys, "add", "source", str(WEB / "ledger-acme-sued.html"), str(records), "--id", "bare")
    assert (code, out) == (2, "")
    assert err == f"evidence: error: id 'bare' is already used in {records}; choose another id\n"
    assert files_under(tmp_path) == before


def test_an_id_another_file_of_the_named_files_folder_holds_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    claims = tmp_path / "claims" / "claims.yaml"
    claims.parent.mkdir()
    claims.write_text(
        "evidence: 2\nclaims:\n  - id: bare\n    statement: An id the set uses already.\n    status: reported\n",
        encoding="utf-8",
    )
    records = tmp_path / "records.yaml"
    before = files_under(tmp_path)
    code, out, err = run(capsys, "add", "source", str(WEB / "bare.html"), str(records), "--retrieved", "2025-02-01")
    assert (code, out) == (2, "")
    assert err == f"evidence: error: id 'bare' is already used in {claims}; choose another id\n"
    assert files_under(tmp_path) == before
    assert run(capsys, "add", "source", str(WEB / "bare.html"), str(records), "--id", "bare-page")[0] == 0
    assert sorted(r.id for r in ev.load(tmp_path)) == ["bare", "bare-page"]


def test_a_source_added_to_a_file_in_a_subfolder_names_its_text_from_that_file(tmp_path: Path) -> None:
    records = tmp_path / "set" / "news" / "sources.yaml"
    source = ev.add_source(WEB / "bare.html", records, retrieved="2025-02-01")
    assert source.text_file == "sources/bare.txt"
    assert (records.parent / "sources" / "bare.txt").is_file()
    whole = ev.load(tmp_path / "set")
    assert whole.base_folder("bare") == records.parent
    assert [f for f in ev.check(tmp_path / "set").findings if f.code.startswith("I")] == []


def test_a_stored_text_of_that_name_with_other_content_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bare.txt").write_text("someone else's text\n", encoding="utf-8")
    before = files_under(tmp_path)
    with pytest.raises(ev.UsageError, match=r"bare\.txt exists and holds another text; it is never overwritten"):
        ev.add_source(WEB / "bare.html", tmp_path / "records.yaml")
    assert files_under(tmp_path) == before


def test_a_pdf_keeps_its_pages_apart_with_form_feeds(tmp_path: Path) -> None:
    pages = ["ORDER GRANTING MOTION\nThe motion of Acme Widget Co. is granted.", "IT IS SO ORDERED.\nDated: May 2"]
    (tmp_path / "order.pdf").write_bytes(pdf(pages))
    source = ev.add_source(tmp_path / "order.pdf", tmp_path / "records.yaml", kind="court_document")
    text = (tmp_path / "sources" / "order.txt").read_text(encoding="utf-8")
    first, second = text.split("\f")  # pypdf ends each page's last line with a line break
    assert (first.rstrip("\n"), second.rstrip("\n")) == (pages[0], pages[1])
    assert source.title is None and dict(source.field_confidence) == {}  # a PDF's own metadata is not read
    assert ev.load(tmp_path / "records.yaml").get("order", ev.Source).kind is ev.SourceKind.COURT_DOCUMENT


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "scan.pdf",
            lambda: pdf([None, None]),
            "the PDF has no text layer (a scanned document?); evidence does no OCR",
        ),
        ("locked.pdf", lambda: locked(pdf(["Sealed."])), "the PDF is encrypted; save a copy without a password"),
        ("broken.pdf", lambda: pdf(["Cut short."])[:80], "cannot read this PDF"),
        (
            "latin1.txt",
            lambda: "Café de la Gare\n".encode("latin-1"),
            "not UTF-8 text (byte 3 cannot be read as UTF-8)",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, make: object, message: str
) -> None:
    file = tmp_path / "in" / name
    file.parent.mkdir()
    file.write_bytes(make())  # type: ignore[operator]
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    code, out, err = run(capsys, "add", "source", str(file), str(out_folder), "--kind", "court_document")
    assert (code, out) == (2, "")
    assert err.startswith(f"evidence: error: {file}: {message}")
    assert files_under(out_folder) == {}


def test_a_pdf_or_a_text_needs_its_kind(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "order.pdf").write_bytes(pdf(["Granted."]))
    code, _, err = run(capsys, "add", "source", str(tmp_path / "order.pdf"), str(tmp_path / "r.yaml"))
    assert code == 2
    assert err.startswith("evidence: error: say what sort of work this PDF is: pass --kind (news_article, web_page,")
    assert not (tmp_path / "r.yaml").exists() and not (tmp_path / "sources").exists()


def test_a_text_file_is_stored_as_it_is(tmp_path: Path) -> None:
    data = "Line one, with a café.\r\nLine two…\n".encode()
    (tmp_path / "notes.txt").write_bytes(data)
    source = ev.add_source(tmp_path / "notes.txt", tmp_path / "set" / "records.json", kind="other")
    assert (tmp_path / "set" / "sources" / "notes.txt").read_bytes() == data
    assert str(source.digest) == f"sha256:{hashlib.sha256(data).hexdigest()}"
    assert ev.load(tmp_path / "set" / "records.json").get("notes", ev.Source) == source


def test_a_record_file_with_comments_is_not_rewritten(tmp_path: Path) -> None:
    records = tmp_path / "records.yaml"
    records.write_text("# kept by hand\nevidence: 2\n", encoding="utf-8")
    with pytest.raises(ev.UsageError, match="has comments, which writing it back would lose"):
        ev.add_source(WEB / "bare.html", records)
    assert files_under(tmp_path) == {"records.yaml": b"# kept by hand\nevidence: 2\n"}


def test_a_missing_extra_says_which_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)
    with pytest.raises(ev.UsageError, match=r"reading this file needs trafilatura: pip install 'evidence\[web\]'"):
        ev.add_source(WEB / "bare.html", tmp_path / "records.yaml")
    monkeypatch.setitem(__import__("sys").modules, "pypdf", None)
    (tmp_path / "a.pdf").write_bytes(pdf(["x"]))
    with pytest.raises(ev.UsageError, match=r"needs pypdf: pip install 'evidence\[web\]'"):
        ev.add_source(tmp_path / "a.pdf", tmp_path / "records.yaml", kind="other")


def test_the_added_set_copies_and_checks_clean(tmp_path: Path) -> None:
    # The stored text travels with its record file: a copy of the folder checks the same.
    ev.add_source(WEB / "ledger-acme-sued.html", tmp_path / "set", id="acme", retrieved="2024-03-06")
    shutil.copytree(tmp_path / "set", tmp_path / "copy")
    report = ev.check(tmp_path / "copy")
    assert [f.code for f in report.findings if f.severity is ev.Severity.ERROR] == []


def test_the_core_imports_without_the_web_extra() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "for name in ('trafilatura', 'pypdf'): sys.modules[name] = None\n"  # as if not installed
        "import evidence\n"
        "assert evidence.load('examples/kadrey-v-meta')\n"
        "assert not [m for m, v in sys.modules.items() if v and m.startswith(('trafilatura', 'pypdf', 'lxml'))]\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_text_file_is_text_even_when_it_holds_html(tmp_path: Path) -> None:
    markup = "<html><body><p>A page's source, kept as source.</p></body></html>\n"
    (tmp_path / "source.txt").write_text(markup, encoding="utf-8")
    ev.add_source(tmp_path / "source.txt", tmp_path / "records.yaml", kind="other")
    assert (tmp_path / "sources" / "source.txt").read_text(encoding="utf-8") == markup


def test_the_command_names_the_record_file_of_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "new-set"
    code, out, _ = run(capsys, "add", "source", str(WEB / "bare.html"), str(folder), "--retrieved", "2025-02-01")
    assert code == 0
    assert out == f"added source 'bare' (web_page) to {folder / 'sources.yaml'}; its text is in sources/bare.txt\n"
    assert sorted(files_under(folder)) == ["sources.yaml", "sources/bare.txt"]


def test_a_page_is_read_offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import socket

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the network was asked for")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    source = ev.add_source(WEB / "ledger-acme-sued.html", tmp_path / "records.yaml", retrieved="2024-03-06")
    assert source.url == "https://ledger.example/2024/03/05/acme-widget-sued"


def test_a_record_file_that_cannot_be_written_takes_its_new_text_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    replace = os.replace

    def full_disk(source: str, target: str) -> None:
        if str(target).endswith("records.yaml"):
            raise OSError(28, "No space left on device", str(target))
        replace(source, target)

    monkeypatch.setattr(os, "replace", full_disk)
    code, out, err = run(capsys, "add", "source", str(WEB / "bare.html"), str(tmp_path / "records.yaml"))
    assert (code, out) == (2, "")
    assert err == f"evidence: error: No space left on device: {tmp_path / 'records.yaml'}\n"
    assert files_under(tmp_path) == {}
    assert list(tmp_path.iterdir()) == []  # nor the folder made for the text
