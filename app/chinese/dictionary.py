"""The project's word lists: dictionary terms the segmenter keeps whole, and stop words
left out of keyword lists. Every change is an undoable command.

New projects get the seed lists (seeds/user_dictionary.txt, seeds/stopwords.txt) with
their codebook: general words of policy and economic reporting. The sample project also
gets the names its interviews use (seeds/sample_terms.txt). An older project gets the seed
lists the first time a list is needed, once: a project whose lists were emptied on purpose
is not seeded again.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.chinese.segmentation import note_dictionary_change
from app.dto import Changes
from app.editing.commands import Applied, Command
from app.errors import (
    NoWordsError,
    TermCharacterError,
    WordFileError,
    WordsAlreadyListedError,
    WordTooLongError,
)
from models import DictionaryTerm, ProjectSetting, StopWord
from models.base import utc_now

if TYPE_CHECKING:
    from app.project import Project

SEEDED_KEY = "dictionary.word_lists_seeded"
TERMS_SEED = "user_dictionary.txt"
STOP_WORDS_SEED = "stopwords.txt"
SAMPLE_TERMS_SEED = "sample_terms.txt"
MAX_LENGTH = 100  # the columns hold 100 characters
MAX_FILE_BYTES = 20_000_000

# What jieba keeps in one piece: anything else always ends a word (see jieba's re_han_default).
_WHOLE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_SEPARATORS = re.compile(r"[\s,，、;；]+")


# Reading words ------------------------------------------------------------------------


def split_words(text: str) -> list[str]:
    """The words typed in one line: separated by spaces, commas, 、 or semicolons."""
    return [word for word in _SEPARATORS.split(text) if word]


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))


def check_terms(words: Iterable[str]) -> tuple[str, ...]:
    """Dictionary terms as stored: trimmed, each once; refused if jieba cannot keep one whole."""
    checked = []
    for word in words:
        term = word.strip()
        if not term:
            continue
        if len(term) > MAX_LENGTH:
            raise WordTooLongError(word=term[:20], limit=MAX_LENGTH)
        if not _WHOLE.fullmatch(term):
            character = next(c for c in term if not _WHOLE.fullmatch(c))
            raise TermCharacterError(word=term, character=character)
        checked.append(term)
    if not checked:
        raise NoWordsError()
    return _unique(checked)


def check_stop_words(words: Iterable[str]) -> tuple[str, ...]:
    """Stop words as stored: trimmed, each once; punctuation is allowed."""
    checked = []
    for word in words:
        cleaned = word.strip()
        if not cleaned:
            continue
        if len(cleaned) > MAX_LENGTH:
            raise WordTooLongError(word=cleaned[:20], limit=MAX_LENGTH)
        space = next((c for c in cleaned if c.isspace()), None)
        if space is not None:  # no token ever holds a space, so it could never match
            raise TermCharacterError(word=cleaned, character=space)
        checked.append(cleaned)
    if not checked:
        raise NoWordsError()
    return _unique(checked)


def parse_word_list(text: str) -> list[str]:
    """Words of a word-list file: one a line (jieba's ``word [frequency] [tag]`` lines too);
    blank lines and lines starting with # are skipped."""
    words = []
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        words.append(line.split()[0])
    return words


def read_word_file(path: Path) -> list[str]:
    """The words of a text file (UTF-8, UTF-16 with a byte order mark, or GB18030)."""
    shown = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise WordFileError(path=shown, detail="larger than 20 MB")
        data = path.read_bytes()
    except OSError as error:
        raise WordFileError(path=shown, detail=error.strerror or str(error)) from error
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WordFileError(path=shown, detail="a binary file")
    for encoding in ("utf-16", "utf-8-sig", "gb18030"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return parse_word_list(text)
    raise WordFileError(path=shown, detail="not UTF-8, UTF-16 or GB18030 text")


# The seed lists ------------------------------------------------------------------------


@cache
def seed_terms() -> tuple[str, ...]:
    text = (resources.files("seeds") / TERMS_SEED).read_text(encoding="utf-8")
    return check_terms(parse_word_list(text))


@cache
def sample_terms() -> tuple[str, ...]:
    """The place and programme names of the sample interviews."""
    text = (resources.files("seeds") / SAMPLE_TERMS_SEED).read_text(encoding="utf-8")
    return check_terms(parse_word_list(text))


@cache
def seed_stop_words() -> tuple[str, ...]:
    text = (resources.files("seeds") / STOP_WORDS_SEED).read_text(encoding="utf-8")
    return check_stop_words(parse_word_list(text))


def seed_word_lists(session: Session) -> None:
    """Add the seed terms and stop words (those not there yet); mark the project seeded."""
    terms = set(session.scalars(select(DictionaryTerm.term)))
    now = utc_now()
    session.add_all(DictionaryTerm(term=t, created_at=now) for t in seed_terms() if t not in terms)
    words = set(session.scalars(select(StopWord.word)))
    session.add_all(StopWord(word=word) for word in seed_stop_words() if word not in words)
    if session.get(ProjectSetting, SEEDED_KEY) is None:
        session.add(ProjectSetting(key=SEEDED_KEY, value="1"))
    session.flush()
    note_dictionary_change(session)


def add_sample_terms(project: "Project") -> None:
    """Give the sample project the names its interviews use (part of building it, not a step)."""
    ensure_word_lists(project)
    with project.writing() as session:
        terms = set(session.scalars(select(DictionaryTerm.term)))
        now = utc_now()
        session.add_all(
            DictionaryTerm(term=t, created_at=now) for t in sample_terms() if t not in terms
        )
        session.flush()
        note_dictionary_change(session)


def ensure_word_lists(project: "Project") -> None:
    """Seed an older project's word lists the first time they are needed (never twice).

    A project that already has words of its own is only marked as seeded; a read-only
    project is left as it is.
    """
    with project.reading() as session:
        if session.get(ProjectSetting, SEEDED_KEY) is not None:
            return
        empty = (
            session.scalar(select(DictionaryTerm.id).limit(1)) is None
            and session.scalar(select(StopWord.id).limit(1)) is None
        )
    if getattr(project, "read_only", False):
        return
    with project.writing() as session:
        if session.get(ProjectSetting, SEEDED_KEY) is not None:
            return
        if empty:
            seed_word_lists(session)
        else:
            session.add(ProjectSetting(key=SEEDED_KEY, value="1"))


# Reading the lists ----------------------------------------------------------------------


@dataclass(frozen=True)
class WordLists:
    terms: tuple[str, ...]
    stop_words: tuple[str, ...]


def word_lists(project: "Project") -> WordLists:
    """Both lists, sorted (seeding an older project first)."""
    ensure_word_lists(project)
    with project.reading() as session:
        return WordLists(
            terms=tuple(session.scalars(select(DictionaryTerm.term).order_by(DictionaryTerm.term))),
            stop_words=tuple(session.scalars(select(StopWord.word).order_by(StopWord.word))),
        )


def stop_words_in(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(StopWord.word)))


# Commands ---------------------------------------------------------------------------------
# Rows are carried as plain tuples so that the undo history can store them as they are.

_NOTHING = Changes()
_Row = TypeVar("_Row", DictionaryTerm, StopWord)
_CHUNK = 500  # words per query (SQLite limits the parameters of one statement)


def _rows(
    session: Session, model: type[_Row], column: InstrumentedAttribute[str], words: Iterable[str]
) -> Iterator[_Row]:
    """The rows of ``model`` whose ``column`` is one of ``words``."""
    wanted = list(words)
    for first in range(0, len(wanted), _CHUNK):
        chunk = wanted[first : first + _CHUNK]
        yield from session.scalars(select(model).where(column.in_(chunk)))


def _present_terms(session: Session, words: Iterable[str]) -> dict[str, DictionaryTerm]:
    return {row.term: row for row in _rows(session, DictionaryTerm, DictionaryTerm.term, words)}


def _present_stop_words(session: Session, words: Iterable[str]) -> dict[str, StopWord]:
    return {row.word: row for row in _rows(session, StopWord, StopWord.word, words)}


@dataclass(frozen=True)
class AddTerms(Command):
    """Add dictionary terms; those already there are skipped (all there: refused)."""

    terms: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        terms = check_terms(self.terms)
        present = _present_terms(session, terms)
        new = tuple(term for term in terms if term not in present)
        if not new:
            raise WordsAlreadyListedError()
        now = utc_now()
        session.add_all(DictionaryTerm(term=term, created_at=now) for term in new)
        session.flush()
        note_dictionary_change(session)
        return Applied(inverse=RemoveTerms(new), changes=_NOTHING)


@dataclass(frozen=True)
class RemoveTerms(Command):
    """Remove dictionary terms; those not there are skipped."""

    terms: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        present = _present_terms(session, self.terms)
        rows = tuple(
            (row.id, row.term, row.created_at)
            for term in self.terms
            if (row := present.get(term)) is not None
        )
        if rows:
            session.execute(
                delete(DictionaryTerm).where(DictionaryTerm.id.in_([row[0] for row in rows]))
            )
            note_dictionary_change(session)
        return Applied(inverse=RestoreTerms(rows), changes=_NOTHING)


@dataclass(frozen=True)
class RestoreTerms(Command):
    """Put removed terms back with their ids and dates (skipping any added again since)."""

    rows: tuple[tuple[int, str, datetime], ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        present = _present_terms(session, [term for _id, term, _at in self.rows])
        taken = set(
            session.scalars(
                select(DictionaryTerm.id).where(DictionaryTerm.id.in_([r[0] for r in self.rows]))
            )
        )
        restored = []
        for row_id, term, created_at in self.rows:
            if term in present:
                continue
            row = DictionaryTerm(term=term, created_at=created_at)
            if row_id not in taken:
                row.id = row_id
            session.add(row)
            restored.append(term)
        if restored:
            session.flush()
            note_dictionary_change(session)
        return Applied(inverse=RemoveTerms(tuple(restored)), changes=_NOTHING)


@dataclass(frozen=True)
class AddStopWords(Command):
    """Add stop words; those already there are skipped (all there: refused)."""

    words: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        words = check_stop_words(self.words)
        present = _present_stop_words(session, words)
        new = tuple(word for word in words if word not in present)
        if not new:
            raise WordsAlreadyListedError()
        session.add_all(StopWord(word=word) for word in new)
        session.flush()
        note_dictionary_change(session)
        return Applied(inverse=RemoveStopWords(new), changes=_NOTHING)


@dataclass(frozen=True)
class RemoveStopWords(Command):
    """Remove stop words; those not there are skipped."""

    words: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        present = _present_stop_words(session, self.words)
        rows = tuple(
            (row.id, row.word) for word in self.words if (row := present.get(word)) is not None
        )
        if rows:
            session.execute(delete(StopWord).where(StopWord.id.in_([row[0] for row in rows])))
            note_dictionary_change(session)
        return Applied(inverse=RestoreStopWords(rows), changes=_NOTHING)


@dataclass(frozen=True)
class RestoreStopWords(Command):
    """Put removed stop words back with their ids (skipping any added again since)."""

    rows: tuple[tuple[int, str], ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        present = _present_stop_words(session, [word for _id, word in self.rows])
        taken = set(
            session.scalars(select(StopWord.id).where(StopWord.id.in_([r[0] for r in self.rows])))
        )
        restored = []
        for row_id, word in self.rows:
            if word in present:
                continue
            row = StopWord(word=word)
            if row_id not in taken:
                row.id = row_id
            session.add(row)
            restored.append(word)
        if restored:
            session.flush()
            note_dictionary_change(session)
        return Applied(inverse=RemoveStopWords(tuple(restored)), changes=_NOTHING)
