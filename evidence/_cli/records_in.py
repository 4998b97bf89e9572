"""The commands that bring records in: `import` (CSL-JSON, PACER, CourtListener), `add source`
and `quote`, and their arguments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence._check import alike, anchor, record_text
from evidence._cli.exits import OK, PROBLEMS
from evidence._errors import QuoteNotFound, UsageError
from evidence._import import (
    DEFAULT_FILE,
    SyncResult,
    add_evidence,
    add_source,
    courtlistener_import,
    fetch_courtlistener,
    import_csl,
    read_dockets,
    record_file_for,
    sync_courtlistener,
    sync_pacer,
)
from evidence._io import new_folders_removed_on_failure, output_folder, unstructure, yaml_text
from evidence._model import Confidence, EvidenceLink, EvidenceRole, SourceKind
from evidence._recordset import dump, dumps

# -- import -----------------------------------------------------------------------------------


def import_records(args: argparse.Namespace) -> int:
    if args.source == "pacer":
        return _import_pacer(args)
    if args.source == "courtlistener":
        return _import_courtlistener(args)
    records = import_csl(args.file, confidence=args.confidence)
    if not args.output:
        sys.stdout.write(dumps(records, "yaml").decode("utf-8"))
        return OK
    folder = output_folder(args.output, make=False, writes="FOLDER/FILE.yaml")
    target = folder / f"{Path(args.file).stem}.yaml"
    with new_folders_removed_on_failure(folder):
        output_folder(folder)
        dump(records, target)
    print(f"wrote {target} ({len(records)} records)")
    return OK


def _import_pacer(args: argparse.Namespace) -> int:
    if not args.output:  # nothing is written: the records are printed, dry run or not
        result = read_dockets(args.files, court=args.court, retrieved=args.retrieved)
        sys.stdout.write(dumps(result.records, "yaml").decode("utf-8"))
        return OK
    folder = output_folder(args.output, make=False, writes="FOLDER/<case id>.yaml")
    return _synced(sync_pacer(args.files, folder, court=args.court, retrieved=args.retrieved, dry_run=args.dry_run))


def add_record(args: argparse.Namespace) -> int:
    return {"source": _add_source}[args.what](args)


# -- add source, quote -------------------------------------------------------------------------


def _add_source(args: argparse.Namespace) -> int:
    record = add_source(
        args.file,
        args.records,
        id=args.id,
        kind=args.kind,
        title=args.title,
        authors=args.author or (),
        publication=args.publication,
        published=args.published,
        url=args.url,
        retrieved=args.retrieved,
        language=args.language,
        confidence=args.confidence,
    )
    file = record_file_for(args.records)
    print(f"added source {record.id!r} ({record.kind.value}) to {file}; its text is in {record.text_file}")
    if record.field_confidence:
        print(f"read from the file, marked likely: {', '.join(record.field_confidence)}")
    return OK


def quote(args: argparse.Namespace) -> int:
    try:
        found = anchor(record_text(args.path, args.id), args.passage, occurrence=args.occurrence, name=repr(args.id))
    except QuoteNotFound as error:
        print(f"evidence: the passage is not in the text of {args.id!r}", file=sys.stderr)
        for words, score in error.closest:
            print(f"  {alike(score)} alike: {words!r}", file=sys.stderr)
        return PROBLEMS
    if args.claim:
        role = EvidenceRole(args.role)
        add_evidence(args.path, args.claim, EvidenceLink(record=args.id, quote=found.quote, role=role))
        print(f"added to the evidence of claim {args.claim!r} ({role.value}):")
    sys.stdout.write(yaml_text({"quote": unstructure(found.quote)}))
    if found.occurrences > 1:
        print(
            f"the passage occurs {found.occurrences} times; this anchor is occurrence {args.occurrence} "
            "(--occurrence N for another)",
            file=sys.stderr,
        )
    return OK


def _import_courtlistener(args: argparse.Namespace) -> int:
    if bool(args.files) == (args.docket is not None):
        raise UsageError(
            "name saved CourtListener responses (FILE ...) or a docket to fetch (--docket ID), one of the two"
        )
    # The folder is told before a fetch.
    folder = output_folder(args.output, make=False, writes="FOLDER/<case id>.yaml") if args.output else None
    sources = args.files or fetch_courtlistener(args.docket, base_url=args.base_url)
    if folder is None:  # nothing is written: the records are printed, dry run or not
        result = courtlistener_import(sources, retrieved=args.retrieved)
        for records in result.incoming().values():
            sys.stdout.write(dumps(records, "yaml").decode("utf-8"))
        return OK
    return _synced(sync_courtlistener(sources, folder, retrieved=args.retrieved, dry_run=args.dry_run))


def _synced(result: SyncResult) -> int:
    """What an import into a folder did: its diff (a first import lists no record), the summary,
    the files written."""
    sys.stdout.write(result.diff(new_records=not result.was_empty))
    print(result.summary())
    for path in result.written:
        print(f"  {path}")
    return OK


# -- the arguments ---------------------------------------------------------------------------


def add_records_in(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `import`, `add` and `quote` commands' parsers."""
    import_ = commands.add_parser(
        "import", help="read a reference manager's items, or PACER or CourtListener dockets, into records"
    )
    sources = import_.add_subparsers(dest="source", metavar="FORMAT", required=True)
    csl = sources.add_parser("csl-json", help="a CSL-JSON file (Zotero, Juris-M)")
    csl.add_argument("file", metavar="FILE", help="a CSL-JSON file")
    csl.add_argument("-o", "--output", metavar="FOLDER", help="write FOLDER/FILE.yaml instead of printing")
    pacer = sources.add_parser("pacer", help="PACER docket reports and attachment pages (HTML, or juriscraper's JSON)")
    pacer.add_argument("files", nargs="+", metavar="FILE", help="docket reports and attachment pages")
    pacer.add_argument(
        "-o",
        "--output",
        metavar="FOLDER",
        help="import into FOLDER (FOLDER/<case id>.yaml, the reports beside): new records added, the records "
        "kept there updated where the court changed them and no person did",
    )
    pacer.add_argument("--court", metavar="ID", help="the court's courts-db id, where the page does not tell it")
    pacer.add_argument(
        "--retrieved", metavar="DATE", help="when the reports were downloaded, where PACER's receipt does not say"
    )
    pacer.add_argument(
        "--dry-run", action="store_true", help="with -o: print what the import would change, and write nothing"
    )
    listener = sources.add_parser(
        "courtlistener", help="CourtListener REST API v4 responses of a docket, saved or live"
    )
    listener.add_argument("files", nargs="*", metavar="FILE", help="saved responses: the docket, entries, parties, ...")
    listener.add_argument(
        "--docket", metavar="ID", help="fetch this CourtListener docket (token in $COURTLISTENER_TOKEN)"
    )
    listener.add_argument(
        "-o",
        "--output",
        metavar="FOLDER",
        help="import into FOLDER (FOLDER/<case id>.yaml, the responses beside), synced as for pacer",
    )
    listener.add_argument(
        "--dry-run", action="store_true", help="with -o: print what the import would change, and write nothing"
    )
    listener.add_argument("--retrieved", metavar="DATE", help="when saved responses were downloaded")
    listener.add_argument(
        "--base-url", metavar="URL", help="another API address (default: $COURTLISTENER_API_URL, else CourtListener's)"
    )
    csl.add_argument(
        "--confidence",
        default="unverified",
        choices=[c.value for c in Confidence],
        help="the mark every record gets (default: unverified, what someone typed)",
    )

    add_ = commands.add_parser("add", help="add a file to a record set")
    what = add_.add_subparsers(dest="what", metavar="WHAT", required=True)
    source = what.add_parser("source", help="a saved web page, a PDF or a text file as a source, its text stored")
    source.add_argument("file", metavar="FILE", help="an HTML page, a PDF or a UTF-8 text file")
    source.add_argument(
        "records", metavar="RECORDS", nargs="?", help=f"the record file or folder to add to (default: {DEFAULT_FILE})"
    )
    source.add_argument("--id", help="the source's id (default: the file's name without its suffix)")
    source.add_argument(
        "--kind",
        choices=[k.value for k in SourceKind],
        metavar="KIND",
        help=f"what sort of work: {', '.join(k.value for k in SourceKind)} (default for HTML: web_page)",
    )
    source.add_argument("--title", help="the title as published (instead of the page's)")
    source.add_argument("--author", action="append", help="an author's name (again for each author)")
    source.add_argument("--publication", help="the newspaper, site or journal")
    source.add_argument("--published", metavar="DATE", help="when it was published")
    source.add_argument("--url", help="where it was published")
    source.add_argument("--retrieved", metavar="DATE", help="when it was retrieved (default: now, UTC)")
    source.add_argument("--language", metavar="TAG", help="its language, e.g. en")
    source.add_argument(
        "--confidence",
        default="unverified",
        choices=[c.value for c in Confidence],
        help="the record's mark (default: unverified)",
    )

    quote_ = commands.add_parser("quote", help="anchor a passage in a record's stored text")
    quote_.add_argument("path", metavar="PATH", help="a record file or folder")
    quote_.add_argument("id", metavar="SOURCE-ID", help="the source (or filing, exhibit, message) whose text holds it")
    quote_.add_argument("passage", metavar="PASSAGE", help="the words quoted")
    quote_.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence (default: the first)")
    quote_.add_argument("--claim", metavar="ID", help="add the quote to this claim's evidence")
    quote_.add_argument(
        "--role", default="supports", choices=[r.value for r in EvidenceRole], help="with --claim (default: supports)"
    )
