"""`legislation` and `regulation` items as provisions of law: the code from `container-title`,
its title from `volume`, the section from `section` (CSL-M writes 'sec. 107'), the act's name
from `title`, the edition's year from `issued`."""

from __future__ import annotations

import re
from typing import Any

from evidence._import.fields import Item, Refused, record_id, text, year

_KINDS = {"legislation": "statute", "regulation": "regulation"}


def section_text(value: str | None) -> tuple[str | None, str | None]:
    """(title, section) of CSL-M's section field: 'sec. 107' → (None, '107'); 'tit. 654, sec.
    987' → ('654', '987')."""
    if value is None:
        return None, None
    title = None
    found = re.match(r"tit\.\s*([^,]+),\s*(.*)", value)
    if found:
        title, value = found.group(1).strip(), found.group(2)
    section = re.sub(r"^(?:secs?\.|§§?)\s*", "", value.strip())
    return title, section or None


def provision_record(item: Item) -> dict[str, Any]:
    code = text(item, "container-title")
    if code is None:
        raise Refused("a provision needs its code: the item has no 'container-title'")
    title, section = section_text(text(item, "section"))
    if section is None and text(item, "page") is not None:
        # A session law or a register is cited by the page it starts on; a provision of a
        # code, by its section: such an item is no provision.
        raise Refused(f"{code} is cited by page, as a session law or register is; provisions are cited by section")
    return {
        "id": record_id(str(item["id"])),
        "kind": _KINDS[str(item["type"])],
        "code": code,
        "title": text(item, "volume") or title,
        "section": section,
        "name": text(item, "title"),
        "publisher": text(item, "publisher"),
        "year": year(item),
        "url": text(item, "URL"),
    }
