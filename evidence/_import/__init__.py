"""CSL-JSON in: a reference manager's items (Zotero, Juris-M with its CSL-M legal fields) read
into records.

- `fields`: what every kind of item shares (ids, dates, names, the problem that names an item);
- `courts`: a case's court found in courts-db from CSL-M's `authority` and `jurisdiction`;
- `cases`: `legal_case` items as a case and its decision;
- `provisions`: `legislation` and `regulation` items as provisions of law;
- `sources`: books, articles, pages and posts as sources;
- `csl`: the file read, each item sent to its kind, the record set made.

Keeping imports in sync: `sync`, an import merged into the records already kept, three-way, with its diff.

PACER in: docket reports and attachment pages.

- `pacer`: a file read (HTML through juriscraper, or juriscraper's JSON), its kind and court told;
- `dockets`: juriscraper's docket and attachment data as records.
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
    with_stored_reports,
)
from evidence._import.sync import Change, SyncResult, sync

__all__ = [
    "IMPORTED_TYPES",
    "Change",
    "PacerFile",
    "PacerImport",
    "SyncResult",
    "attachment_records",
    "docket_records",
    "import_csl",
    "import_pacer",
    "read_dockets",
    "read_pacer",
    "stored_report_path",
    "sync",
    "with_stored_reports",
]
