"""REFI-QDA .qdpx: project.qde valid against the official schema, sources exact to the byte."""

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.exchange import ExportOptions, SplitOptions, export, import_annotations

pytestmark = pytest.mark.both_backends

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMA_PATH)


def tag_ids(project) -> dict[str, int]:
    return {tag.name: tag.id for tag in project.tags()}


def add_document(project, tmp_path: Path, text: str, meta: dict | None = None) -> int:
    source = tmp_path / "doc.jsonl"
    record = {"text": text, "label": [], **({"meta": meta} if meta else {})}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return import_annotations(project, source).created[0].id


def open_qdpx(path: Path) -> tuple[zipfile.ZipFile, ElementTree.Element]:
    archive = zipfile.ZipFile(path)
    return archive, ElementTree.fromstring(archive.read("project.qde"))


def test_qdpx_is_valid_and_holds_codebook_sources_codings_and_notes(
    sample_project, tmp_path: Path, schema
) -> None:
    project = sample_project
    project.execute(
        CreateTag(TagSpec(name="园区 & <港口>", color="#abc", parent_id=1, description="子"))
    )
    tags = tag_ids(project)
    answer = next(t for t in project.document(1).turns if t.kind == "answer")
    start = answer.content_start
    project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(1, tags["园区 & <港口>"], start, start + 6, note='引号"与\r\n换行'),
                AnnotationSpec(1, tags["民生"], start + 2, start + 9, annotator="李编辑"),
            )
        )
    )
    target = tmp_path / "项目.qdpx"
    summary = export(project, "qdpx", target)
    assert (summary.documents, summary.annotations, summary.warnings) == (2, 2, [])
    archive, root = open_qdpx(target)
    schema.validate(archive.read("project.qde").decode("utf-8"))
    assert root.get("name") == "项目"
    assert root.get("origin").startswith("Fangtan")

    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    assert sorted(users.values()) == ["tester", "李编辑"]
    codes = root.find("q:CodeBook/q:Codes", NS)
    top = [code.get("name") for code in codes.iterfind("q:Code", NS)]
    assert top == ["产业发展", "民生", "党建", "城市更新"]
    child = codes.find("q:Code/q:Code", NS)
    assert (child.get("name"), child.get("color")) == ("园区 & <港口>", "#aabbcc")
    assert child.findtext("q:Description", namespaces=NS) == "子"
    code_names = {c.get("guid"): c.get("name") for c in codes.iter(f"{{{NS['q']}}}Code")}

    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == [project.document(i).meta.title for i in (1, 2)]
    first = sources[0]
    path = first.get("plainTextPath")
    assert path.startswith("internal://")
    stored = archive.read("sources/" + path.removeprefix("internal://"))
    assert stored == project.document(1).text.encode("utf-8")
    selections = first.findall("q:PlainTextSelection", NS)
    found = [
        (
            int(s.get("startPosition")),
            int(s.get("endPosition")),
            code_names[s.find("q:Coding/q:CodeRef", NS).get("targetGUID")],
            users[s.get("creatingUser")],
            s.findtext("q:Description", namespaces=NS),
        )
        for s in selections
    ]
    assert found == [
        (start, start + 6, "园区 & <港口>", "tester", '引号"与\r\n换行'),
        (start + 2, start + 9, "民生", "李编辑", None),
    ]
    notes = {n.get("guid"): n for n in root.iterfind("q:Notes/q:Note", NS)}
    [reference] = selections[0].findall("q:NoteRef", NS)
    note = notes[reference.get("targetGUID")]
    assert note.findtext("q:PlainTextContent", namespaces=NS) == '引号"与\r\n换行'
    assert root.find("q:Sets", NS) is None


def test_qdpx_is_the_same_every_time(sample_project, tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "out.qdpx", tmp_path / "b" / "out.qdpx"
    one.parent.mkdir()
    two.parent.mkdir()
    tags = tag_ids(sample_project)
    sample_project.execute(CreateAnnotations((AnnotationSpec(2, tags["党建"], 40, 60),)))
    export(sample_project, "qdpx", one)
    export(sample_project, "qdpx", two)
    assert one.read_bytes() == two.read_bytes()


def test_qdpx_split_as_sets_and_metadata_as_variables(
    sample_project, tmp_path: Path, schema
) -> None:
    target = tmp_path / "split.qdpx"
    export(sample_project, "qdpx", target, ExportOptions(split=SplitOptions(seed=7)))
    archive, root = open_qdpx(target)
    schema.validate(archive.read("project.qde").decode("utf-8"))
    sets = {s.get("name"): s for s in root.iterfind("q:Sets/q:Set", NS)}
    assert list(sets) == ["train", "dev", "test"]
    members = [m.get("targetGUID") for s in sets.values() for m in s.iterfind("q:MemberSource", NS)]
    sources = [s.get("guid") for s in root.iterfind("q:Sources/q:TextSource", NS)]
    assert sorted(members) == sorted(sources)
    variables = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)}
    first = root.find("q:Sources/q:TextSource", NS)
    values = {
        variables[value.find("q:VariableRef", NS).get("targetGUID")]: value[1].text
        for value in first.iterfind("q:VariableValue", NS)
    }
    assert values["interviewee"] == "刘在军"
    assert values["fangtan_document_id"] == "1"
    turns = json.loads(values["fangtan_turns"])
    assert len(turns) == len(sample_project.document(1).turns)


def test_characters_xml_cannot_hold_are_replaced_and_counted(
    project, tmp_path: Path, schema
) -> None:
    text = "正文\r\n第二行\x0c翻页"
    document = add_document(project, tmp_path, text, meta={"fangtan": 1, "title": "标题\x01"})
    tags = tag_ids(project)
    project.execute(
        CreateAnnotations((AnnotationSpec(document, tags["民生"], 0, 2, note="响\x07铃"),))
    )
    target = tmp_path / "out.qdpx"
    summary = export(project, "qdpx", target)
    kinds = {w.kind: w.count for w in summary.warnings}
    assert kinds == {"xml_characters": 3, "carriage_returns": 1}  # title, note twice
    archive, root = open_qdpx(target)
    schema.validate(archive.read("project.qde").decode("utf-8"))
    source = root.find("q:Sources/q:TextSource", NS)
    assert source.get("name") == "标题\ufffd"
    name = source.get("plainTextPath").removeprefix("internal://")
    assert archive.read(f"sources/{name}").decode("utf-8") == text


def test_an_empty_project_gives_a_valid_qdpx(project, tmp_path: Path, schema) -> None:
    target = tmp_path / "empty.qdpx"
    summary = export(project, "qdpx", target)
    assert summary.documents == 0
    archive, _root = open_qdpx(target)
    assert archive.namelist() == ["project.qde"]
    schema.validate(archive.read("project.qde").decode("utf-8"))
