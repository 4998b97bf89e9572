"""A document's text and what it says about itself: a saved web page (trafilatura), a PDF
(pypdf), plain text. Offline, from the file's bytes; a value the file does not give is absent.

A PDF's pages are joined with a form feed (`\\f`) after every page but the last, so that the page
of a position is the number of form feeds before it, plus one.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

import attrs

from evidence._errors import UsageError
from evidence._model import PAGE_BREAK, language_complaint

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_PDF_SUFFIXES = (".pdf",)
_TEXT_SUFFIXES = (".txt", ".text", ".md")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen(kw_only=True)
class Document:
    """A document's text, what sort of file it was, and the metadata it gives (record fields)."""

    text: str
    form: str  # html, pdf or text
    metadata: dict[str, Any] = attrs.field(factory=dict)


def read_document(path: Path, data: bytes) -> Document:
    """The text and metadata of a file's bytes. A PDF is told by its first bytes or its name; a
    page by its name, or by its first tag when its name says neither page nor text."""
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-") or suffix in _PDF_SUFFIXES:
        return Document(text=_pdf_text(path, data), form="pdf")
    if suffix in _HTML_SUFFIXES or (suffix not in _TEXT_SUFFIXES and _looks_like_html(data)):
        text, metadata = _page(path, data)
        return Document(text=text, form="html", metadata=metadata)
    try:
        return Document(text=data.decode("utf-8"), form="text")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: not UTF-8 text (byte {error.start} cannot be read as UTF-8); convert it to UTF-8 first"
        ) from None


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _missing(package: str) -> UsageError:
    return UsageError(f"reading this file needs {package}: pip install 'evidence[web]'")


# -- web pages --------------------------------------------------------------------------------


def _page(path: Path, data: bytes) -> tuple[str, dict[str, Any]]:
    """The main text of a saved page and its metadata, as trafilatura extracts them."""
    try:
        import trafilatura
    except ImportError:
        raise _missing("trafilatura") from None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not the user's problem
    page: Any = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        raise UsageError(f"{path}: no main text found in this HTML page (is it a saved page, with its text?)")
    authors = [name.strip() for name in (page.author or "").split(";") if name.strip()]
    metadata = {
        "title": _value(page.title),
        "authors": authors,
        "publication": _value(page.sitename),
        "published": _value(page.date),
        "url": _value(page.url),
        "language": _language(data),
    }
    return text, {key: value for key, value in metadata.items() if value}


def _language(data: bytes) -> str | None:
    """The language the page's `<html lang>` declares, when it is a language tag (trafilatura
    does not report it)."""
    import lxml.html  # trafilatura's own parser

    try:
        declared = lxml.html.document_fromstring(data).get("lang")
    except (ValueError, lxml.etree.ParserError):
        return None
    declared = declared.strip() if isinstance(declared, str) else None
    return declared if declared and language_complaint(declared) is None else None


def _value(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# -- PDFs -------------------------------------------------------------------------------------


def _pdf_text(path: Path, data: bytes) -> str:
    """The text of every page, in order, a form feed between pages; a PDF without a text layer
    (a scan) is refused, since no OCR is done."""
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError:
        raise _missing("pypdf") from None
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # a damaged PDF is told once, below
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # many PDFs are locked with an empty password
            raise UsageError(f"{path}: the PDF is encrypted; save a copy without a password and add that")
        pages = [_page_text(page) for page in reader.pages]
    except UsageError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as error:
        raise UsageError(f"{path}: cannot read this PDF ({error or type(error).__name__})") from None
    if not pages:
        raise UsageError(f"{path}: the PDF has no pages")
    if not any(page.strip() for page in pages):
        raise UsageError(
            f"{path}: the PDF has no text layer (a scanned document?); evidence does no OCR: "
            "run OCR on it first (e.g. ocrmypdf) and add the result"
        )
    return PAGE_BREAK.join(pages)


def _page_text(page: Any) -> str:
    # A form feed inside a page would shift every later page number; a lone surrogate (a glyph
    # with no character, from a broken font table) cannot be written as UTF-8.
    text = str(page.extract_text() or "").replace(PAGE_BREAK, "\n")
    return _LONE_SURROGATE.sub("\ufffd", text)
