"""The word lists: seeded once, checked, changed by undoable commands kept on disk."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.chinese.dictionary import (
    SEEDED_KEY,
    AddStopWords,
    AddTerms,
    RemoveStopWords,
    RemoveTerms,
    check_stop_words,
    check_terms,
    ensure_word_lists,
    read_word_file,
    sample_terms,
    seed_stop_words,
    seed_terms,
    split_words,
    word_lists,
)
from app.chinese.segmentation import for_project
from app.editing.codec import dumps, loads
from app.editing.history import History
from app.errors import (
    NoWordsError,
    ProjectReadOnlyError,
    TermCharacterError,
    WordFileError,
    WordsAlreadyListedError,
    WordTooLongError,
)
from app.project import Project
from app.workspace import import_sample

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_a_new_project_gets_the_seed_lists(project, project_path):
    lists = word_lists(project)
    assert {"高质量发展", "营商环境", "专精特新", "一网通办"} <= set(lists.terms)
    assert not set(sample_terms()) & set(lists.terms)  # the sample's names are the sample's
    assert {"的", "了", "和", "，", "。"} <= set(lists.stop_words)
    assert set(lists.terms) == set(seed_terms())
    assert set(lists.stop_words) == set(seed_stop_words())
    project.close()
    assert rows(project_path, f"SELECT value FROM project_settings WHERE key = '{SEEDED_KEY}'") == [
        ("1",)
    ]


def test_an_older_project_is_seeded_once_when_first_needed(tmp_path):
    copy = tmp_path / "old.fangtan"
    shutil.copy(FIXTURES / "schema-0002.fangtan", copy)
    project = Project.open(copy, create=False)
    try:
        assert rows(copy, "SELECT count(*) FROM dictionary_terms") == [(0,)]
        assert "营商环境" in word_lists(project).terms
        # Emptied on purpose: not seeded again, not even after reopening.
        history = History(project)
        lists = word_lists(project)
        history.do(RemoveTerms(lists.terms), "remove all")
        history.do(RemoveStopWords(lists.stop_words), "remove all")
    finally:
        project.close()
    project = Project.open(copy, create=False)
    try:
        ensure_word_lists(project)
        assert word_lists(project).terms == ()
    finally:
        project.close()


def test_a_read_only_project_is_not_seeded(tmp_path, digest):
    copy = tmp_path / "current.fangtan"
    newest = max(FIXTURES.glob("schema-*.fangtan"))
    shutil.copy(newest, copy)
    before = rows(copy, "SELECT term FROM dictionary_terms ORDER BY term")
    unchanged = digest(copy)
    project = Project.open(copy, create=False, read_only=True)
    try:
        assert [(term,) for term in word_lists(project).terms] == before
        with pytest.raises(ProjectReadOnlyError):
            History(project).do(AddTerms(("泊里镇",)), "add")
    finally:
        project.close()
    assert digest(copy) == unchanged


def test_undo_and_redo_survive_reopening(project_path, open_project, reopen):
    project = open_project()
    History(project).do(AddTerms(("宜居宜业宜游", "唐岛湾")), "add")
    project.close()
    stored = rows(project_path, "SELECT id, term, created_at FROM dictionary_terms")
    added = {row for row in stored if row[1] in ("宜居宜业宜游", "唐岛湾")}
    assert len(added) == 2

    project = open_project(create=False)
    History(project).undo()
    assert "宜居宜业宜游" not in word_lists(project).terms
    assert "宜居宜业宜游" not in [w for w, _s, _e in for_project(project).words("宜居宜业宜游")]
    project.close()
    assert not {row[1] for row in rows(project_path, "SELECT * FROM dictionary_terms")} & {
        "宜居宜业宜游",
        "唐岛湾",
    }

    project = open_project(create=False)
    History(project).redo()
    project.close()
    again = rows(project_path, "SELECT id, term, created_at FROM dictionary_terms")
    assert {row for row in again if row[1] in ("宜居宜业宜游", "唐岛湾")} == added  # ids, dates

    project = open_project(create=False)
    assert "宜居宜业宜游" in [w for w, _s, _e in for_project(project).words("宜居宜业宜游")]


def test_stop_words_undo(project, project_path):
    history = History(project)
    history.do(AddStopWords(("建设", "打造")), "add")
    history.do(RemoveStopWords(("的",)), "remove")
    lists = word_lists(project)
    assert {"建设", "打造"} <= set(lists.stop_words)
    assert "的" not in lists.stop_words
    history.undo()
    history.undo()
    lists = word_lists(project)
    assert "的" in lists.stop_words
    assert not {"建设", "打造"} & set(lists.stop_words)
    project.close()
    assert rows(project_path, "SELECT count(*) FROM stop_words") == [(len(seed_stop_words()),)]


def test_removing_words_that_are_gone_is_a_harmless_step(project):
    history = History(project)
    history.do(AddTerms(("唐岛湾",)), "add")
    history.do(RemoveTerms(("唐岛湾", "没有这个词")), "remove")
    history.do(RemoveTerms(("唐岛湾",)), "remove again")  # nothing there: nothing changes
    history.undo()
    history.undo()
    assert "唐岛湾" in word_lists(project).terms


def test_a_restored_term_added_again_meanwhile_is_not_doubled(project):
    history = History(project)
    history.do(RemoveTerms(("泊里镇",)), "remove")
    project.execute(AddTerms(("泊里镇",)))  # outside the history, as another window might
    history.undo()  # puts back 泊里镇 only if it is missing
    assert word_lists(project).terms.count("泊里镇") == 1


def test_commands_are_stored_in_the_history_and_read_back(project):
    for command in (
        AddTerms(("泊里镇", "董家口")),
        RemoveTerms(("泊里镇",)),
        AddStopWords(("的",)),
        RemoveStopWords(("的",)),
    ):
        assert loads(dumps(command)) == command
    applied = project.execute(RemoveTerms(("泊里镇",)))
    assert loads(dumps(applied.inverse)) == applied.inverse
    applied = project.execute(RemoveStopWords(("的",)))
    assert loads(dumps(applied.inverse)) == applied.inverse


def test_bad_words_are_refused_and_nothing_changes(project):
    before = word_lists(project)
    with pytest.raises(TermCharacterError) as caught:
        project.execute(AddTerms(("谋发展·话落实",)))
    assert caught.value.params["character"] == "·"
    with pytest.raises(TermCharacterError):
        check_terms(["𠮷野家"])  # jieba cuts characters outside its ranges one by one
    with pytest.raises(WordTooLongError):
        project.execute(AddTerms(("长" * 101,)))
    with pytest.raises(NoWordsError):
        project.execute(AddTerms(("  ",)))
    with pytest.raises(WordsAlreadyListedError):
        project.execute(AddTerms(("营商环境", "专精特新")))
    with pytest.raises(WordsAlreadyListedError):
        project.execute(AddStopWords(("的",)))
    with pytest.raises(TermCharacterError):
        check_stop_words(["两 个"])
    assert word_lists(project) == before


def test_words_are_typed_with_spaces_commas_or_enumeration_commas():
    assert split_words(" 泊里镇，董家口、薛家岛 ,唐岛湾;  海西湾 ") == [
        "泊里镇",
        "董家口",
        "薛家岛",
        "唐岛湾",
        "海西湾",
    ]
    assert check_terms(["泊里镇", " 泊里镇 ", "5+5+7"]) == ("泊里镇", "5+5+7")
    assert check_stop_words(["，", "的", "，"]) == ("，", "的")


def test_word_files_in_several_encodings(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes("\ufeff# 注释\n泊里镇 3 ns\n\n董家口\r\n".encode())
    assert read_word_file(utf8) == ["泊里镇", "董家口"]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("薛家岛\n唐岛湾\n".encode("gb18030"))
    assert read_word_file(gbk) == ["薛家岛", "唐岛湾"]
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("海西湾\n".encode("utf-16"))
    assert read_word_file(utf16) == ["海西湾"]
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(WordFileError):
        read_word_file(binary)
    with pytest.raises(WordFileError):
        read_word_file(tmp_path / "missing.txt")


def test_the_seed_dictionary_keeps_reporting_vocabulary_whole(project):
    from app.chinese import segmentation

    text = "推动高质量发展，优化营商环境，培育专精特新企业，推进老旧小区改造和一网通办。"
    plain = [word for word, _s, _e in segmentation.tokens(text)]
    with_terms = [word for word, _s, _e in for_project(project).tokens(text)]
    for term in ("高质量发展", "营商环境", "专精特新", "老旧小区改造", "一网通办"):
        assert term not in plain
        assert term in with_terms
    assert "".join(with_terms) == text


def test_the_sample_project_also_gets_the_names_its_interviews_use(project, sample_path):
    from app.chinese import segmentation

    import_sample(project)
    assert set(sample_terms()) <= set(word_lists(project).terms)
    text = sample_path.read_text(encoding="utf-8")
    plain = [word for word, _s, _e in segmentation.tokens(text)]
    with_terms = [word for word, _s, _e in for_project(project).tokens(text)]
    for term in ("泊里镇", "董家口经济区", "海西湾", "创新突破年", "薛家岛街道", "红帆支部"):
        assert term not in plain
        assert term in with_terms
    assert "".join(with_terms) == text
