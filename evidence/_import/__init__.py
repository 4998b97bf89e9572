"""CSL-JSON in: a reference manager's items (Zotero, Juris-M with its CSL-M legal fields) read
into records.

- `fields`: what every kind of item shares (ids, dates, names, the problem that names an item);
- `courts`: a case's court found in courts-db from CSL-M's `authority` and `jurisdiction`;
- `cases`: `legal_case` items as a case and its decision;
- `provisions`: `legislation` and `regulation` items as provisions of law;
- `sources`: books, articles, pages and posts as sources;
- `csl`: the file read, each item sent to its kind, the record set made;
- `sync`: an import merged into the records already kept, three-way, with its diff.
"""

from evidence._import.csl import IMPORTED_TYPES, import_csl
from evidence._import.sync import Change, SyncResult, sync

__all__ = ["IMPORTED_TYPES", "Change", "SyncResult", "import_csl", "sync"]
