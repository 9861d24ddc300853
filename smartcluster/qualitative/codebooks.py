"""Codebook files: the REFI-QDA codebook exchange format (`.qdc`, read by QualCoder, ATLAS.ti, MAXQDA, NVivo …)
and a CSV of code, name, group, description.

In a `.qdc` file each group is a non-codable parent `Code` holding its themes as codable child codes. REFI-QDA has
no field for our short code: a theme's `guid` is derived from its code (UUID 5), so a file written here gives the
same codes back; a code added in another tool gets one made from its name.

Reference: REFI-QDA Codebook standard 1.0 (qdasoftware.org), XML namespace `urn:QDA-XML:codebook:1.0`.
Bad files raise `InvalidInput` naming the line, element or field (never a parser traceback).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import xml.parsers.expat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree

import pandas as pd

from smartcluster.sources.guards import csv_rows, text_decoded
from smartcluster.sources.validation import InvalidInput, Problem

__all__ = ["CSV_COLUMNS", "QDC_NAMESPACE", "CodebookEntry", "code_guid", "codebook_csv_read", "codebook_frame",
           "codebook_qdc_read", "codebook_qdc_write"]

QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
CSV_COLUMNS = ("code", "name", "group", "description")
# Our own namespace for the guids derived from codes (any fixed UUID works; this one is random, made once).
GUID_NAMESPACE = uuid.UUID("5b6f9d5e-2c1a-4f0e-9a43-7d8e0c2b1f64")
CODE_PATTERN = re.compile(r"^[-a-zA-Z0-9_]+$")
MAX_CODE_LENGTH, MAX_NAME_LENGTH = 60, 200


@dataclass(frozen=True)
class CodebookEntry:
    """One theme of a codebook as plain values."""

    code: str
    name: str
    group: str
    description: str = ""


def code_guid(code: str) -> str:
    """The REFI-QDA guid of a theme code (the same code always gives the same guid)."""
    return str(uuid.uuid5(GUID_NAMESPACE, code))


def code_from_name(name: str) -> str:
    """A code for a theme known only by its name: lower-case ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_CODE_LENGTH]


def codebook_frame(entries: Iterable[CodebookEntry]) -> pd.DataFrame:
    """The codebook as a table with the CSV's columns (code, name, group, description)."""
    return pd.DataFrame([[entry.code, entry.name, entry.group, entry.description] for entry in entries],
                        columns=list(CSV_COLUMNS))


# --- writing .qdc --------------------------------------------------------------------------------------------------

def codebook_qdc_write(entries: Sequence[CodebookEntry], *, origin: str = "smartcluster") -> bytes:
    """The codebook as a REFI-QDA `.qdc` document (UTF-8 XML): one non-codable code per group, themes inside."""
    ElementTree.register_namespace("", QDC_NAMESPACE)
    root = ElementTree.Element(_tag("CodeBook"), {"origin": origin})
    codes = ElementTree.SubElement(root, _tag("Codes"))
    parents: dict[str, ElementTree.Element] = {}
    for entry in entries:
        if entry.group not in parents:
            parents[entry.group] = ElementTree.SubElement(
                codes, _tag("Code"), {"guid": code_guid(f"group:{entry.group}"), "name": entry.group,
                                      "isCodable": "false"})
        code = ElementTree.SubElement(parents[entry.group], _tag("Code"),
                                      {"guid": code_guid(entry.code), "name": entry.name, "isCodable": "true"})
        if entry.description:
            ElementTree.SubElement(code, _tag("Description")).text = entry.description
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _tag(name: str) -> str:
    return f"{{{QDC_NAMESPACE}}}{name}"


# --- reading .qdc --------------------------------------------------------------------------------------------------

@dataclass
class _Node:
    """An XML element with the line it starts on (ElementTree keeps no line numbers)."""

    tag: str
    attributes: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    text: str = ""


def _parsed(data: bytes, file: str) -> _Node:
    """The document's element tree; refuses malformed XML and any DOCTYPE (entities could expand without end)."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    stack: list[_Node] = []
    roots: list[_Node] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        node = _Node(tag, attributes, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def doctype(*_: object) -> None:
        raise InvalidInput([Problem(file, parser.CurrentLineNumber, None,
                                    "a DOCTYPE is not allowed in a codebook file")])

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    parser.CharacterDataHandler = lambda text: setattr(stack[-1], "text", stack[-1].text + text) if stack else None
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as error:
        raise InvalidInput([Problem(file, error.lineno, None, f"not well-formed XML: "
                                    f"{xml.parsers.expat.errors.messages[error.code]}, column {error.offset + 1}")]
                           ) from None
    return roots[0]


def _local(node: _Node, name: str) -> bool:
    return node.tag == f"{QDC_NAMESPACE} {name}"


def codebook_qdc_read(data: bytes, *, groups: Mapping[str, str], known_codes: Iterable[str] = (),
                      file: str = "codebook.qdc") -> list[CodebookEntry]:
    """The themes of a REFI-QDA `.qdc` codebook. Each codable code must sit inside a parent code naming one of
    `groups` (accepted names, compared case-insensitively, → group); `known_codes` are the codes whose guids are
    recognised (others get a code from their name). Raises `InvalidInput` naming the line and the problem."""
    root = _parsed(data, file)
    if not _local(root, "CodeBook"):
        namespace, _, found = root.tag.rpartition(" ")
        raise InvalidInput([Problem(file, root.line, "CodeBook", f"the root element is {found!r} in namespace "
                                    f"{namespace or 'none'!r}, not CodeBook in {QDC_NAMESPACE!r}")])
    containers = [child for child in root.children if _local(child, "Codes")]
    if not containers:
        raise InvalidInput([Problem(file, root.line, "Codes", "the CodeBook holds no Codes element")])
    by_guid = {code_guid(code): code for code in known_codes}
    accepted = {name.casefold(): group for name, group in groups.items()}
    problems: list[Problem] = []
    entries: list[CodebookEntry] = []
    for node in (child for container in containers for child in container.children):
        _read_code(node, None, file, by_guid, accepted, entries, problems)
    if not problems and not entries:
        problems.append(Problem(file, root.line, "Code", "the codebook holds no codable code"))
    _duplicates(entries, file, problems, lines=None)
    if problems:
        raise InvalidInput(problems)
    return entries


def _read_code(node: _Node, group: str | None, file: str, by_guid: Mapping[str, str], accepted: Mapping[str, str],
               entries: list[CodebookEntry], problems: list[Problem]) -> None:
    if not _local(node, "Code"):
        return  # NoteRef and other elements of the standard carry nothing a theme holds
    missing = [name for name in ("guid", "name", "isCodable") if not node.attributes.get(name, "").strip()]
    if missing:
        problems.append(Problem(file, node.line, missing[0], f"a Code lacks its {missing[0]} attribute"))
        return
    name = node.attributes["name"].strip()
    codable = node.attributes["isCodable"].strip().lower()
    if codable not in ("true", "false", "1", "0"):
        problems.append(Problem(file, node.line, "isCodable", f"Code {name!r}: isCodable must be true or false, "
                                                              f"not {codable!r}"))
        return
    children = [child for child in node.children if _local(child, "Code")]
    if group is None:
        if name.casefold() not in accepted:
            problems.append(Problem(file, node.line, "name", f"top-level Code {name!r} is not a group: put the themes "
                                    f"inside a code named {', '.join(sorted(set(accepted.values())))}"))
            return
        for child in children:
            _read_code(child, accepted[name.casefold()], file, by_guid, accepted, entries, problems)
        return
    if codable in ("true", "1"):
        description = next((child.text.strip() for child in node.children if _local(child, "Description")), "")
        code = by_guid.get(node.attributes["guid"].strip()) or code_from_name(name)
        entry = CodebookEntry(code, name, group, description)
        problems.extend(Problem(file, node.line, column, message) for column, message in _entry_problems(entry))
        entries.append(entry)
    for child in children:  # sub-codes belong to the same group
        _read_code(child, group, file, by_guid, accepted, entries, problems)


# --- reading CSV ---------------------------------------------------------------------------------------------------

def codebook_csv_read(data: bytes, *, groups: Mapping[str, str], file: str = "codebook.csv") -> list[CodebookEntry]:
    """The themes of a CSV codebook with a header row code, name, group, description (comma or semicolon
    separated, UTF-8). Raises `InvalidInput` naming the line, the column and the problem."""
    text = text_decoded(data, file=file)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = csv_rows(text.splitlines(keepends=True), delimiter=delimiter, file=file)
    header_line, header = next(rows, (1, []))
    header = [column.strip().lower() for column in header]
    missing = [column for column in CSV_COLUMNS[:3] if column not in header]
    if missing:
        raise InvalidInput([Problem(file, header_line, missing[0], "the header row lacks the column "
                                    f"{missing[0]!r} (expected: {', '.join(CSV_COLUMNS)})")])
    accepted = {name.casefold(): group for name, group in groups.items()}
    problems: list[Problem] = []
    entries: list[CodebookEntry] = []
    lines: list[int] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        values = dict(zip(header, (cell.strip() for cell in row), strict=False))
        group_name = values.get("group", "")
        group = accepted.get(group_name.casefold())
        if group is None:
            problems.append(Problem(file, line, "group", f"unknown group {group_name!r} (expected one of "
                                                         f"{', '.join(sorted(set(accepted.values())))})"))
            continue
        entry = CodebookEntry(values.get("code", ""), values.get("name", ""), group, values.get("description", ""))
        problems.extend(Problem(file, line, column, message) for column, message in _entry_problems(entry))
        entries.append(entry)
        lines.append(line)
    if not problems and not entries:
        problems.append(Problem(file, header_line + 1, None, "the file holds no theme"))
    _duplicates(entries, file, problems, lines=lines)
    if problems:
        raise InvalidInput(problems)
    return entries


# --- checks shared by both formats ---------------------------------------------------------------------------------

def _entry_problems(entry: CodebookEntry) -> list[tuple[str, str]]:
    """What is wrong with one theme: (field, message)."""
    problems = []
    if not entry.code:
        problems.append(("code", "the code is empty"))
    elif not CODE_PATTERN.match(entry.code) or len(entry.code) > MAX_CODE_LENGTH:
        problems.append(("code", f"code {entry.code!r} must be at most {MAX_CODE_LENGTH} letters, digits, hyphens "
                                 "or underscores"))
    if not entry.name:
        problems.append(("name", "the name is empty"))
    elif len(entry.name) > MAX_NAME_LENGTH:
        problems.append(("name", f"the name is longer than {MAX_NAME_LENGTH} characters"))
    return problems


def _duplicates(entries: Sequence[CodebookEntry], file: str, problems: list[Problem],
                lines: Sequence[int] | None) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.code in seen:
            problems.append(Problem(file, lines[index] if lines else None, "code",
                                    f"code {entry.code!r} appears twice"))
        seen.add(entry.code)
