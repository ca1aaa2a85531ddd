"""Search across a project: exact code point offsets for any query, filters, and the index
kept current on import, deletion and for projects whose index lacks turns."""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete

from app.dto import DocumentContent
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import EmptyQueryError, UnknownDocumentError, UnknownTagError
from app.exchange import import_annotations
from app.project import Project
from app.search.engine import (
    LATIN_FOLD,
    ensure_index,
    index_document,
    index_tokens,
    scan,
    search,
    unindex_document,
)
from app.search.hit_tagging import tag_hits
from models import Document, Turn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

INTERVIEW = """创新突破 见行动
奋力打造实力之城
——访泊里镇党委书记刘在军
□本报记者 丁霞
记者:2023年是全面贯彻党的二十大精神的开局之年,党建工作怎么抓?
刘在军:我们坚持党建引领,抓党建就是抓全局。民生是最大的政治,GDP增长7%,gdp质量更高。
记者:𠮷野家和😀表情包也能进访谈吗?经济,发展怎么看?
刘在军:当然能,𠮷野家😀开店了,经济发展好😀😀。哈哈哈,民生民生。
"""

NARRATION = "我们要加强党\n\n建设工作要落实\n\n强党之路新局面\n"


def imported(project: Project, import_source, content: str, name: str) -> DocumentContent:
    report = import_source(project, content, name)
    [document] = report.imported
    return project.document(document.id)


def expected_hits(content: DocumentContent, query: str, fold: bool = False) -> list[tuple]:
    """Non-overlapping occurrences in each turn's words, found without any index."""
    text = content.text
    found = []
    for turn in content.turns:
        words = text[turn.content_start : turn.end]
        haystack = words.translate(LATIN_FOLD) if fold else words
        needle = query.translate(LATIN_FOLD) if fold else query
        position = haystack.find(needle)
        while position >= 0:
            start = turn.content_start + position
            found.append((content.meta.id, start, start + len(query)))
            position = haystack.find(needle, position + len(needle))
    return found


def spans(hits) -> list[tuple]:
    return [(hit.document_id, hit.start, hit.end) for hit in hits]


def index_rows(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        turns = connection.execute("SELECT count(*) FROM turns").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM search_index_docsize").fetchone()[0]
        return turns, indexed
    finally:
        connection.close()


@pytest.fixture
def interview(project: Project, import_source) -> DocumentContent:
    return imported(project, import_source, INTERVIEW, "interview.txt")


@pytest.mark.parametrize(
    "query", ["党", "民", "党建", "民生", "经济发展", "全面贯彻党的二十大精神", "抓党建就是抓全局"]
)
def test_one_two_and_many_characters(project: Project, interview: DocumentContent, query) -> None:
    hits = search(project, query)
    assert spans(hits) == expected_hits(interview, query)
    assert hits, query
    for hit in hits:
        assert interview.text[hit.start : hit.end] == hit.hit == query


def test_hits_carry_turn_speaker_and_context(project: Project, interview: DocumentContent) -> None:
    [first, *_rest] = search(project, "抓党建就是抓全局")
    text = interview.text
    turn = next(t for t in interview.turns if t.content_start <= first.start < t.end)
    assert (first.turn_index, first.speaker, first.kind) == (turn.index, "刘在军", "answer")
    assert first.left == text[max(turn.start, first.start - 15) : first.start]
    assert first.left.startswith("刘在军:")  # the label is context, not searched
    assert first.right == text[first.end : first.end + 15]
    assert first.context == first.left + first.hit + first.right
    # near the end of a turn, the context stops at the turn and never holds a newline
    [last] = search(project, "民生民生")
    assert last.right == "。"
    assert all("\n" not in hit.context for hit in search(project, "民"))


def test_astral_characters_count_as_one(project: Project, interview: DocumentContent) -> None:
    text = interview.text
    for query in ["𠮷", "𠮷野家", "😀", "😀😀", "好😀", "家😀开"]:
        hits = search(project, query)
        assert spans(hits) == expected_hits(interview, query), query
        for hit in hits:
            assert text[hit.start : hit.end] == query
            assert hit.end - hit.start == len(query)
    # after two astral characters the offsets are still code points
    [hit] = search(project, "开店了")
    assert hit.start == text.index("开店了")


def test_hits_never_span_turns(project: Project, import_source) -> None:
    content = imported(project, import_source, NARRATION, "narration.txt")
    assert len(content.turns) == 3
    assert search(project, "党建") == []  # 党 ends one paragraph, 建 starts the next
    assert search(project, "党\n\n建") == []
    assert spans(search(project, "强党")) == expected_hits(content, "强党")
    assert len(search(project, "强党")) == 2
    # a turn's label is not searched, and the label does not join words either side
    assert search(project, "记者") == []


def test_speaker_labels_are_not_searched(project: Project, interview: DocumentContent) -> None:
    hits = search(project, "刘在军")
    assert len(hits) == 1  # the subtitle, not the two answer labels
    assert hits[0].kind == "heading"


def test_latin_letters_in_either_case(project: Project, interview: DocumentContent) -> None:
    text = interview.text
    for query in ["gdp", "GDP", "Gdp"]:
        hits = search(project, query)
        assert [hit.hit for hit in hits] == ["GDP", "gdp"]
        assert [hit.start for hit in hits] == [text.index("GDP"), text.index("gdp")]
    assert [hit.hit for hit in search(project, "gdp增长")] == ["GDP增长"]


def test_full_width_and_accented_latin(project: Project, import_source) -> None:
    content = imported(project, import_source, "ＧＤＰ与ｇｄｐ,Café和CAFÉ\n", "latin.txt")
    assert [hit.hit for hit in search(project, "ｇｄｐ")] == ["ＧＤＰ", "ｇｄｐ"]
    assert [hit.hit for hit in search(project, "café")] == ["Café", "CAFÉ"]
    assert search(project, "cafe") == []  # accents are not ignored
    for hit in search(project, "café"):
        assert content.text[hit.start : hit.end] == hit.hit


def test_the_index_folds_case_exactly_as_search_does(tmp_path: Path) -> None:
    """Every pair that search treats as equal is one token in the index too, so the index
    never leaves out a turn that holds a hit."""
    connection = sqlite3.connect(tmp_path / "fold.db")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(chars, content='', tokenize='unicode61')")
    pairs = sorted(LATIN_FOLD.items())
    connection.executemany(
        "INSERT INTO t (rowid, chars) VALUES (?, ?)", [(upper, chr(upper)) for upper, _ in pairs]
    )
    for upper, lower in pairs:
        found = connection.execute("SELECT rowid FROM t WHERE t MATCH ?", (f'"{chr(lower)}"',))
        assert upper in [rowid for (rowid,) in found], chr(upper)
    connection.close()


def test_punctuation_and_spaces_in_queries(project: Project, interview: DocumentContent) -> None:
    text = interview.text
    [hit] = search(project, "经济,发展")
    assert hit.start == text.index("经济,发展")
    [hit] = search(project, "经济发展")  # the comma is not ignored: only the answer matches
    assert hit.start == text.index("经济发展")
    for query in [",", "?", "。", "7%", '"', "——访", "民生是最大的政治,GDP"]:
        assert spans(search(project, query)) == expected_hits(interview, query, fold=True), query
    assert len(search(project, ",")) == text.count(",")
    assert search(project, "  党建工作  ") == search(project, "党建工作")  # ends trimmed
    assert index_tokens("经济, 发展!") == ("经", "济", "发", "展")
    assert index_tokens("😀,。") == ()  # nothing the index holds: every turn is read


def test_overlapping_occurrences_are_found_once(project: Project, interview) -> None:
    hits = search(project, "哈哈")
    assert len(hits) == 1
    assert hits[0].hit == "哈哈"


def test_index_and_scan_agree_on_every_substring(project: Project, interview) -> None:
    text = interview.text
    for size in (1, 2, 3, 6):
        for start in range(0, len(text) - size, 7):
            query = text[start : start + size]
            if query.strip() and "\n" not in query:
                assert search(project, query) == scan(project, query), query


def test_filters_by_tag_inside_and_outside(project: Project, interview: DocumentContent) -> None:
    tags = {tag.name: tag.id for tag in project.tags()}
    text = interview.text
    document_id = interview.meta.id
    first = text.index("我们坚持党建引领")
    sentence = (first, text.index("。", first) + 1)
    project.execute(CreateAnnotations((AnnotationSpec(document_id, tags["党建"], *sentence),)))
    all_hits = search(project, "党建")
    inside = search(project, "党建", tag_id=tags["党建"])
    outside = search(project, "党建", tag_id=tags["党建"], inside=False)
    assert len(inside) == 2
    assert all(sentence[0] <= hit.start and hit.end <= sentence[1] for hit in inside)
    assert sorted(spans(inside) + spans(outside)) == spans(all_hits)
    assert search(project, "党建", tag_id=tags["民生"]) == []
    assert search(project, "党建", tag_id=tags["民生"], inside=False) == all_hits
    # a hit that only partly overlaps the passage is not inside it
    partial = search(project, "政治,GDP", tag_id=tags["党建"], inside=False)
    assert len(partial) == 1
    with pytest.raises(UnknownTagError):
        search(project, "党建", tag_id=999)


def test_answers_only_and_document_filters(
    project: Project, interview: DocumentContent, import_source
) -> None:
    other = imported(project, import_source, NARRATION, "narration.txt")
    hits = search(project, "党建", answers_only=True)
    assert hits and all(hit.kind == "answer" and hit.speaker == "刘在军" for hit in hits)
    assert len(hits) == len([h for h in search(project, "党建") if h.kind == "answer"])
    assert {hit.document_id for hit in search(project, "党")} == {interview.meta.id, other.meta.id}
    assert {hit.document_id for hit in search(project, "党", document_id=other.meta.id)} == {
        other.meta.id
    }
    assert {hit.document_id for hit in search(project, "党", documents=[interview.meta.id])} == {
        interview.meta.id
    }
    assert len(search(project, "党", limit=3)) == 3
    assert search(project, "党", limit=0) == []
    with pytest.raises(UnknownDocumentError):
        search(project, "党", document_id=999)


def test_empty_query_is_refused(project: Project, interview) -> None:
    for query in ["", "   ", "\n"]:
        with pytest.raises(EmptyQueryError):
            search(project, query)


# The index ---------------------------------------------------------------------------------


def test_imported_documents_are_indexed(
    project: Project, project_path: Path, import_source, reopen
) -> None:
    imported(project, import_source, INTERVIEW, "one.txt")
    assert index_rows(project_path)[0] == index_rows(project_path)[1] > 0
    later = imported(
        project, import_source, "记者:新的问题是什么?\n王五:新问题是湾区。\n", "two.txt"
    )
    [hit] = search(project, "湾区")
    assert (hit.document_id, hit.start) == (later.meta.id, later.text.index("湾区"))
    turns, indexed = index_rows(project_path)
    assert turns == indexed
    project = reopen(project)
    assert len(search(project, "湾区")) == 1


def test_documents_from_annotation_files_are_indexed(
    project: Project, project_path: Path, tmp_path: Path
) -> None:
    text = "记者:乡村振兴怎么做?\n刘在军:发展𠮷祥产业😀,民生为本。\n"
    source = tmp_path / "doccano.jsonl"
    record = {"text": text, "label": [[text.index("民生"), text.index("民生") + 2, "民生"]]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = import_annotations(project, source)
    [created] = report.created
    turns, indexed = index_rows(project_path)
    assert turns == indexed > 0
    [hit] = search(project, "𠮷祥产业")
    assert (hit.document_id, hit.start) == (created.id, text.index("𠮷祥产业"))
    tags = {tag.name: tag.id for tag in project.tags()}
    assert len(search(project, "民生", tag_id=tags["民生"])) == 1


def test_unindexed_document_is_no_longer_found(
    project: Project, project_path: Path, interview, import_source
) -> None:
    other = imported(project, import_source, NARRATION, "narration.txt")
    with project.writing() as session:
        unindex_document(session, other.meta.id)
        session.execute(delete(Turn).where(Turn.document_id == other.meta.id))
        session.execute(delete(Document).where(Document.id == other.meta.id))
    turns, indexed = index_rows(project_path)
    assert turns == indexed
    assert search(project, "强党") == []
    # the freed turn ids can be used again by the next import
    again = imported(project, import_source, "记者:强党的办法?\n王五:强党靠实干。\n", "again.txt")
    assert [hit.document_id for hit in search(project, "强党")] == [again.meta.id] * 2


def test_project_with_empty_index_is_repaired_on_first_search(tmp_path: Path) -> None:
    path = tmp_path / "frozen.fangtan"
    shutil.copyfile(FIXTURES / "schema-0003.fangtan", path)
    turns, indexed = index_rows(path)
    assert turns > 0 and indexed == 0
    project = Project.open(path, create=False)
    try:
        content = project.document(project.documents()[0].id)
        hits = search(project, "党建")
        assert hits
        for hit in hits:
            assert hit.hit == "党建"
        assert spans(hits) == [s for s in spans(scan(project, "党建"))]
        assert spans(search(project, "泊里镇", document_id=content.meta.id)) == expected_hits(
            content, "泊里镇"
        )
    finally:
        project.close()
    assert index_rows(path) == (turns, turns)


def test_index_with_rows_of_deleted_turns_is_rebuilt(
    project: Project, project_path: Path, interview: DocumentContent, reopen
) -> None:
    connection = sqlite3.connect(project_path)
    with connection:
        connection.execute("INSERT INTO search_index (rowid, chars) VALUES (9999, '党 建')")
        connection.execute("DELETE FROM search_index_docsize WHERE id = 1")  # one turn lost too
    connection.close()
    project = reopen(project)
    assert spans(search(project, "党建")) == expected_hits(interview, "党建")
    turns, indexed = index_rows(project_path)
    assert turns == indexed


def test_read_only_project_with_empty_index_is_searched_without_it(
    project: Project, project_path: Path, interview: DocumentContent
) -> None:
    project.close()
    connection = sqlite3.connect(project_path)
    with connection:
        connection.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    connection.close()
    read_only = Project.open(project_path, create=False, read_only=True)
    try:
        assert ensure_index(read_only) is False
        assert spans(search(read_only, "党建")) == expected_hits(interview, "党建")
    finally:
        read_only.close()
    assert index_rows(project_path)[1] == 0


# Tagging every hit ---------------------------------------------------------------------------


def test_tag_all_hits_is_one_step_and_skips_tagged_hits(
    project: Project, interview: DocumentContent, reopen
) -> None:
    tags = {tag.name: tag.id for tag in project.tags()}
    hits = search(project, "民生")
    first = hits[0]
    project.execute(
        CreateAnnotations(
            (AnnotationSpec(first.document_id, tags["民生"], first.start, first.end),)
        )
    )
    tagging = tag_hits(project, hits, tags["民生"])
    assert (tagging.tagged, tagging.skipped) == (len(hits) - 1, 1)
    history = History(project)
    history.do(tagging.command, "tag hits")
    project = reopen(project)
    stored = project.annotations(interview.meta.id)
    assert sorted((a.start, a.end) for a in stored) == [(h.start, h.end) for h in hits]
    assert all(a.text == "民生" and a.tag_id == tags["民生"] for a in stored)
    History(project).undo()
    assert [(a.start, a.end) for a in project.annotations(interview.meta.id)] == [
        (first.start, first.end)
    ]
    assert tag_hits(project, [first], tags["民生"]).command is None


def test_a_document_replaced_under_its_id_is_read_again(
    project: Project, interview: DocumentContent
) -> None:
    """Texts are kept between searches; one replaced under the same id is not mistaken."""
    document_id = interview.meta.id
    assert len(search(project, "民生")) == 3
    replacement = "记者:民生新篇?\n王五:民生是根本。\n"
    with project.writing() as session:
        unindex_document(session, document_id)
        session.execute(delete(Turn).where(Turn.document_id == document_id))
        session.execute(delete(Document).where(Document.id == document_id))
        session.add(Document(id=document_id, title="新", sha256="0" * 64, text=replacement))
        session.flush()
        session.add_all(
            [
                Turn(
                    document_id=document_id,
                    index=0,
                    kind="question",
                    start=0,
                    content_start=3,
                    end=8,
                ),
                Turn(
                    document_id=document_id,
                    index=1,
                    kind="answer",
                    start=9,
                    content_start=12,
                    end=18,
                ),
            ]
        )
        session.flush()
        index_document(session, document_id)
    hits = search(project, "民生")
    assert [(hit.start, hit.right) for hit in hits] == [(3, "新篇?"), (12, "是根本。")]
