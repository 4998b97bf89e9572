"""The `evidence report` command: a record set written as a static website."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence._cite import Style
from evidence._cli.exits import OK
from evidence._errors import UsageError
from evidence._io import output_folder
from evidence._limits import cores
from evidence._recordset import load
from evidence._report import write_report


def add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report_ = commands.add_parser("report", help="write the record set as a static website to read and share")
    report_.add_argument("path", metavar="PATH", help="a record file or folder")
    report_.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder the site is written in")
    styles = [s.value for s in Style if s is not Style.ECF]
    report_.add_argument("--style", default="bluebook", choices=styles, help="citation style (default: bluebook)")
    report_.add_argument("--title", help="the site's title (default: the case's name)")
    report_.add_argument(
        "--jobs", type=int, metavar="N", help="write pages in up to N processes (default: one per core)"
    )


def report(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    records = load(args.path)
    source = Path(args.path)
    output = Path(args.output).resolve()
    if output == (source if source.is_dir() else source.parent).resolve():
        raise UsageError(f"-o {args.output} is the record set's own folder: name a folder for the site")
    if source.is_dir() and output.is_relative_to(source.resolve()):
        # A site inside the folder it reports on would be read back as records next time.
        raise UsageError(f"-o {args.output} is inside the record set's folder {args.path}: name a folder outside it")
    folder = output_folder(args.output, make=False)
    written = write_report(
        records,
        folder,
        style=args.style,
        title=args.title,
        root=source if source.is_dir() else source.parent,
        jobs=cores() if args.jobs is None else args.jobs,
    )
    print(f"wrote {len(written)} files in {args.output}; open {folder / 'index.html'}")
    return OK
