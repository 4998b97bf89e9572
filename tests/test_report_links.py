"""Every page of both examples' reports, read without a browser: well-formed, one h1, a language,
every internal link resolves to a page and an id in it, and nothing is loaded from the network."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import evidence as ev
from tests.conftest import EXAMPLES
from tests.report_html import read_page

EXAMPLE_SETS = ["kadrey-v-meta", "thomson-reuters-v-ross"]


@pytest.fixture(scope="module", params=EXAMPLE_SETS)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(request.param) / "site"
    ev.write_report(ev.load(EXAMPLES / request.param), folder, root=EXAMPLES / request.param)
    return folder


def pages(site: Path) -> list[Path]:
    files = json.loads((site / "evidence-report.json").read_text(encoding="utf-8"))["files"]
    return [site / name for name in files if name.endswith(".html")]


def test_every_page_is_well_formed_with_one_h1_and_a_language(site: Path) -> None:
    for page in pages(site):
        tree = read_page(page)
        assert len(tree.all("h1")) == 1, page.name
        assert tree.one("html").get("lang") == "en", page.name
        ids = [element.get("id") for element in tree.walk() if element.get("id")]
        assert len(ids) == len(set(ids)), f"{page.name}: an id twice"


def test_every_internal_link_resolves_to_a_page_and_an_id_in_it(site: Path) -> None:
    ids = {page.name: {e.get("id") for e in read_page(page).walk() if e.get("id")} for page in pages(site)}
    checked = 0
    for page in pages(site):
        for link in read_page(page).all("a"):
            href = link.get("href") or ""
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # a link out (a source's address) is followed by the reader, not loaded
            target = unquote(parts.path) or page.name
            assert (site / target).is_file(), f"{page.name}: {href} names no file"
            if parts.fragment and target.endswith(".html"):
                assert unquote(parts.fragment) in ids[target], f"{page.name}: {href} names no id there"
            checked += 1
    assert checked > 50


def test_nothing_is_loaded_from_the_network(site: Path) -> None:
    for page in pages(site):
        tree = read_page(page)
        for element in tree.walk():
            for name in ("src", "srcset", "data", "poster") + (("href",) if element.tag != "a" else ()):
                value = element.get(name) or ""
                assert not re.match(r"(?i)(https?:)?//", value), f"{page.name}: <{element.tag} {name}={value}>"
    style = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"fetch\(|XMLHttpRequest|https?://", (site / "assets" / "site.js").read_text(encoding="utf-8"))
