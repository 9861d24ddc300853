"""Codebook files: REFI-QDA `.qdc` and CSV written and read back unchanged; bad files refused naming line and field."""

from __future__ import annotations

import pytest

from smartcluster.qualitative.codebooks import (
    QDC_NAMESPACE,
    CodebookEntry,
    code_guid,
    codebook_csv_read,
    codebook_frame,
    codebook_qdc_read,
    codebook_qdc_write,
)
from smartcluster.sources.validation import InvalidInput

GROUPS = {"challenge": "challenge", "need": "need", "topic": "topic", "Interview topic": "topic"}
ENTRIES = [
    CodebookEntry("digitalisation", "Digitalisation", "challenge", "Industry 4.0, data & <robots>"),
    CodebookEntry("new-services", "Developing new services", "need", "Services für Mitglieder"),
    CodebookEntry("support-known", "Support known", "topic", ""),
]


def test_qdc_round_trip_gives_the_same_themes():
    data = codebook_qdc_write(ENTRIES)
    assert codebook_qdc_read(data, groups=GROUPS, known_codes=[e.code for e in ENTRIES]) == ENTRIES


def test_qdc_follows_the_refi_qda_codebook_structure():
    from xml.etree import ElementTree

    root = ElementTree.fromstring(codebook_qdc_write(ENTRIES))
    assert root.tag == f"{{{QDC_NAMESPACE}}}CodeBook"
    groups = root.find(f"{{{QDC_NAMESPACE}}}Codes")
    first_group = groups[0]
    assert first_group.get("isCodable") == "false" and first_group.get("name") == "challenge"
    theme = first_group[0]
    assert theme.get("guid") == code_guid("digitalisation") and theme.get("isCodable") == "true"
    assert theme.find(f"{{{QDC_NAMESPACE}}}Description").text == "Industry 4.0, data & <robots>"


def test_a_code_added_in_another_tool_gets_a_code_from_its_name():
    data = codebook_qdc_write([*ENTRIES, CodebookEntry("x", "Skills shortage", "challenge", "")])
    read = codebook_qdc_read(data, groups=GROUPS, known_codes=[e.code for e in ENTRIES])
    assert CodebookEntry("skills-shortage", "Skills shortage", "challenge", "") in read
    assert len(read) == len(ENTRIES) + 1


def test_csv_round_trip_gives_the_same_themes():
    data = codebook_frame(ENTRIES).to_csv(index=False).encode("utf-8")
    assert codebook_csv_read(data, groups=GROUPS) == ENTRIES


def test_csv_with_semicolons_and_group_labels_is_read():
    data = b"code;name;group;description\nbarriers;Barriers;Interview topic;Slow\n"
    assert codebook_csv_read(data, groups=GROUPS) == [CodebookEntry("barriers", "Barriers", "topic", "Slow")]


@pytest.mark.parametrize(("data", "expected"), [
    (b"<CodeBook", "codebook.qdc:1: not well-formed XML"),
    (b"<CodeBook/>", "codebook.qdc:1 [CodeBook]: the root element is 'CodeBook' in namespace 'none'"),
    (f'<CodeBook xmlns="{QDC_NAMESPACE}"/>'.encode(), "holds no Codes element"),
    (f'<CodeBook xmlns="{QDC_NAMESPACE}">\n<Codes>\n<Code name="need" isCodable="false">'
     f'<Code guid="g" name="" isCodable="true"/></Code></Codes></CodeBook>'.encode(),
     "codebook.qdc:3 [guid]: a Code lacks its guid attribute"),
    (f'<CodeBook xmlns="{QDC_NAMESPACE}"><Codes>\n<Code guid="g" name="Loose" isCodable="true"/>'
     f'</Codes></CodeBook>'.encode(), "codebook.qdc:2 [name]: top-level Code 'Loose' is not a group"),
    (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook/>', "a DOCTYPE is not allowed"),
])
def test_a_bad_qdc_file_is_refused_naming_line_and_element(data, expected):
    with pytest.raises(InvalidInput) as refused:
        codebook_qdc_read(data, groups=GROUPS)
    assert expected in refused.value.report()


@pytest.mark.parametrize(("data", "expected"), [
    (b"code,name\nx,X\n", "codebook.csv:1 [group]: the header row lacks the column 'group'"),
    (b"code,name,group\nx,X,weather\n", "codebook.csv:2 [group]: unknown group 'weather'"),
    (b"code,name,group\nnot a code,X,need\n", "codebook.csv:2 [code]: code 'not a code'"),
    (b"code,name,group\nx,,need\n", "codebook.csv:2 [name]: the name is empty"),
    (b"code,name,group\nx,X,need\nx,Y,need\n", "codebook.csv:3 [code]: code 'x' appears twice"),
    (b"code,name,group\n", "codebook.csv:2: the file holds no theme"),
    (b"code,name,group\n\xe9t\xe9,X,need\n", "codebook.csv:2: not UTF-8 text"),
])
def test_a_bad_csv_file_is_refused_naming_line_and_field(data, expected):
    with pytest.raises(InvalidInput) as refused:
        codebook_csv_read(data, groups=GROUPS)
    assert expected in refused.value.report()
