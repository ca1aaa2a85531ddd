"""The most characteristic words of a document, a speaker or a tag.

Words are jieba's, with the project's dictionary terms kept whole, taken from what is
said in each turn (speaker labels left out). Which turns count is the scope's choice
(``Scope.turns``): the answers (the default), the questions and answers, or all the text
but headings (narration too). Headings never count: neither the title, the subtitle nor
any other heading, nor a turn that repeats the document's title or subtitle. A speaker's
keywords come from all of that speaker's turns. A word counts when it has at least two
characters, holds at least one letter or Chinese character (numbers and punctuation
do not count) and is not one of the project's stop words.

- A document or a speaker: TF-IDF, as jieba's ``extract_tags`` computes it: the word's
  share of the counted words times its inverse document frequency from jieba's IDF table
  (the table's median for words it does not know, place names for instance).
  ``jieba.analyse`` (about 0.7 s and 100 MB) is imported only when this is first asked.
- A tag: the words that set its passages apart from all other turn text in the project,
  by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn
  2008, "Fightin' Words", section 3.5). With ``y`` the counts of word ``w`` inside (``i``)
  and outside (``j``) the tag's passages, ``n`` the totals and ``a_w`` the prior
  (``a_0`` times the word's share of the whole project, ``a_0`` the number of counted
  words unless given, so ``a_w`` is the word's count in the project)::

      delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
              - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
      var_w   = 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
      z_w     = delta_w / sqrt(var_w)

  Words with a positive z-score are listed, highest first. A token counts inside when it
  lies wholly inside a passage with the tag, outside when it lies wholly outside every
  one; a token cut by a passage's edge is not counted. Inside and outside are both
  counted in the chosen turns only.
"""

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.chinese.dictionary import ensure_word_lists, stop_words_in
from app.chinese.segmentation import Segmenter, for_project, gc_paused
from app.errors import UnknownDocumentError, UnknownTagError
from models import Annotation, Document, Tag, Turn

if TYPE_CHECKING:
    from app.project import Project

MIN_LENGTH = 2
LIMIT = 100

ScopeKind = Literal["document", "speaker", "tag"]
TurnChoice = Literal["answers", "dialogue", "all"]

# The turn kinds each choice counts. Headings are in none of them.
TURN_CHOICES: dict[TurnChoice, tuple[str, ...]] = {
    "answers": ("answer",),
    "dialogue": ("question", "answer"),
    "all": ("question", "answer", "narration"),
}
DEFAULT_TURNS: TurnChoice = "answers"


@dataclass(frozen=True)
class Scope:
    """What to find keywords for: a document, a speaker (in one document or in all), a tag."""

    kind: ScopeKind
    document_id: int | None = None  # the document; for a speaker, None means every document
    speaker: str = ""
    tag_id: int | None = None
    turns: TurnChoice = DEFAULT_TURNS  # which turns count; a speaker's: all of theirs

    @property
    def turn_kinds(self) -> tuple[str, ...]:
        if self.kind == "speaker":  # a speaker's own turns, whatever their role
            return TURN_CHOICES["all"]
        return TURN_CHOICES[self.turns]


@dataclass(frozen=True)
class Keyword:
    word: str
    count: int  # occurrences in the scope
    score: float  # TF-IDF weight, or for a tag the log-odds z-score
    other: int = 0  # for a tag: occurrences in the rest of the project


@dataclass(frozen=True)
class KeywordList:
    scope: Scope
    keywords: tuple[Keyword, ...]
    words: int  # words counted in the scope
    method: Literal["tfidf", "log-odds"]


@dataclass(frozen=True)
class SpeakerInfo:
    name: str
    turns: int
    documents: int


class CancelledError(Exception):
    """Raised inside a computation whose caller no longer wants the result."""


# Counting --------------------------------------------------------------------------------


def countable(word: str, stop_words: frozenset[str]) -> bool:
    return (
        len(word) >= MIN_LENGTH
        and any(character.isalpha() for character in word)
        and word not in stop_words
        and word.lower() not in stop_words
    )


def _turn_words(
    segmenter: Segmenter, text: str, turn: tuple[int, int, int]
) -> Iterator[tuple[str, int, int]]:
    """Words of one turn's content, with document offsets (the whole turn is segmented, so
    its segmentation is the one the window caches)."""
    start, content_start, end = turn
    skip = content_start - start
    for word, first, last in segmenter.words(text[start:end]):
        if first >= skip:
            yield word, first + start, last + start


def _turns(
    session: Session, document_id: int, speaker: str | None, kinds: tuple[str, ...]
) -> tuple[str, list[tuple[int, int, int]]]:
    """The document's text and the turns of ``kinds`` (of ``speaker`` when given) that
    count: a turn that only repeats the title or the subtitle is left out, whatever kind
    the import gave it."""
    statement = select(Turn.start, Turn.content_start, Turn.end).where(
        Turn.document_id == document_id, Turn.kind.in_(kinds)
    )
    if speaker is not None:
        statement = statement.where(Turn.speaker == speaker)
    rows = session.execute(statement.order_by(Turn.index)).all()
    if not rows:
        return "", []
    text = _text(session, document_id)
    title, subtitle = session.execute(
        select(Document.title, Document.subtitle).where(Document.id == document_id)
    ).one()
    headings = {heading.strip() for heading in (title, subtitle)} - {""}
    return text, [
        (start, content_start, end)
        for start, content_start, end in rows
        if text[content_start:end].strip() not in headings
    ]


def _documents(session: Session, document_id: int | None) -> list[int]:
    statement = select(Document.id).order_by(Document.id)
    if document_id is not None:
        statement = statement.where(Document.id == document_id)
    return list(session.scalars(statement))


def _text(session: Session, document_id: int) -> str:
    text = session.scalar(select(Document.text).where(Document.id == document_id))
    if text is None:
        raise UnknownDocumentError()
    return text


# TF-IDF ------------------------------------------------------------------------------------

_idf: tuple[dict[str, float], float] | None = None


def idf_table() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies and their median (imports jieba.analyse)."""
    global _idf
    if _idf is None:
        with gc_paused():
            import jieba.analyse

        extractor = jieba.analyse.default_tfidf
        _idf = (extractor.idf_freq, extractor.median_idf)
    return _idf


def tfidf(
    counts: Mapping[str, int], idf: Mapping[str, float], median: float, limit: int = LIMIT
) -> list[Keyword]:
    """Words by term frequency times inverse document frequency, highest first."""
    total = sum(counts.values())
    if not total:
        return []
    scored = [
        Keyword(word, count, count / total * idf.get(word, median))
        for word, count in counts.items()
    ]
    scored.sort(key=lambda keyword: (-keyword.score, -keyword.count, keyword.word))
    return scored[:limit]


# Log-odds with an informative Dirichlet prior ------------------------------------------------


@dataclass(frozen=True)
class LogOdds:
    delta: float
    variance: float

    @property
    def z(self) -> float:
        return self.delta / math.sqrt(self.variance)


def log_odds(
    focus: Mapping[str, int], rest: Mapping[str, int], prior_scale: float | None = None
) -> dict[str, LogOdds]:
    """Every word's log-odds ratio between ``focus`` and ``rest`` (Monroe et al. 2008).

    The prior is informative: ``a_w = a_0 * (focus[w] + rest[w]) / N``, with ``N`` all
    the counted words and ``a_0 = prior_scale`` (``N`` when None).
    """
    n_focus = sum(focus.values())
    n_rest = sum(rest.values())
    total = n_focus + n_rest
    if not total:
        return {}
    scale = float(total if prior_scale is None else prior_scale)
    found = {}
    for word in set(focus) | set(rest):
        y_focus = focus.get(word, 0)
        y_rest = rest.get(word, 0)
        alpha = scale * (y_focus + y_rest) / total
        delta = math.log((y_focus + alpha) / (n_focus + scale - y_focus - alpha)) - math.log(
            (y_rest + alpha) / (n_rest + scale - y_rest - alpha)
        )
        variance = 1.0 / (y_focus + alpha) + 1.0 / (y_rest + alpha)
        found[word] = LogOdds(delta, variance)
    return found


def distinguishing(
    focus: Mapping[str, int],
    rest: Mapping[str, int],
    limit: int = LIMIT,
    prior_scale: float | None = None,
) -> list[Keyword]:
    """Words of ``focus`` with a positive z-score against ``rest``, highest first."""
    scored = [
        Keyword(word, focus[word], odds.z, rest.get(word, 0))
        for word, odds in log_odds(focus, rest, prior_scale).items()
        if focus.get(word, 0) > 0 and odds.z > 0
    ]
    scored.sort(key=lambda keyword: (-keyword.score, -keyword.count, keyword.word))
    return scored[:limit]


# Scopes -------------------------------------------------------------------------------------


def speakers(project: "Project", document_id: int | None = None) -> list[SpeakerInfo]:
    """Everyone with a speaker label, in one document or in the project, most turns first."""
    statement = select(
        Turn.speaker, func.count(), func.count(func.distinct(Turn.document_id))
    ).where(Turn.speaker != "")
    if document_id is not None:
        statement = statement.where(Turn.document_id == document_id)
    with project.reading() as session:
        rows = session.execute(statement.group_by(Turn.speaker)).all()
    found = [SpeakerInfo(name, turns, documents) for name, turns, documents in rows]
    found.sort(key=lambda info: (-info.turns, info.name))
    return found


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise CancelledError()


def _scope_counts(
    project: "Project",
    scope: Scope,
    segmenter: Segmenter,
    cancelled: Callable[[], bool] | None,
) -> Counter[str]:
    """Counted words of a document's or a speaker's turns."""
    counts: Counter[str] = Counter()
    with project.reading() as session:
        stop_words = stop_words_in(session)
        documents = _documents(session, scope.document_id)
        if scope.kind == "document" and not documents:
            raise UnknownDocumentError()
        speaker = scope.speaker if scope.kind == "speaker" else None
        for document_id in documents:
            _check(cancelled)
            text, turns = _turns(session, document_id, speaker, scope.turn_kinds)
            for turn in turns:
                counts.update(
                    word
                    for word, _start, _end in _turn_words(segmenter, text, turn)
                    if countable(word, stop_words)
                )
    return counts


def tag_counts(
    project: "Project",
    tag_id: int,
    segmenter: Segmenter,
    cancelled: Callable[[], bool] | None = None,
    kinds: tuple[str, ...] = TURN_CHOICES[DEFAULT_TURNS],
) -> tuple[Counter[str], Counter[str]]:
    """Counted words inside the tag's passages and in the rest of the project's turns
    (turns of ``kinds`` only)."""
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    with project.reading() as session:
        if session.get(Tag, tag_id) is None:
            raise UnknownTagError()
        stop_words = stop_words_in(session)
        passages: dict[int, list[tuple[int, int]]] = {}
        for document_id, start, end in session.execute(
            select(Annotation.document_id, Annotation.start, Annotation.end).where(
                Annotation.tag_id == tag_id
            )
        ):
            passages.setdefault(document_id, []).append((start, end))
        for document_id in _documents(session, None):
            _check(cancelled)
            text, turns = _turns(session, document_id, None, kinds)
            if not turns:
                continue
            starts, ends = _merged(passages.get(document_id, ()))
            for turn in turns:
                for word, start, end in _turn_words(segmenter, text, turn):
                    if not countable(word, stop_words):
                        continue
                    index = bisect_right(starts, start) - 1
                    if index >= 0 and end <= ends[index]:
                        inside[word] += 1
                    elif (index < 0 or start >= ends[index]) and (
                        index + 1 >= len(starts) or end <= starts[index + 1]
                    ):
                        outside[word] += 1
    return inside, outside


def keywords(
    project: "Project",
    scope: Scope,
    *,
    limit: int = LIMIT,
    prior_scale: float | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> KeywordList:
    """The most characteristic words of ``scope`` (may take seconds on a large project:
    call it from a worker). Raises CancelledError when ``cancelled()`` turns true."""
    ensure_word_lists(project)
    segmenter = for_project(project)
    segmenter.load()
    if scope.kind == "tag":
        if scope.tag_id is None:
            raise UnknownTagError()
        inside, outside = tag_counts(project, scope.tag_id, segmenter, cancelled, scope.turn_kinds)
        found = distinguishing(inside, outside, limit, prior_scale)
        return KeywordList(scope, tuple(found), sum(inside.values()), "log-odds")
    counts = _scope_counts(project, scope, segmenter, cancelled)
    _check(cancelled)
    idf, median = idf_table()
    return KeywordList(
        scope, tuple(tfidf(counts, idf, median, limit)), sum(counts.values()), "tfidf"
    )
