"""Records in: a reference manager's items (CSL-JSON), and files added as sources.

- `fields`: what every kind of item shares (ids, dates, names, the problem that names an item);
- `courts`: a case's court found in courts-db from CSL-M's `authority` and `jurisdiction`;
- `cases`: `legal_case` items as a case and its decision;
- `provisions`: `legislation` and `regulation` items as provisions of law;
- `sources`: books, articles, pages and posts as sources;
- `csl`: the file read, each item sent to its kind, the record set made;
- `documents`: a saved web page, a PDF or a text file read into its text and metadata;
- `sourcefile`: such a file added as a source, its text stored beside the record file;
- `recordfile`: a record file added to or changed, written back atomically.
"""

from evidence._import.csl import IMPORTED_TYPES, import_csl
from evidence._import.recordfile import DEFAULT_FILE, add_evidence, record_file_for
from evidence._import.sourcefile import add_source

__all__ = [
    "DEFAULT_FILE",
    "IMPORTED_TYPES",
    "add_evidence",
    "add_source",
    "import_csl",
    "record_file_for",
]
