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

CourtListener's REST API v4 in:

- `courtlistener_responses`: one docket's responses, each object told apart by its shape;
- `courtlistener_docket`: the docket in juriscraper's `DocketReport.data` shape;
- `courtlistener_decisions`: opinion clusters as decisions;
- `courtlistener`: the three together, and the Source of the docket's response;
- `courtlistener_http`: the responses fetched live (pagination, rate limits, errors);
- `courtlistener_import`: the records made, through the PACER import's mapping of a docket.
"""

from evidence._import.courtlistener import CourtListenerDocket, read_courtlistener
from evidence._import.courtlistener_http import FetchError, fetch_courtlistener
from evidence._import.courtlistener_import import (
    CourtListenerImport,
    courtlistener_import,
    import_courtlistener,
    sync_courtlistener,
)
from evidence._import.courtlistener_responses import CourtListenerResponse
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
    "CourtListenerDocket",
    "CourtListenerImport",
    "CourtListenerResponse",
    "FetchError",
    "PacerFile",
    "PacerImport",
    "SyncResult",
    "add_evidence",
    "add_source",
    "attachment_records",
    "courtlistener_import",
    "docket_records",
    "fetch_courtlistener",
    "import_courtlistener",
    "import_csl",
    "import_pacer",
    "read_courtlistener",
    "read_dockets",
    "read_pacer",
    "record_file_for",
    "stored_report_path",
    "sync",
    "sync_courtlistener",
    "sync_pacer",
    "with_stored_reports",
]
