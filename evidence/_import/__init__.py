"""Records in: a reference manager's items, court records, and files kept as sources.

CSL-JSON (Zotero, Juris-M with its CSL-M legal fields):

- `fields`: what every kind of item shares (ids, dates, names, the problem that names an item);
- `courts`: a case's court found in courts-db from CSL-M's `authority` and `jurisdiction`;
- `cases`: `legal_case` items as a case and its decision;
- `provisions`: `legislation` and `regulation` items as provisions of law;
- `sources`: books, articles, pages and posts as sources;
- `csl`: the file read, each item sent to its kind, the record set made.

PACER in: docket reports and attachment pages.

- `pacer`: a file read (HTML through juriscraper, or juriscraper's JSON), its kind and court told;
- `dockets`: juriscraper's docket and attachment data as records.

Files as sources:

- `documents`: a saved web page, a PDF or a text file read into its text and metadata;
- `sourcefile`: such a file added as a source, its text stored beside the record file;
- `recordfile`: a record file added to or changed, written back atomically.

Keeping imports in sync: `sync`, an import merged into the records already kept, three-way, with
its diff.
"""

from evidence._import.csl import IMPORTED_TYPES, import_csl
from evidence._import.dockets import attachment_records, docket_records
from evidence._import.pacer import (
    PacerFile,
    PacerImport,
    import_pacer,
    read_dockets,
    read_pacer,
    stored_report_path,
    sync_pacer,
    with_stored_reports,
)
from evidence._import.recordfile import DEFAULT_FILE, add_evidence, record_file_for
from evidence._import.sourcefile import add_source
from evidence._import.sync import Change, SyncResult, sync

__all__ = [
    "DEFAULT_FILE",
    "IMPORTED_TYPES",
    "Change",
    "PacerFile",
    "PacerImport",
    "SyncResult",
    "add_evidence",
    "add_source",
    "attachment_records",
    "docket_records",
    "import_csl",
    "import_pacer",
    "read_dockets",
    "read_pacer",
    "record_file_for",
    "stored_report_path",
    "sync",
    "sync_pacer",
    "with_stored_reports",
]
