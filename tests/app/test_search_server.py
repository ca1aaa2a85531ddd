"""Search on a project file and on a server project: the same interviews give the same
hits for every query, and the server's index follows deletions and is repaired."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.editing.turn_commands import MergeTurn, SplitTurn
from app.errors import EmptyQueryError
from app.importing.importer import import_text
from app.project import Project
from app.search.engine import LATIN_FOLD, Hit, ensure_index, scan, search, unindex_document
from app.search.index_postgresql import PostgresIndex, like_pattern
from app.search.index_sqlite import SqliteIndex
from app.server.admin import add_user, init_server
from models import Document, Turn
from models.server import ServerAddress
from tests.support.postgres import Cluster, ServerDatabase

ANNOTATOR = "tester"

HARBOUR = """港口物流 见行动
——访青岛港物流中心主任王海
记者:今年ＧＤＰ和gdp的增速都在7%以上吗?Café还是CAFÉ,哪个写法对?
王海:是的,增长7%,100%_完成任务。文件放在C:\\数据\\访谈_2023,别写成C:/数据。
记者:𠮷野家和😀表情包、👍🏽点赞,能算进访谈吗?
王海:当然能,𠮷野家😀开店了,经济发展好😀😀。哈哈哈,民生民生!
"""

VILLAGE = """乡村振兴 新局面
记者:Ａｐｐ和APP、app有什么区别?ÀÉÎ与àéî呢?
李娜:没有区别,都是App。“引号”和'单引号'、【括号】也一样,ǄǅǆΣσς都照写。
记者:下划线__和百分号%%、反斜杠\\\\怎么搜?
李娜:a_b、a%b、a\\b都要找得到,50%_off也是,\\%与\\_也算。
"""

PORT = """记者:２０２３年的目标是什么?
张伟:目标是吞吐量破亿,ＧＤＰ贡献10%;Straße和STRASSE不一样。
记者:𠀀字和𪚥字能存吗?😀😀😀呢?
张伟:能存,党建引领,抓党建就是抓全局,𪚥𪚥。
"""

INTERVIEWS = {"harbour.txt": HARBOUR, "village.txt": VILLAGE, "port.txt": PORT}
# Queries the index of each engine must not get wrong: escapes, case, astral, no hit.
SPECIAL = [
    "%",
    "_",
    "\\",
    "%_",
    "\\%",
    "\\_",
    "\\\\",
    "a%b",
    "a_b",
    "7%",
    "__",
    "%%",
    "C:\\数据",
    "gdp",
    "ＧＤＰ",
    "ｇｄｐ",
    "café",
    "CAFÉ",
    "cafe",
    "app",
    "ａｐｐ",
    "ǆ",
    "Ǆǅ",
    "σ",
    "ss",
    "ß",
    "𠮷",
    "😀😀",
    "👍",
    "🏽",
    "𪚥",
    "哈哈",
    "经济发展",
    "王海:",
    "记者",
    "?",
    "。",
    "a\x00",
    "没有这句话",
]
NO_HITS = {"cafe", "a\x00", "没有这句话", "王海:", "记者"}  # labels are not searched


@dataclass(frozen=True)
class Both:
    file: Project
    server: Project


def _make_both(path: Path, url: str) -> Both:
    """The same interviews imported into a new project file and a new server project."""
    init_server(ServerAddress.parse(url))
    both = Both(Project.open(path, annotator=ANNOTATOR), Project.open(url, annotator=ANNOTATOR))
    for name, content in INTERVIEWS.items():
        for project in (both.file, both.server):
            report = import_text(project, content, name)
            assert report.failures == [] and len(report.imported) == 1
    return both


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, postgres_cluster: Cluster) -> Iterator[Both]:
    path = tmp_path_factory.mktemp("both") / "search.fangtan"
    with postgres_cluster.database() as database:
        made = _make_both(path, database.url)
        try:
            yield made
        finally:
            made.file.close()
            made.server.close()


@pytest.fixture
def fresh(tmp_path: Path, server_database: ServerDatabase) -> Iterator[Both]:
    made = _make_both(tmp_path / "search.fangtan", server_database.url)
    try:
        yield made
    finally:
        made.file.close()
        made.server.close()


def turn_words(project: Project) -> list[str]:
    """The searched words of every turn, in document and turn order."""
    words = []
    for summary in project.documents():
        content = project.document(summary.id)
        words += [content.text[turn.content_start : turn.end] for turn in content.turns]
    return words


def assert_same_hits(both: Both, query: str) -> list[Hit]:
    if not query.strip():
        for project in (both.file, both.server):
            with pytest.raises(EmptyQueryError):
                search(project, query)
        return []
    hits = search(both.file, query)
    assert search(both.server, query) == hits, repr(query)
    assert scan(both.file, query) == hits, repr(query)
    return hits


def index_rows(cluster: Cluster, database: str) -> tuple[dict[int, str], dict[int, str]]:
    """What the server holds, read on a connection of its own: the index rows, and the
    rows the turns call for (their words, case-folded)."""
    with cluster.connect(database) as connection:
        rows = dict(connection.execute("SELECT rowid, chars FROM search_index").fetchall())
        turns = connection.execute(
            'SELECT t.id, d.text, t.content_start, t."end" FROM turns t'
            " JOIN documents d ON d.id = t.document_id"
        ).fetchall()
    wanted = {
        turn_id: text[first:last].translate(LATIN_FOLD) for turn_id, text, first, last in turns
    }
    return rows, wanted


def candidates(project: Project, query: str) -> set[int]:
    index = SqliteIndex() if project.server is None else PostgresIndex(LATIN_FOLD)
    chosen = index.candidates(query)
    assert chosen is not None
    with project.reading() as session:
        return set(session.scalars(chosen))


# The same hits on both engines ------------------------------------------------------------


def test_the_projects_hold_the_same_turns(both: Both) -> None:
    assert turn_words(both.file) == turn_words(both.server)
    assert ensure_index(both.file) and ensure_index(both.server)


def test_every_short_substring_of_some_turns_finds_the_same_hits(both: Both) -> None:
    words = turn_words(both.file)
    # turns with backslashes, %, _, full-width and accented letters, Ǆǅǆ, 𠮷 and emoji
    marks = ("C:\\", "a%b", "Ａｐｐ", "Ǆ", "𠮷野家😀")
    chosen = {next(turn for turn in words if mark in turn) for mark in marks}
    assert len(chosen) == len(marks)
    pieces = {
        turn[start : start + size]
        for turn in chosen
        for size in range(1, 5)
        for start in range(len(turn) - size + 1)
    }
    assert all(piece.strip() for piece in pieces)
    for query in sorted(pieces | {piece.upper() for piece in pieces}):
        hits = search(both.file, query)
        assert search(both.server, query) == hits, repr(query)
        assert hits or query not in pieces, repr(query)


@pytest.mark.parametrize("query", SPECIAL)
def test_escapes_case_and_astral_characters(both: Both, query: str) -> None:
    hits = assert_same_hits(both, query)
    assert bool(hits) is (query not in NO_HITS), query
    # on the server the candidates are exactly the turns that hold a hit
    assert len(candidates(both.server, query)) == len({(h.document_id, h.turn_index) for h in hits})


def test_like_pattern_escapes_its_wildcards() -> None:
    assert like_pattern("a%b_c\\d") == "%a\\%b\\_c\\\\d%"


def test_filters_and_limits_agree(both: Both) -> None:
    [first, *_rest] = both.file.documents()
    for query in ("党", "记者", "%", "😀", "app"):
        for options in (
            {"answers_only": True},
            {"document_id": first.id},
            {"documents": [first.id]},
            {"limit": 2},
        ):
            hits = search(both.file, query, **options)
            assert search(both.server, query, **options) == hits, (query, options)


@st.composite
def pieces(draw: st.DrawFn, words: list[str]) -> str:
    """A stretch of some turn's words, its letters' case changed here and there."""
    turn = draw(st.sampled_from(words))
    start = draw(st.integers(0, len(turn) - 1))
    size = draw(st.integers(1, 8))
    changes = draw(st.lists(st.sampled_from([str, str.upper, str.lower]), min_size=size))
    piece = turn[start : start + size]
    return "".join(change(c) for change, c in zip(changes[: len(piece)], piece, strict=True))


WORDS = [
    HARBOUR[HARBOUR.index("今年") :],
    VILLAGE[VILLAGE.index("Ａｐｐ") :],
    PORT[PORT.index("２０２３") :],
]
ALPHABET = sorted(set("".join(INTERVIEWS.values())) | set("%_\\ZzÉ\x00 \t"))


@settings(max_examples=150)
@given(query=st.one_of(pieces(WORDS), st.text(st.sampled_from(ALPHABET), min_size=1, max_size=5)))
def test_drawn_queries_find_the_same_hits(both: Both, query: str) -> None:
    assert_same_hits(both, query)


# The server's index kept current ------------------------------------------------------------


def _delete_document(project: Project, document_id: int) -> None:
    with project.writing() as session:
        unindex_document(session, document_id)
        session.execute(delete(Turn).where(Turn.document_id == document_id))
        session.execute(delete(Document).where(Document.id == document_id))


def test_deleted_document_leaves_no_stale_candidates(
    fresh: Both, postgres_cluster: Cluster, server_database: ServerDatabase
) -> None:
    harbour, village, port = fresh.file.documents()
    assert harbour.title.startswith("港口")
    for project in (fresh.file, fresh.server):
        assert candidates(project, "𠮷野家")
        _delete_document(project, harbour.id)
        assert candidates(project, "𠮷野家") == set()
        assert candidates(project, "c:\\数据") == set()
    rows, wanted = index_rows(postgres_cluster, server_database.name)
    assert rows == wanted and rows
    for query in ("𠮷野家", "😀", "%", "app", "记者"):
        assert_same_hits(fresh, query)
    # a new import on each engine (taking the freed turn ids on the file) is found alike
    for project in (fresh.file, fresh.server):
        import_text(project, "记者:𠮷野家还在吗?\n王海:不在了,100%_搬走。\n", "again.txt")
    [again] = [d.id for d in fresh.file.documents() if d.id not in (village.id, port.id)]
    assert [hit.document_id for hit in assert_same_hits(fresh, "𠮷野家")] == [again]
    assert [hit.document_id for hit in assert_same_hits(fresh, "%_")] == [village.id, again]
    rows, wanted = index_rows(postgres_cluster, server_database.name)
    assert rows == wanted


def test_turn_edits_keep_the_server_index_current(
    fresh: Both, postgres_cluster: Cluster, server_database: ServerDatabase
) -> None:
    village = next(d for d in fresh.file.documents() if d.title.startswith("乡村"))
    content = fresh.file.document(village.id)
    first = next(turn for turn in content.turns if turn.speaker == "记者")
    second = content.turns[first.index + 1]
    # the end of the first turn and the label of the next: not searched until they are one
    joined = content.text[first.end - 2 : second.content_start + 2]
    assert "李娜:" in joined
    assert assert_same_hits(fresh, joined) == []
    split_at = content.text.index("都是App")
    for project in (fresh.file, fresh.server):
        project.execute(MergeTurn(village.id, second.index))
    assert len(assert_same_hits(fresh, joined)) == 1
    for project in (fresh.file, fresh.server):
        project.execute(SplitTurn(village.id, first.index, split_at))
    rows, wanted = index_rows(postgres_cluster, server_database.name)
    assert rows == wanted
    for query in (joined, "没有区别", "都是App", "app", "%"):
        assert_same_hits(fresh, query)


def test_server_index_whose_rows_were_deleted_is_repaired(
    fresh: Both, postgres_cluster: Cluster, server_database: ServerDatabase
) -> None:
    expected = {query: search(fresh.file, query) for query in ("党建", "𪚥", "%", "ＧＤＰ")}
    fresh.server.close()
    with postgres_cluster.connect(server_database.name) as connection:
        connection.execute("DELETE FROM search_index WHERE rowid % 2 = 0")
    rows, wanted = index_rows(postgres_cluster, server_database.name)
    assert 0 < len(rows) < len(wanted)
    reopened = Project.open(server_database.url, create=False, annotator=ANNOTATOR)
    try:
        assert ensure_index(reopened)
        assert index_rows(postgres_cluster, server_database.name) == (wanted, wanted)
        for query, hits in expected.items():
            assert search(reopened, query) == hits, query
    finally:
        reopened.close()
    with postgres_cluster.connect(server_database.name) as connection:
        connection.execute("DELETE FROM search_index")
    reopened = Project.open(server_database.url, create=False, annotator=ANNOTATOR)
    try:
        for query, hits in expected.items():
            assert search(reopened, query) == hits, query
    finally:
        reopened.close()
    assert index_rows(postgres_cluster, server_database.name) == (wanted, wanted)


def test_annotator_who_may_not_repair_searches_without_the_index(
    fresh: Both, postgres_cluster: Cluster, server_database: ServerDatabase
) -> None:
    address = ServerAddress.parse(server_database.url)
    name = f"reader_{server_database.name[-8:]}"
    add_user(address, name, "annotator")
    expected = {query: search(fresh.file, query) for query in ("党建", "😀", "\\")}
    with postgres_cluster.connect(server_database.name) as connection:
        connection.execute("DELETE FROM search_index")
    annotator = Project.open(address.with_user(name), create=False)
    try:
        assert ensure_index(annotator) is False
        for query, hits in expected.items():
            assert search(annotator, query) == hits, query
    finally:
        annotator.close()
    rows, wanted = index_rows(postgres_cluster, server_database.name)
    assert rows == {} and wanted
