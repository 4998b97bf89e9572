"""Both examples' reports opened in a real browser (Debian's Chromium, driven by selenium through
its chromedriver), one from a web server and one from the file system: what a reader sees, does
and copies, and an accessibility scan with axe-core. Screenshots go to $EVIDENCE_SCREENSHOTS."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import evidence as ev
from tests.conftest import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
AXE = ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
try:
    import selenium  # noqa: F401

    SELENIUM = True
except ImportError:
    SELENIUM = False
MISSING = [
    what
    for what, there in [
        ("chromium (Debian package chromium)", CHROMIUM),
        ("chromedriver (Debian package chromium-driver)", DRIVER),
        ("selenium (the test extra)", SELENIUM),
        ("axe-core (npm ci --prefix .ci/node)", AXE.is_file()),
    ]
    if not there
]
pytestmark = pytest.mark.skipif(bool(MISSING), reason="no browser to test in: missing " + ", ".join(MISSING))

DESKTOP, PHONE = (1280, 900), (390, 844)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both examples' reports, and one of a copy of Kadrey whose stored text was altered."""
    folder = tmp_path_factory.mktemp("reports")
    for name in ("kadrey-v-meta", "thomson-reuters-v-ross"):
        ev.write_report(ev.load(EXAMPLES / name), folder / name, root=EXAMPLES / name)
    copy = tmp_path_factory.mktemp("altered") / "kadrey"
    shutil.copytree(EXAMPLES / "kadrey-v-meta", copy)
    source = next(s for s in ev.load(copy).sources if s.text_file and s.digest)
    stored = copy / str(source.text_file)
    stored.write_text(stored.read_text(encoding="utf-8") + "\nA line added after the digest was taken.\n", "utf-8")
    ev.write_report(ev.load(copy), folder / "altered", root=copy)
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(sites: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(sites))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_window_size(*DESKTOP)
    yield driver
    driver.quit()


def urls(sites: Path, server: str) -> dict[str, str]:
    """Where each report is opened: Kadrey from the web server, the others from the file system."""
    return {
        "kadrey-v-meta": f"{server}/kadrey-v-meta",
        "thomson-reuters-v-ross": (sites / "thomson-reuters-v-ross").as_uri(),
        "altered": (sites / "altered").as_uri(),
    }


def errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_every_page_of_both_reports_opens_without_a_console_error(browser: Any, sites: Path, server: str) -> None:
    for name, base in urls(sites, server).items():
        files = json.loads((sites / name / "evidence-report.json").read_text(encoding="utf-8"))["files"]
        pages = [page for page in files if page.endswith(".html")]
        for page in pages:
            browser.get(f"{base}/{page}")
            assert browser.find_element("css selector", "h1").is_displayed(), page
            assert errors(browser) == [], f"{name}/{page}"
        assert len(pages) >= 8


def test_clicking_a_claims_evidence_scrolls_to_the_passage_highlighted_in_its_source(
    browser: Any, sites: Path, server: str
) -> None:
    for name in ("kadrey-v-meta", "thomson-reuters-v-ross"):
        browser.get(f"{urls(sites, server)[name]}/claims.html")
        links = browser.find_elements("css selector", "a.evidence")
        link = links[len(links) // 2]
        expected = link.get_attribute("href").rpartition("#")[2]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        target = browser.execute_script(
            "const t = document.querySelector(':target'); if (!t) return null; const r = t.getBoundingClientRect();"
            "return {id: t.id, tag: t.tagName, cls: t.className, top: r.top, bottom: r.bottom, height: innerHeight,"
            " background: getComputedStyle(t).backgroundColor};"
        )
        assert target is not None, name
        assert (target["id"], target["tag"], target["cls"]) == (expected, "MARK", "passage")
        assert -1 <= target["top"] < target["height"], target  # in the viewport (to a sub-pixel), not below it
        assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted


def test_the_marks_of_values_not_confirmed_are_visible_in_words(browser: Any, sites: Path, server: str) -> None:
    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/claims.html")
    for level in ("likely", "unverified"):
        badges = [b for b in browser.find_elements("css selector", f".badge-{level}") if b.is_displayed()]
        assert badges and all(badge.text == level for badge in badges)
    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/citations.html")
    marked = browser.find_element("css selector", ".cite .mark-unverified")
    after = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", marked)
    assert after == '" [unverified]"'


def test_the_copy_button_copies_the_citation_with_its_marks(browser: Any, sites: Path, server: str) -> None:
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/citations.html")
    buttons = [
        b
        for b in browser.find_elements("css selector", "button.copy")
        if "[unverified]" in b.get_attribute("data-copy")
    ]
    button = buttons[0]
    assert button.is_displayed()  # the script shows it; without the script it stays hidden
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    pasted = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, (e) => done('refused: ' + e));"
    )
    assert pasted == button.get_attribute("data-copy")
    assert button.text == "Copied"


def test_an_altered_stored_text_opens_with_its_warning_in_red(browser: Any, sites: Path, server: str) -> None:
    altered = sites / "altered"
    page = next(p.name for p in altered.glob("source-*.html") if 'class="altered"' in p.read_text("utf-8"))
    browser.get(f"{urls(sites, server)['altered']}/{page}")
    warning = browser.find_element("css selector", ".altered")
    assert warning.is_displayed() and "This text has been altered." in warning.text
    assert warning.value_of_css_property("color") == "rgba(155, 16, 16, 1)"
    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/{page}")
    assert browser.find_elements("css selector", ".altered") == []


def test_the_filters_hide_what_does_not_match(browser: Any, sites: Path, server: str) -> None:
    from selenium.webdriver.support.select import Select

    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/claims.html")
    Select(browser.find_element("css selector", "form.filters select[name=mark]")).select_by_value("unverified")
    claims = browser.find_elements("css selector", "article.claim")
    shown = [claim.get_attribute("data-mark") for claim in claims if claim.is_displayed()]
    assert shown and set(shown) == {"unverified"}
    assert len(shown) < len(claims)
    Select(browser.find_element("css selector", "form.filters select[name=mark]")).select_by_value("")
    assert all(claim.is_displayed() for claim in claims)


def test_the_first_tab_stop_is_the_skip_link(browser: Any, sites: Path, server: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{urls(sites, server)['kadrey-v-meta']}/index.html")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.is_displayed()
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(
    browser: Any, sites: Path, server: str, size: tuple[int, int]
) -> None:
    axe = AXE.read_text(encoding="utf-8")
    browser.set_window_size(*size)
    found = {}
    try:
        for name in ("kadrey-v-meta", "thomson-reuters-v-ross"):
            sources = sorted(p.name for p in (sites / name).glob("source-*.html"))
            for page in ["index.html", "claims.html", "sources.html", sources[0], "messages.html", "trace.html",
                         "timeline.html", "cast.html", "citations.html"]:  # fmt: skip
                browser.get(f"{urls(sites, server)[name]}/{page}")
                browser.execute_script(axe)
                result = browser.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document).then((r) => done(r.violations), (e) => done([{id: 'axe failed: ' + e,"
                    " impact: 'critical', nodes: []}]));"
                )
                bad = [v for v in result if v["impact"] in ("serious", "critical")]
                if bad:
                    found[f"{name}/{page}"] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in bad]
    finally:
        browser.set_window_size(*DESKTOP)
    assert found == {}


def test_screenshots_of_the_overview_and_a_source_page_at_desktop_and_phone_width(
    browser: Any, sites: Path, server: str
) -> None:
    folder = Path(os.environ.get("EVIDENCE_SCREENSHOTS") or ROOT / "test-artifacts" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    source = sorted(p.name for p in (sites / "kadrey-v-meta").glob("source-*.html"))[0]
    try:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            browser.set_window_size(*size)
            for page in ("index.html", source):
                browser.get(f"{urls(sites, server)['kadrey-v-meta']}/{page}")
                width = browser.execute_script("return document.documentElement.scrollWidth")
                assert width <= browser.execute_script("return innerWidth"), f"{page} scrolls sideways at {label} width"
                path = folder / f"kadrey-{page.removesuffix('.html')}-{label}.png"
                assert browser.save_screenshot(str(path))
                assert path.stat().st_size > 10_000
    finally:
        browser.set_window_size(*DESKTOP)
