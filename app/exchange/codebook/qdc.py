"""REFI-QDA codebook files (.qdc, QDA-XML codebook 1.0), read by QualCoder, NVivo, ATLAS.ti
and MAXQDA.

One ``Code`` a tag, nested as the tags are, with its colour and a GUID derived from its name
(the same as in a .qdpx export); the ``Description`` holds the definition and the guideline.
Archived tags are written with ``isCodable="false"``, and read back as archived from a file
Fangtan wrote (other programs use that for codes that only group others).

Reading checks what the schema (resources/schemas/codebook-1.0.xsd) requires; entities and
DTDs are not expanded.
"""

import re
from pathlib import Path

from lxml import etree

from app import __version__
from app.exchange.codebook.entries import (
    CodebookEntry,
    checked_entries,
    description_text,
    read_limited,
    split_description,
)
from app.exchange.codebook.errors import CodebookFileError, EmptyCodebookError
from app.exchange.writers.options import ExportSummary
from app.exchange.writers.qdpx import _Xml, guid

NAMESPACE = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"Fangtan {__version__}"
_Q = "{" + NAMESPACE + "}"
_GUID = re.compile(
    r"^(?:[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\})$"
)
_RGB = re.compile(r"^#(?:[A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
_BOOLEAN = {"true": True, "1": True, "false": False, "0": False}


def qdc_text(entries: list[CodebookEntry]) -> str:
    """The .qdc document for ``entries`` (parents named; each parent listed in entries)."""
    if not entries:
        raise EmptyCodebookError()
    xml = _Xml(ExportSummary("qdc", Path("codebook.qdc")))
    known = {entry.name for entry in entries}
    children: dict[str | None, list[CodebookEntry]] = {}
    for entry in entries:
        parent = entry.parent if entry.parent in known else None
        children.setdefault(parent, []).append(entry)

    def code(entry: CodebookEntry, depth: int) -> str:
        indent = "  " * depth
        attributes = xml.attributes(
            guid=guid("code", entry.name),
            name=entry.name,
            isCodable="false" if entry.archived else "true",
            color=entry.color,
        )
        inner = ""
        description = description_text(entry)
        if description:
            inner += f"{indent}  <Description>{xml.text(description)}</Description>\n"
        inner += "".join(code(child, depth + 1) for child in children.get(entry.name, []))
        if not inner:
            return f"{indent}<Code{attributes}/>\n"
        return f"{indent}<Code{attributes}>\n{inner}{indent}</Code>\n"

    codes = "".join(code(entry, 2) for entry in children.get(None, []))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<CodeBook xmlns="{NAMESPACE}"{xml.attributes(origin=ORIGIN)}>\n'
        f"  <Codes>\n{codes}  </Codes>\n</CodeBook>\n"
    )


def write_qdc(entries: list[CodebookEntry], path: Path) -> None:
    path.write_bytes(qdc_text(entries).encode("utf-8"))


def read_qdc(path: Path) -> list[CodebookEntry]:
    raw = read_limited(path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise CodebookFileError(path=str(path), detail=f"not XML: {error.msg}") from error
    if root is None or root.tag != f"{_Q}CodeBook":
        found = etree.QName(root).localname if root is not None else "nothing"
        raise CodebookFileError(
            path=str(path), detail=f"the root is {found}, not a REFI-QDA CodeBook"
        )
    from_fangtan = (root.get("origin") or "").startswith("Fangtan")
    reader = _Reader(path, from_fangtan)
    reader.codebook(root)
    return checked_entries(path, reader.entries)


class _Reader:
    def __init__(self, path: Path, from_fangtan: bool) -> None:
        self.path = path
        self.from_fangtan = from_fangtan
        self.entries: list[CodebookEntry] = []

    def fail(self, detail: str) -> CodebookFileError:
        return CodebookFileError(path=str(self.path), detail=detail)

    def elements(self, element: etree._Element) -> list[etree._Element]:
        """The child elements (comments and processing instructions left out)."""
        return [child for child in element if isinstance(child.tag, str)]

    def codebook(self, root: etree._Element) -> None:
        parts = self.elements(root)
        names = [
            etree.QName(part).localname if part.tag.startswith(_Q) else part.tag for part in parts
        ]
        if not names or names[0] != "Codes" or names[1:] not in ([], ["Sets"]):
            raise self.fail("a CodeBook holds Codes, then optionally Sets")
        codes = self.elements(parts[0])
        if not codes:
            raise self.fail("Codes holds no Code")
        for code in codes:
            self.code(code, None)

    def code(self, element: etree._Element, parent: str | None) -> None:
        if element.tag != f"{_Q}Code":
            raise self.fail(f"unexpected element {etree.QName(element).localname} in Codes")
        name = element.get("name")
        if name is None:
            raise self.fail("a Code without a name")
        guid_value = element.get("guid")
        if guid_value is None or not _GUID.match(guid_value.strip()):
            raise self.fail(f"the Code “{name}” has no valid guid")
        codable = _BOOLEAN.get((element.get("isCodable") or "").strip())
        if codable is None:
            raise self.fail(f"the Code “{name}” has no valid isCodable")
        color = element.get("color")
        if color is not None and not _RGB.match(color.strip()):
            raise self.fail(f"the Code “{name}” has the colour “{color}”, not like #1f77b4")
        children = self.elements(element)
        description = ""
        if children and children[0].tag == f"{_Q}Description":
            if self.elements(children[0]):
                raise self.fail(f"the Description of “{name}” holds elements")
            description = children[0].text or ""
            children = children[1:]
        guideline = split_description(description)
        self.entries.append(
            CodebookEntry(
                name=name,
                parent=parent,
                color=color.strip() if color else None,
                archived=self.from_fangtan and not codable,
                **guideline,
            )
        )
        for child in children:
            self.code(child, name)
