"""How far the coding has come: the statuses of the documents, and per annotator the
documents done, in progress, assigned but not begun, and untouched.

An annotator's document is ``done`` when they marked it so, ``in_progress`` when it holds
annotations of theirs and is not marked done, ``assigned`` when it was given to them and
holds none of theirs yet, and ``untouched`` otherwise (the same rule as Team ▸ Progress).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from app.project import Project
from app.statistics.arrays import NO_ANNOTATOR
from app.statistics.matrix import Corpus, load_corpus
from models.documents import DOCUMENT_STATUSES

WORK_STATES = ("done", "in_progress", "assigned", "untouched")


@dataclass(frozen=True)
class StatusCounts:
    new: int = 0
    in_progress: int = 0
    done: int = 0

    @property
    def total(self) -> int:
        return self.new + self.in_progress + self.done


@dataclass(frozen=True)
class WorkCounts:
    """One annotator's documents by WORK_STATES; together they are every document."""

    done: int = 0
    in_progress: int = 0
    assigned: int = 0
    untouched: int = 0

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.assigned + self.untouched


@dataclass(frozen=True)
class CodingProgress:
    """The statuses of all documents; of the documents each annotator annotated
    (``annotators``); and each annotator's own work (``work``). Every annotator of the
    project is there by name, those without annotations at zero."""

    overall: StatusCounts
    annotators: Mapping[str, StatusCounts]
    work: Mapping[str, WorkCounts]


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
    spans = corpus.spans
    known = spans.annotator != NO_ANNOTATOR
    documents = int(spans.document.max(initial=0)) + 1
    pairs = np.unique(spans.annotator[known] * documents + spans.document[known])
    annotated: dict[int, set[int]] = {annotator: set() for annotator in corpus.annotators}
    for annotator, document_id in (divmod(pair, documents) for pair in pairs.tolist()):
        annotated[annotator].add(document_id)
        counts = per[annotator]
        status = statuses[document_id]
        counts[status] = counts.get(status, 0) + 1
    done: dict[int, set[int]] = {annotator: set() for annotator in corpus.annotators}
    given: dict[int, set[int]] = {annotator: set() for annotator in corpus.annotators}
    for document_id, annotator, state in corpus.assignments:
        (done if state == "done" else given)[annotator].add(document_id)
    names = sorted(corpus.annotators.items(), key=itemgetter(1))
    return CodingProgress(
        overall=_counts(overall),
        annotators={name: _counts(per[annotator]) for annotator, name in names},
        work={
            name: _work(len(corpus.documents), done[who], given[who], annotated[who])
            for who, name in names
        },
    )


def _work(documents: int, done: set[int], given: set[int], annotated: set[int]) -> WorkCounts:
    in_progress = annotated - done
    not_begun = given - done - annotated
    return WorkCounts(
        done=len(done),
        in_progress=len(in_progress),
        assigned=len(not_begun),
        untouched=documents - len(done) - len(in_progress) - len(not_begun),
    )
