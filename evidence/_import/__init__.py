"""CSL-JSON in: a reference manager's items (Zotero, Juris-M with its CSL-M legal fields) read
into records.

- `fields`: what every kind of item shares (ids, dates, names, the problem that names an item);
- `courts`: a case's court found in courts-db from CSL-M's `authority` and `jurisdiction`;
- `cases`: `legal_case` items as a case and its decision;
- `provisions`: `legislation` and `regulation` items as provisions of law;
- `sources`: books, articles, pages and posts as sources;
- `csl`: the file read, each item sent to its kind, the record set made;
- `sync`: an import merged into the records already kept, three-way, with its diff.

CourtListener's REST API v4 in:

- `courtlistener`: one docket's responses told apart by their shape, the docket in juriscraper's
  `DocketReport.data` shape, opinion clusters as decisions, the docket's Source;
- `courtlistener_http`: the responses fetched live (pagination, rate limits, errors).
"""

from evidence._import.courtlistener import CourtListenerDocket, CourtListenerResponse, read_courtlistener
from evidence._import.courtlistener_http import FetchError, fetch_courtlistener
from evidence._import.csl import IMPORTED_TYPES, import_csl
from evidence._import.sync import Change, SyncResult, sync

__all__ = [
    "IMPORTED_TYPES",
    "Change",
    "CourtListenerDocket",
    "CourtListenerResponse",
    "FetchError",
    "SyncResult",
    "fetch_courtlistener",
    "import_csl",
    "read_courtlistener",
    "sync",
]
