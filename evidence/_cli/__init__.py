"""The `evidence` command.

Each subcommand is a function `(args) -> exit code`, registered in `_COMMANDS`; later stages add
theirs the same way. Exit codes: 0 clean, 1 problems found in the records, 2 the command could
not run as asked. No traceback reaches the user: library errors are printed as messages.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from evidence._check import Report, check, connect_dask
from evidence._cite import BluebookOptions, Form, Markup, Style, bibliography, cite
from evidence._cli.exits import CANNOT_RUN, CUT_OFF, OK, PROBLEMS
from evidence._cli.records_in import add_record, add_records_in, import_records, quote
from evidence._cli.report import add_report, report
from evidence._errors import EvidenceError, LoadError, UsageError
from evidence._export import FORMATS as EXPORT_FORMATS
from evidence._export import export, export_files, export_format
from evidence._fmt import Outcome, format_files, summary
from evidence._io import json_schema, output_folder, walk_record_files, write_output
from evidence._labels import describe, describe_mark
from evidence._limits import limits, scoped_limits
from evidence._model import RECORD_KINDS, Claim, Confidence
from evidence._recordset import load
from evidence._trace import render_tree, trace
from evidence._views import (
    FINDINGS_FORMATS,
    MAX_FINDINGS,
    TIMELINE_FORMATS,
    capped,
    cast_markdown,
    more_line,
    render_findings,
    report_schema,
)


def _print_problems(error: LoadError, stream: TextIO) -> None:
    shown, left_out = capped(error.problems, lambda p: p.code, MAX_FINDINGS)
    for problem in shown:
        print(problem, file=stream)
    for code, count in left_out.items():
        print(more_line(code, count, option=False), file=stream)
    files = {p.file for p in error.problems}
    noun = "problem" if len(error.problems) == 1 else "problems"
    print(f"{len(error.problems)} {noun} in {len(files)} file{'s' if len(files) != 1 else ''}", file=stream)


# -- fmt --------------------------------------------------------------------------------------


def _fmt(args: argparse.Namespace) -> int:
    status = OK
    outcomes = []
    for outcome in format_files(_unique(args.paths), check=args.check, drop_comments=args.drop_comments):
        outcomes.append(outcome)
        if outcome.error is not None:
            _print_problems(outcome.error, sys.stderr)
        elif outcome.message is not None:
            print(outcome.message, file=sys.stdout if outcome.changed else sys.stderr)
        if outcome.outcome is Outcome.NOT_WRITTEN:  # the others are still formatted, and counted
            status = CANNOT_RUN
        elif outcome.failed:
            status = max(status, PROBLEMS)
    print(summary(outcomes, check=args.check), file=sys.stderr)
    return status


# -- schema -----------------------------------------------------------------------------------


def _write_out(text: str, output: str | None) -> int:
    """Print `text`, or write it where `-o` says (`write_output`: a file replaced atomically, a
    device written to as it is, anything else refused)."""
    if output:
        sys.stdout.flush()
        write_output(output, text.encode("utf-8", _NAMES), stdout=getattr(sys.stdout, "buffer", None))
    else:
        sys.stdout.write(text)
    return OK


def _schema(args: argparse.Namespace) -> int:
    schema = report_schema() if args.report else json_schema()
    return _write_out(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", args.output)


# -- show -------------------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    records = load(args.path)
    kinds = [cls for cls in RECORD_KINDS if args.kind is None or args.kind == cls.KIND]
    counts = ", ".join(
        f"{len(records.of_kind(cls))} {cls.KIND if len(records.of_kind(cls)) == 1 else cls.PLURAL}"
        for cls in RECORD_KINDS
        if records.of_kind(cls)
    )
    print(f"{args.path}: {counts or 'no records'}")
    for cls in kinds:
        items = records.of_kind(cls)
        if not items:
            continue
        print(f"\n{cls.PLURAL}")
        width = max(len(r.id) for r in items)
        for record in items:
            mark = describe_mark(record, records)  # a claim's line has its mark already
            flag = "" if mark is Confidence.CONFIRMED or isinstance(record, Claim) else f" [{mark.value}]"
            print(f"  {record.id:<{width}}  {describe(record, records)}{flag}")
    return OK


# -- check ------------------------------------------------------------------------------------


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _codes(text: str | None, flag: str) -> list[str] | None:
    if text is None:
        return None
    codes = [code.strip().upper() for code in text.split(",") if code.strip()]
    if not codes:  # an empty selection would select nothing and pass every set
        raise UsageError(f"{flag} takes rule codes or prefixes, comma-separated (R001,Q); found {text!r}")
    return codes


def _unique(paths: Sequence[str]) -> list[str]:
    """The paths given, each file or folder once (the first name given for it kept), so that one
    given twice is not read, nor its findings reported, twice."""
    seen: dict[Path, str] = {}
    for name in paths:
        seen.setdefault(Path(name).resolve(), name)
    folders = [path for path in seen if path.is_dir()]
    # A path inside a folder also given is read with that folder.
    return [name for path, name in seen.items() if not any(path != f and path.is_relative_to(f) for f in folders)]


def _checked_files(paths: Sequence[str]) -> list[str]:
    """The record files under the paths given, named as findings name them: a JUnit test case
    each, so that a file without findings shows as passed."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        files += [str(file) for file in walk_record_files(path)[0]] if path.is_dir() else [str(path)]
    return files


def _check(args: argparse.Namespace) -> int:
    for name in args.paths:
        if not Path(name).exists():
            raise UsageError(f"no such file or folder: {name}")
    paths = _unique(args.paths)
    progress = None
    if sys.stderr.isatty() and args.format == "text":

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\rchecking: {done}/{total} rule families" + ("\n" if done == total else ""))

    select, ignore = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    if args.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    if args.max_findings < 0:
        raise UsageError("--max-findings takes a number of findings, 0 (no cap) or more")
    client = connect_dask(args.dask) if args.dask else None
    try:
        reports = [
            check(
                name,
                select=select,
                ignore=ignore,
                progress=progress,
                jobs=args.jobs,
                stream=args.stream,
                dask_client=client,
            )
            for name in paths
        ]
    finally:
        if client is not None:
            client.close()
    report = Report.merged(reports)
    files = _checked_files(paths) if args.format == "junit" else ()
    shown = render_findings(
        report, args.format, colour=_colour(sys.stdout), max_per_code=args.max_findings, files=files
    )
    sys.stdout.write(shown)
    if args.format == "text":
        print(report.summary(), file=sys.stderr)
    return PROBLEMS if report.failed(strict=args.strict) else OK


# -- trace ------------------------------------------------------------------------------------


def _trace(args: argparse.Namespace) -> int:
    records = load(args.path)
    if args.id not in records:
        raise UsageError(f"no record has the id {args.id!r} in {args.path}")
    return _write_out(render_tree(trace(records, args.id)) + "\n", None)


# -- timeline and cast --------------------------------------------------------------------------


def _timeline(args: argparse.Namespace) -> int:
    return _write_out(TIMELINE_FORMATS[args.format](load(args.path)), args.output)


def _cast(args: argparse.Namespace) -> int:
    return _write_out(cast_markdown(load(args.path)), args.output)


# -- export -----------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    written_as = export_format(args.to).folder
    if written_as is None:
        records = load(args.path)
        if args.record is not None and args.record not in records:
            raise UsageError(f"no record has the id {args.record!r} in {args.path}")
        return _write_out(export(records, args.to, record=args.record), args.output)
    if not args.output:
        raise UsageError(f"--to {args.to} writes {written_as}: name a folder with -o")
    if args.record is not None:
        raise UsageError(f"--to {args.to} writes the whole set: --record is for one record's trace (prov-dot)")
    files = export_files(load(args.path), args.to, output_folder(args.output))
    for written in files:
        print(f"wrote {written}")
    if not files:  # said, so that an empty folder is not taken for a failed export
        print(f"wrote no files in {args.output}: {args.path} holds no records")
    return OK


# -- cite -------------------------------------------------------------------------------------


def _cite(args: argparse.Namespace) -> int:
    records = load(args.path)
    options = BluebookOptions.bluepages() if args.bluepages else None
    if args.all:
        entries = bibliography(records, style=args.style, markup=args.markup, record_set=records, marks=args.marks)
        return _write_out("".join(f"{entry}\n" for entry in entries), None)
    if args.id is None:
        raise UsageError("name the record to cite, or pass --all for a bibliography")
    if args.id not in records:
        raise UsageError(f"no record has the id {args.id!r} in {args.path}")
    decision: int | str | None = args.decision
    if args.decision is not None and args.decision.isdigit():
        decision = int(args.decision)
    text = cite(
        records[args.id],
        records=records,
        style=args.style,
        form=args.form,
        pin=args.pin if args.pin is None or len(args.pin) > 1 else args.pin[0],
        signal=args.signal,
        parenthetical=args.parenthetical,
        markup=args.markup,
        decision=decision,
        in_case=args.in_case,
        options=options,
        marks=args.marks,
        textual=args.textual,
        quoting=args.quoting,
        name_in_text=args.name_in_text,
    )
    return _write_out(text + "\n", None)


# -- the parser -------------------------------------------------------------------------------

_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "fmt": _fmt,
    "schema": _schema,
    "show": _show,
    "export": _export,
    "import": import_records,
    "cite": _cite,
    "check": _check,
    "trace": _trace,
    "timeline": _timeline,
    "cast": _cast,
    "add": add_record,
    "quote": quote,
    "report": report,
}


class _Version(argparse.Action):
    """`--version`, which reads the package's metadata only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        import evidence

        sys.stdout.write(f"evidence {evidence.__version__}\n")
        parser.exit()


def _number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else a usage error (exit 2) before
    any file is read."""

    def number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}, found {value:,}")
        return value

    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evidence", description="Typed records of lawsuits, their evidence and its provenance."
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sizes = parser.add_argument_group("limits (for unusually large files)")
    # Each limit from 0 (1 for the depth and the problems) to far beyond any file, so that no limit is negative
    # or overflows the readers' own (a text's length goes to msgspec as a 64-bit bound).
    sizes.add_argument(
        "--max-file-mb",
        type=_number(0, 2**20),
        metavar="N",
        help=f"largest record file (default {limits.max_file_bytes // 2**20})",
    )
    sizes.add_argument(
        "--max-text-chars",
        type=_number(0, 2**40),
        metavar="N",
        help=f"longest text value (default {limits.max_text_chars:,})",
    )
    sizes.add_argument(
        "--max-depth", type=_number(1, 100_000), metavar="N", help=f"deepest nesting (default {limits.max_depth})"
    )
    sizes.add_argument(
        "--max-alias-values",
        type=_number(0, 2**40),
        metavar="N",
        help=f"values YAML aliases may expand to (default {limits.max_alias_values:,})",
    )
    sizes.add_argument(
        "--max-problems",
        type=_number(1, 2**40),
        metavar="N",
        help=f"problems one record file reports before reading it stops (default {limits.max_problems:,})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    fmt = commands.add_parser("fmt", help="rewrite record files in canonical form")
    fmt.add_argument("paths", nargs="+", metavar="PATH", help="record files or folders")
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 and list files not in canonical form")
    fmt.add_argument(
        "--drop-comments", action="store_true", help="rewrite YAML files even though their comments are lost"
    )

    schema = commands.add_parser("schema", help="print the JSON Schema of record files (or of check's JSON report)")
    schema.add_argument(
        "--report", action="store_true", help="the schema of `evidence check --format json` instead of record files'"
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    show = commands.add_parser("show", help="load a record set and list its records")
    show.add_argument("path", metavar="PATH", help="a record file or folder")
    show.add_argument("--kind", choices=[cls.KIND for cls in RECORD_KINDS], help="list only records of this kind")

    check_ = commands.add_parser("check", help="check record files: references, quotes, integrity, dates, law")
    check_.add_argument("paths", nargs="+", metavar="PATH", help="record files or folders")
    check_.add_argument(
        "--format",
        default="text",
        choices=list(FINDINGS_FORMATS),
        help="text (default); json (schema: evidence schema --report); github (Actions annotations); "
        "sarif (SARIF 2.1.0, for GitHub code scanning); junit (JUnit XML, a test case per file)",
    )
    check_.add_argument("--select", metavar="CODES", help="only these rules (codes or prefixes, comma-separated)")
    check_.add_argument("--ignore", metavar="CODES", help="skip these rules (codes or prefixes, comma-separated)")
    check_.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check_.add_argument(
        "--max-findings",
        type=int,
        default=MAX_FINDINGS,
        metavar="N",
        help=f"print N findings of each rule, then count the rest in one line (default {MAX_FINDINGS}; 0: all; "
        "--format json, sarif and junit list all)",
    )
    scale = check_.add_argument_group("large sets (see docs/performance.md)")
    scale.add_argument(
        "--stream",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read records in batches, twice, never all at once (default: for JSON Lines over 64 MiB)",
    )
    scale.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="check files in up to N processes, no more than files or cores (streams)",
    )
    scale.add_argument(
        "--dask", metavar="ADDRESS", help="check files on a Dask cluster (scheduler address, or 'local'; streams)"
    )

    trace_ = commands.add_parser("trace", help="follow a record back to its primary sources")
    trace_.add_argument("path", metavar="PATH", help="a record file or folder")
    trace_.add_argument("id", metavar="ID", help="the record to trace, usually a claim")

    timeline_ = commands.add_parser("timeline", help="every dated event in order, at its precision")
    timeline_.add_argument("path", metavar="PATH", help="a record file or folder")
    timeline_.add_argument("--format", default="md", choices=list(TIMELINE_FORMATS), help="default: md")
    timeline_.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    cast_ = commands.add_parser("cast", help="the people and organizations, their roles and records")
    cast_.add_argument("path", metavar="PATH", help="a record file or folder")
    cast_.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    cite_ = commands.add_parser("cite", help="print a citation of a record, or a bibliography")
    cite_.add_argument("path", metavar="PATH", help="a record file or folder")
    cite_.add_argument("id", metavar="ID", nargs="?", help="the record to cite")
    cite_.add_argument("--all", action="store_true", help="a bibliography of every citable record")
    cite_.add_argument("--style", default="bluebook", choices=[s.value for s in Style], help="default: bluebook")
    cite_.add_argument("--form", default="full", choices=[f.value for f in Form], help="default: full")
    cite_.add_argument("--pin", action="append", help="pinpoint as printed: 4, '¶ 12', '*2', a Bates number; "
                       "again for each parallel cite of a decision")  # fmt: skip
    cite_.add_argument("--signal", help="introductory signal, e.g. see")
    cite_.add_argument("--parenthetical", help="explanatory parenthetical")
    cite_.add_argument("--decision", help="a case's decision: its number (0 is the first), cite or date")
    cite_.add_argument("--in-case", metavar="CASE", help="the case the citing document is filed in (R24 vs R25.2)")
    cite_.add_argument("--bluepages", action="store_true", help="Bluebook practitioners' choices instead of Indigo's")
    cite_.add_argument("--markup", default="text", choices=[m.value for m in Markup], help="default: text")
    cite_.add_argument("--marks", action="store_true", help="flag every value printed that is not confirmed")
    cite_.add_argument("--textual", action="store_true", help="for a textual sentence: R11.4 case names, no stop")
    cite_.add_argument("--quoting", action="store_true", help="add (quoting ...) for the messages the document quotes")
    cite_.add_argument("--name-in-text", action="store_true", help="the sentence names the case: leave its name out")

    add_records_in(commands)
    add_report(commands)

    export = commands.add_parser("export", help="write a record set for reference managers")
    export.add_argument("path", metavar="PATH", help="a record file or folder")
    export.add_argument("--to", required=True, choices=list(EXPORT_FORMATS), help="the format to write")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    export.add_argument("--record", metavar="ID", help="for --to prov-dot: the record whose trace is drawn")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else CANNOT_RUN
    if args.command is None:
        parser.print_help(sys.stderr)
        return CANNOT_RUN
    asked = {name: getattr(args, name) for name in ("max_text_chars", "max_depth", "max_alias_values", "max_problems")}
    if args.max_file_mb is not None:
        asked["max_file_bytes"] = args.max_file_mb * 2**20
    with scoped_limits(**{name: value for name, value in asked.items() if value is not None}):
        return _dispatch(args)


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command; what goes wrong is told as a message and an exit code."""
    try:
        return _COMMANDS[args.command](args)
    except LoadError as error:
        _print_problems(error, sys.stderr)
        return PROBLEMS
    except UsageError as error:
        print(f"evidence: error: {_as_flags(str(error), args)}", file=sys.stderr)
        return CANNOT_RUN
    except EvidenceError as error:
        print(f"evidence: {error}", file=sys.stderr)
        return PROBLEMS
    except BrokenPipeError:
        raise  # the reader went away (`| head`): `run` ends quietly
    except OSError as error:
        print(f"evidence: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return CANNOT_RUN
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so plainly, without a traceback unless asked
        if os.environ.get("EVIDENCE_DEBUG"):
            raise
        print(
            f"evidence: internal error: {error!r} (set EVIDENCE_DEBUG=1 for details; please report it)", file=sys.stderr
        )
        return CANNOT_RUN


# The arguments given by place, not by a flag: a message naming one of them is left as it is.
_POSITIONALS = frozenset({"command", "path", "paths", "id"})


def _as_flags(message: str, args: argparse.Namespace) -> str:
    """A library message names a Python parameter (`pass decision=`, `decision= applies to`); on
    the command line the same thing is a flag (`--decision`), where the command has one."""

    def flag(match: re.Match[str]) -> str:
        name = match.group(1)
        known = name in vars(args) and name not in _POSITIONALS
        return "--" + name.replace("_", "-") if known else match.group(0)

    return re.sub(r"\b([a-z][a-z_]*)=(?=\s|$|[,;:.)])", flag, message)


# File names that are not UTF-8 (bytes Python keeps as lone surrogates) are printed as `\xff`,
# any other character the output cannot hold as a `\u` escape: never an encoding error.
_NAMES = "evidence-names"


def _escape_names(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    escaped = "".join(
        f"\\x{ord(char) - 0xDC00:02x}"
        if 0xDC80 <= ord(char) <= 0xDCFF
        else char.encode("ascii", "backslashreplace").decode()
        for char in text
    )
    return escaped, error.end


codecs.register_error(_NAMES, _escape_names)


def _safe_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=_NAMES)  # type: ignore[union-attr]


def run() -> None:
    """Entry point of the `evidence` script."""
    _safe_streams()
    code: int | None = None
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `evidence show ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        # Cut off before its end, the command cannot say how it ended: the exit a shell gives a
        # program that SIGPIPE stopped (128 + 13), never 0, so `check | head` under pipefail
        # does not pass a set with errors.
        code = CUT_OFF if code is None else code
    sys.exit(code)
