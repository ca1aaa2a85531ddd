"""How much of each interview each tag covers: tag × document, and the same counts
grouped by interviewee, outlet, series and month of publication; the coverage of all
tags together; the documents' statuses overall and per annotator.

Everything is read with a few queries over whole tables (``load_corpus``) and counted
on whole columns at once (app.statistics.arrays): the annotations of a tag in a
document merged into islands, their lengths summed, answer characters counted with a
cumulative ruler.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session

from app.project import Project
from app.statistics.arrays import (
    NO_ANNOTATOR,
    AnswerRuler,
    ContentColumns,
    Ints,
    SpanColumns,
    first_of_runs,
    islands,
    run_sums,
    stride_of,
)
from models import Annotation, Annotator, Assignment, Document, Tag, Turn

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


@dataclass(frozen=True)
class Corpus:
    """What the overview is computed from, read in one session: tags in codebook order,
    documents by id, the annotations and the non-empty question and answer contents as
    columns (app.statistics.arrays), annotators' names by id and the assignments."""

    tags: tuple[TagRef, ...]
    documents: tuple[DocumentRef, ...]
    spans: SpanColumns = field(default_factory=lambda: SpanColumns.of(()))
    contents: ContentColumns = field(default_factory=lambda: ContentColumns.of(()))
    annotators: Mapping[int, str] = field(default_factory=dict)
    # (document id, annotator id, "assigned" or "done") of every assignment
    assignments: tuple[tuple[int, int, str], ...] = ()

    @cached_property
    def stride(self) -> int:
        return stride_of(self.spans, self.contents)


def codebook(session: Session) -> tuple[TagRef, ...]:
    """Tags in codebook order (position, then id), as the tag panel lists them."""
    rows = session.execute(select(Tag.id, Tag.name).order_by(Tag.position, Tag.id))
    return tuple(TagRef(tag_id, name) for tag_id, name in rows)


def driver_rows(session: Session, statement: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of a statement whose values are constants of the code (rendered into
    the SQL), as plain tuples from the database driver, in storage order.

    For 200,000 annotations SQLAlchemy's row objects cost as much again as the reading
    itself, and following an index to read them in order costs three times as much as
    sorting them here. The SQL is still SQLAlchemy's, compiled for the engine in use.
    """
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def load_corpus(session: Session) -> Corpus:
    tags = codebook(session)
    turn_rows = driver_rows(
        session,
        select(Turn.document_id, Turn.kind, Turn.content_start, Turn.end).where(
            Turn.kind.in_(SPOKEN_KINDS), Turn.content_start < Turn.end
        ),
    )
    contents = ContentColumns.of(turn_rows)
    spans = SpanColumns.of_rows(
        driver_rows(
            session,
            select(
                Annotation.document_id,
                Annotation.start,
                Annotation.end,
                Annotation.tag_id,
                func.coalesce(Annotation.annotator_id, literal_column(str(NO_ANNOTATOR))),
            ),
        )
    )
    annotators = {
        annotator_id: name
        for annotator_id, name in session.execute(select(Annotator.id, Annotator.name))
    }
    answers = AnswerRuler(contents, stride_of(spans, contents)).totals()
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
        documents.append(
            DocumentRef(
                id=document_id,
                title=title,
                interviewee=interviewee,
                outlet=outlet,
                series=series,
                month=published.strftime("%Y-%m") if published is not None else NO_MONTH,
                status=status,
                answer_characters=answers.get(document_id, 0),
            )
        )
    assignments = session.execute(
        select(Assignment.document_id, Assignment.annotator_id, Assignment.status)
    )
    return Corpus(
        tags=tags,
        documents=tuple(documents),
        spans=spans,
        contents=contents,
        annotators=annotators,
        assignments=tuple((int(d), int(a), str(s)) for d, a, s in assignments),
    )


def _coded(corpus: Corpus, ruler: AnswerRuler, *keys: Ints) -> tuple[Ints, ...]:
    """Per run of annotations with equal ``keys`` (sorted by them, then start): the
    keys' values, then the run's annotations, distinct characters covered and, of
    those, the ones inside answers; each as a column."""
    spans, stride = corpus.spans, corpus.stride
    placed = spans.document * np.int64(stride)
    order = np.lexsort((spans.start, *reversed(keys)))
    starts, ends = placed[order] + spans.start[order], placed[order] + spans.end[order]
    first = first_of_runs(*(key[order] for key in keys))
    merged = islands(starts, ends, first, stride)
    runs = int(first.sum())
    characters = run_sums(merged.end - merged.start, merged.run, runs)
    answers = run_sums(ruler.between(merged.start, merged.end), merged.run, runs)
    begins = np.flatnonzero(first)
    counts = np.diff(np.append(begins, len(starts)))
    return (*(key[order][begins] for key in keys), counts, characters, answers)


def _grouped(
    corpus: Corpus, grouping: str, coded: tuple[Ints, ...], totals: Mapping[str, int]
) -> dict[int, dict[str, Cell]]:
    """The per-document cells of ``coded`` (tag, document, counts) summed per tag and
    value of the grouping."""
    values = sorted(totals)
    index_of = {value: index for index, value in enumerate(values)}
    tags, documents, *measures = coded
    value_of = np.zeros(int(documents.max(initial=0)) + 1, dtype=np.int64)
    for document in corpus.documents:
        if document.id < len(value_of):
            value_of[document.id] = index_of[document.grouped_by(grouping)]
    keys, inverse = np.unique(tags * len(values) + value_of[documents], return_inverse=True)
    sums = [run_sums(measure, inverse, len(keys)).tolist() for measure in measures]
    grouped: dict[int, dict[str, Cell]] = {tag.id: {} for tag in corpus.tags}
    for key, count, chars, answers in zip(keys.tolist(), *sums, strict=True):
        tag, index = divmod(key, len(values))
        value = values[index]
        grouped.setdefault(tag, {})[value] = Cell(count, chars, answers, totals[value])
    return grouped


def build_matrix(corpus: Corpus) -> TagMatrix:
    totals: dict[str, dict[str, int]] = {grouping: {} for grouping in GROUPINGS}
    for document in corpus.documents:
        for grouping in GROUPINGS:
            value = document.grouped_by(grouping)
            totals[grouping][value] = totals[grouping].get(value, 0) + document.answer_characters
    answer_total = {document.id: document.answer_characters for document in corpus.documents}
    ruler = AnswerRuler(corpus.contents, corpus.stride)
    spans = corpus.spans
    coded = _coded(corpus, ruler, spans.tag, spans.document)
    cells: dict[int, dict[int, Cell]] = {tag.id: {} for tag in corpus.tags}
    for tag, document_id, count, chars, answers in zip(*(c.tolist() for c in coded), strict=True):
        cells.setdefault(tag, {})[document_id] = Cell(
            count, chars, answers, answer_total[document_id]
        )
    coverage = {
        document.id: Cell(answer_total=total)
        for document, total in zip(corpus.documents, answer_total.values(), strict=True)
    }
    everything = _coded(corpus, ruler, spans.document)
    for document_id, count, chars, answers in zip(*(c.tolist() for c in everything), strict=True):
        coverage[document_id] = Cell(count, chars, answers, answer_total[document_id])
    return TagMatrix(
        tags=corpus.tags,
        documents=corpus.documents,
        cells=cells,
        groups={
            grouping: _grouped(corpus, grouping, coded, totals[grouping]) for grouping in GROUPINGS
        },
        group_totals=totals,
        coverage=coverage,
    )


def tag_matrix(project: Project) -> TagMatrix:
    """Tag × document counts, grouped counts and coverage of the whole project."""
    with project.reading() as session:
        corpus = load_corpus(session)
    return build_matrix(corpus)
