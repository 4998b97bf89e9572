"""Record files: YAML, JSON and JSON Lines read with positions and written in canonical form.

Other packages import from here only; the modules inside are this package's own.
"""

from evidence._io.collector import collector_paused
from evidence._io.content import RECORD_SUFFIXES, FileContent, Format, JsonPath, Origin
from evidence._io.convert import StructureProblems, path_text, structure, unstructure
from evidence._io.document import Document
from evidence._io.fieldtable import FIELD_TABLE
from evidence._io.files import (
    Locator,
    NotReadable,
    locate,
    loop_of_links,
    open_regular,
    parse_bytes,
    read_batches,
    read_file,
    read_regular,
    unreadable,
    walk_record_files,
)
from evidence._io.reading import undecodable
from evidence._io.schema import json_schema
from evidence._io.versions import FORMAT_VERSION
from evidence._io.write import (
    atomic_write,
    atomic_write_all,
    document_data,
    new_folders_removed_on_failure,
    output_folder,
    render,
    staging_folder,
    write_in_place,
    write_output,
    yaml_has_comments,
    yaml_text,
)

__all__ = [
    "FIELD_TABLE",
    "FORMAT_VERSION",
    "RECORD_SUFFIXES",
    "Document",
    "FileContent",
    "Format",
    "JsonPath",
    "Locator",
    "NotReadable",
    "Origin",
    "StructureProblems",
    "atomic_write",
    "atomic_write_all",
    "collector_paused",
    "document_data",
    "json_schema",
    "locate",
    "loop_of_links",
    "new_folders_removed_on_failure",
    "open_regular",
    "output_folder",
    "parse_bytes",
    "path_text",
    "read_batches",
    "read_file",
    "read_regular",
    "render",
    "staging_folder",
    "structure",
    "undecodable",
    "unreadable",
    "unstructure",
    "walk_record_files",
    "write_in_place",
    "write_output",
    "yaml_has_comments",
    "yaml_text",
]
