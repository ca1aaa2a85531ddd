"""How much of each interview each tag covers: tag × document, and the same counts
grouped by interviewee, outlet, series and month of publication; the coverage of all
tags together; the documents' statuses overall and per annotator.

Everything is read with a few queries over whole tables (``load_corpus``) and counted
in linear sweeps over each document's annotations, sorted by start.
"""

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.project import Project
from models import Annotation, Annotator, Document, Tag, Turn
from models.documents import DOCUMENT_STATUSES

# What documents can be grouped by (``TagMatrix.groups``), in the order shown.
GROUPINGS = ("interviewee", "outlet", "series", "month")
# The month of an undated document.
NO_MONTH = ""
# The kinds of turn that carry passages in co-occurrence counts.
SPOKEN_KINDS = ("question", "answer")


@dataclass(frozen=True)
class TagRef:
    id: int
    name: str


@dataclass(frozen=True)
class DocumentRef:
    """A document as the overview shows it; ``month`` is "YYYY-MM" or "" when undated,
    ``answer_characters`` the number of characters of its answers' contents."""

    id: int
    title: str
    interviewee: str
    outlet: str
    series: str
    month: str
    status: str
    answer_characters: int

    def grouped_by(self, grouping: str) -> str:
        """The document's value for one of GROUPINGS."""
        value: str = getattr(self, grouping)
        return value


@dataclass(frozen=True)
class Cell:
    """Counts for a set of annotations in a set of documents.

    ``characters`` counts distinct covered characters (per document, then summed);
    ``answer_characters`` those of them inside answer contents, out of ``answer_total``
    characters of answer contents in the documents.
    """

    annotations: int = 0
    characters: int = 0
    answer_characters: int = 0
    answer_total: int = 0

    @property
    def answer_share(self) -> float:
        return self.answer_characters / self.answer_total if self.answer_total else 0.0


@dataclass(frozen=True)
class TagMatrix:
    """``cells[tag id][document id]``, ``groups[grouping][tag id][value]`` and
    ``coverage[document id]`` (all tags together). Cells without annotations are left
    out of ``cells`` and ``groups`` (``cell`` and ``group_cell`` give them too);
    ``coverage`` has every document."""

    tags: tuple[TagRef, ...]
    documents: tuple[DocumentRef, ...]
    cells: Mapping[int, Mapping[int, Cell]]
    groups: Mapping[str, Mapping[int, Mapping[str, Cell]]]
    group_totals: Mapping[str, Mapping[str, int]]  # answer characters of each group
    coverage: Mapping[int, Cell]

    def cell(self, tag_id: int, document_id: int) -> Cell:
        found = self.cells.get(tag_id, {}).get(document_id)
        if found is not None:
            return found
        return Cell(answer_total=self.coverage[document_id].answer_total)

    def values(self, grouping: str) -> tuple[str, ...]:
        """The values of one of GROUPINGS that documents have, sorted."""
        return tuple(sorted(self.group_totals[grouping]))

    def group_cell(self, grouping: str, tag_id: int, value: str) -> Cell:
        found = self.groups[grouping].get(tag_id, {}).get(value)
        if found is not None:
            return found
        return Cell(answer_total=self.group_totals[grouping].get(value, 0))

    def by_month(self) -> dict[int, dict[str, int]]:
        """Annotations of each tag per month of publication ("" for undated documents)."""
        return {
            tag: {month: cell.annotations for month, cell in sorted(months.items())}
            for tag, months in self.groups["month"].items()
        }


# One annotation as the sweeps read it: document id, start, end, tag id, annotator id.
Span = tuple[int, int, int, int, int | None]
# A question or answer turn's content: kind, content start, end.
Content = tuple[str, int, int]


@dataclass(frozen=True)
class Corpus:
    """What the overview is computed from, read in one session: tags in codebook order,
    documents by id, each document's annotations sorted by start and its non-empty
    question and answer contents sorted by position, and annotators' names by id."""

    tags: tuple[TagRef, ...]
    documents: tuple[DocumentRef, ...]
    spans: Mapping[int, Sequence[Span]] = field(default_factory=dict)
    contents: Mapping[int, Sequence[Content]] = field(default_factory=dict)
    annotators: Mapping[int, str] = field(default_factory=dict)


def codebook(session: Session) -> tuple[TagRef, ...]:
    """Tags in codebook order (position, then id), as the tag panel lists them."""
    rows = session.execute(select(Tag.id, Tag.name).order_by(Tag.position, Tag.id))
    return tuple(TagRef(tag_id, name) for tag_id, name in rows)


def driver_rows(session: Session, statement: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of a statement without parameters, as plain tuples from the database
    driver, in storage order (a plain scan of the table).

    For 200,000 annotations SQLAlchemy's row objects cost as much again as the reading
    itself, and following an index to read them in order costs three times as much as
    sorting them here. The SQL is still SQLAlchemy's, compiled for the engine in use.
    """
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect)
    if compiled.params:
        raise ValueError("driver_rows takes statements without parameters")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def load_corpus(session: Session) -> Corpus:
    tags = codebook(session)
    contents: dict[int, list[Content]] = {}
    turn_rows = session.connection().execute(
        select(Turn.document_id, Turn.kind, Turn.content_start, Turn.end)
        .where(Turn.kind.in_(SPOKEN_KINDS), Turn.content_start < Turn.end)
        .order_by(Turn.document_id, Turn.content_start)
    )
    for document_id, turns in groupby(turn_rows.all(), key=itemgetter(0)):
        contents[document_id] = [(kind, start, end) for _id, kind, start, end in turns]
    spans: dict[int, list[Span]] = {}
    annotation_rows = driver_rows(
        session,
        select(
            Annotation.document_id,
            Annotation.start,
            Annotation.end,
            Annotation.tag_id,
            Annotation.annotator_id,
        ),
    )
    for row in annotation_rows:
        spans.setdefault(row[0], []).append(row)
    by_start = itemgetter(1)  # the sweeps need the order of starts only
    for found in spans.values():
        found.sort(key=by_start)
    annotators = {
        annotator_id: name
        for annotator_id, name in session.execute(select(Annotator.id, Annotator.name))
    }
    documents = []
    rows = session.connection().execute(
        select(
            Document.id,
            Document.title,
            Document.interviewee,
            Document.outlet,
            Document.series,
            Document.published_on,
            Document.status,
        ).order_by(Document.id)
    )
    for document_id, title, interviewee, outlet, series, published, status in rows:
        answers = _merged(
            (s, e) for kind, s, e in contents.get(document_id, ()) if kind == "answer"
        )
        documents.append(
            DocumentRef(
                id=document_id,
                title=title,
                interviewee=interviewee,
                outlet=outlet,
                series=series,
                month=published.strftime("%Y-%m") if published is not None else NO_MONTH,
                status=status,
                answer_characters=sum(end - start for start, end in answers),
            )
        )
    return Corpus(
        tags=tags,
        documents=tuple(documents),
        spans=spans,
        contents=contents,
        annotators=annotators,
    )


def _merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping intervals covering the same characters."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def answer_counter(corpus: Corpus, document_id: int) -> Callable[[int, int], int]:
    """A function giving how many characters of the document's answer contents lie
    in ``start``..``end`` (two binary searches)."""
    contents = corpus.contents.get(document_id, ())
    answers = _merged((start, end) for kind, start, end in contents if kind == "answer")
    # From an empty interval before all: starts, ends, and for an offset x inside the
    # interval, x + shift is the number of answer characters before x; full is that
    # number at its end.
    starts, ends, shift, full = [-1], [-1], [1], [0]
    for start, end in answers:
        starts.append(start)
        ends.append(end)
        shift.append(full[-1] - start)
        full.append(full[-1] + end - start)

    def inside(start: int, end: int) -> int:
        last = bisect_right(starts, end) - 1
        first = bisect_right(starts, start) - 1
        high = end + shift[last] if end < ends[last] else full[last]
        low = start + shift[first] if start < ends[first] else full[first]
        return high - low

    return inside


def _document_cells(
    spans: Sequence[Span], inside: Callable[[int, int], int]
) -> tuple[dict[int, list[int]], list[int]]:
    """Per tag, and for all tags together: [annotations, characters, answer characters].

    One sweep by start keeps, per tag and for all together, the union interval still
    growing; an interval is counted when the next one starts after it.
    """
    growing: dict[int, list[int]] = {}  # tag → [start, end, annotations, characters, answer]
    first = second = annotations = characters = answer = 0
    for _document, start, end, tag, _annotator in spans:
        state = growing.get(tag)
        if state is None:
            growing[tag] = [start, end, 1, 0, 0]
        elif start > state[1]:
            state[3] += state[1] - state[0]
            state[4] += inside(state[0], state[1])
            state[0], state[1] = start, end
            state[2] += 1
        else:
            if end > state[1]:
                state[1] = end
            state[2] += 1
        if annotations == 0 or start > second:
            characters += second - first
            answer += inside(first, second)
            first, second = start, end
        elif end > second:
            second = end
        annotations += 1
    characters += second - first
    answer += inside(first, second)
    cells = {
        tag: [count, chars + end - start, answers + inside(start, end)]
        for tag, (start, end, count, chars, answers) in growing.items()
    }
    return cells, [annotations, characters, answer]


def build_matrix(corpus: Corpus) -> TagMatrix:
    cells: dict[int, dict[int, Cell]] = {tag.id: {} for tag in corpus.tags}
    coverage: dict[int, Cell] = {}
    sums_by: dict[str, dict[int, dict[str, list[int]]]] = {
        grouping: {tag.id: {} for tag in corpus.tags} for grouping in GROUPINGS
    }
    totals: dict[str, dict[str, int]] = {grouping: {} for grouping in GROUPINGS}
    for document in corpus.documents:
        for grouping in GROUPINGS:
            value = document.grouped_by(grouping)
            totals[grouping][value] = totals[grouping].get(value, 0) + document.answer_characters
    for document in corpus.documents:
        total = document.answer_characters
        inside = answer_counter(corpus, document.id)
        by_tag, (count, chars, answers) = _document_cells(corpus.spans.get(document.id, ()), inside)
        coverage[document.id] = Cell(count, chars, answers, total)
        values = [(grouping, document.grouped_by(grouping)) for grouping in GROUPINGS]
        for tag, (count, chars, answers) in by_tag.items():
            cells.setdefault(tag, {})[document.id] = Cell(count, chars, answers, total)
            for grouping, value in values:
                sums = sums_by[grouping].setdefault(tag, {}).setdefault(value, [0, 0, 0])
                sums[0] += count
                sums[1] += chars
                sums[2] += answers
    groups = {
        grouping: {
            tag: {
                value: Cell(count, chars, answers, totals[grouping][value])
                for value, (count, chars, answers) in by_value.items()
            }
            for tag, by_value in by_tag_sums.items()
        }
        for grouping, by_tag_sums in sums_by.items()
    }
    return TagMatrix(
        tags=corpus.tags,
        documents=corpus.documents,
        cells=cells,
        groups=groups,
        group_totals=totals,
        coverage=coverage,
    )


def tag_matrix(project: Project) -> TagMatrix:
    """Tag × document counts, grouped counts and coverage of the whole project."""
    with project.reading() as session:
        corpus = load_corpus(session)
    return build_matrix(corpus)


# Progress ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCounts:
    new: int = 0
    in_progress: int = 0
    done: int = 0

    @property
    def total(self) -> int:
        return self.new + self.in_progress + self.done


@dataclass(frozen=True)
class CodingProgress:
    """The statuses of all documents, and of the documents each annotator annotated
    (every annotator of the project, by name, those without annotations at zero)."""

    overall: StatusCounts
    annotators: Mapping[str, StatusCounts]


def _counts(by_status: Mapping[str, int]) -> StatusCounts:
    return StatusCounts(**{status: by_status.get(status, 0) for status in DOCUMENT_STATUSES})


def coding_progress(project: Project) -> CodingProgress:
    with project.reading() as session:
        corpus = load_corpus(session)
    return build_progress(corpus)


def build_progress(corpus: Corpus) -> CodingProgress:
    statuses = {document.id: document.status for document in corpus.documents}
    overall: dict[str, int] = {}
    for status in statuses.values():
        overall[status] = overall.get(status, 0) + 1
    per: dict[int, dict[str, int]] = {annotator: {} for annotator in corpus.annotators}
    for document_id, spans in corpus.spans.items():
        status = statuses[document_id]
        for annotator in {span[4] for span in spans}:
            if annotator is not None:
                counts = per[annotator]
                counts[status] = counts.get(status, 0) + 1
    names = sorted(corpus.annotators.items(), key=itemgetter(1))
    return CodingProgress(
        overall=_counts(overall),
        annotators={name: _counts(per[annotator]) for annotator, name in names},
    )
