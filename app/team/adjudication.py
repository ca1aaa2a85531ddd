"""Adjudication: the annotators' layers of an interview curated into the gold layer.

The gold layer is the annotator named ``gold``: its annotations are ordinary annotations,
so every export, statistic and agreement figure can pick it by that name. Whether an
interview's curation has begun or is finished is gold's assignment to it (``assigned``
or ``done``).

For one interview and the annotators compared (by default everyone but gold who
annotated it), an annotation's key is (tag, start, end). A key is *agreed* when every
compared annotator has it (rule ``unanimous``) or more than half of them have it
(``majority``). Every other annotation of theirs is part of a *disagreement*: annotations
of one tag that overlap, directly or through others, form one. A disagreement counts as
resolved while gold holds an annotation of that tag overlapping it, or once the curator
rejected every version there (app.team.rejections keeps the place).

Every change is a composition of the existing annotation and assignment commands, so it
is one undo step and kept in the history like any other.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.editing.commands import (
    AnnotationSpec,
    Command,
    CreateAnnotations,
    DeleteAnnotations,
    Macro,
)
from app.editing.history import History
from app.errors import QT_TRANSLATE_NOOP, FangtanError
from app.project import Project
from app.statistics.errors import UnknownAnnotatorNameError
from app.team.assignments import assign, mark, step_name
from app.team.rejections import CreateRejections, DeleteRejections, RejectionSpec
from app.team.visibility import GOLD_ANNOTATOR
from models import Annotation, Annotator, Assignment, Document, GoldRejection

RULES = ("unanimous", "majority")
# Names of the undo steps, stored as JSON [template, arguments] (the window translates them).
ADJUDICATE_STEP = "Adjudicate %1 Interviews (%2)"
ACCEPT_STEP = "Accept into Gold in “%1”"
REJECT_STEP = "Reject for Gold in “%1”"
FINISH_STEP = "Mark Curation of “%1” Done"
REOPEN_STEP = "Reopen Curation of “%1”"

SpanKey = tuple[int, int, int]  # tag id, start, end


class UnknownRuleError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "“{rule}” is not a rule of adjudication; use unanimous or majority."
    )


class FewAnnotatorsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Adjudication needs at least two annotators to compare; this compares only {found}.",
    )


class SingleLayerError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "“{title}” was annotated by {found} only; adjudication needs at least two annotators.",
    )


class GoldComparedError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is the gold layer itself and cannot be one of the annotators compared."
    )


class NothingToAdjudicateError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "No interview was annotated by at least two of {names}: nothing to adjudicate."
    )


class UnknownInterviewError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "This project has no interview numbered {ids}.")


@dataclass(frozen=True)
class Version:
    """What one compared annotator tagged in a disagreement (nothing: empty spans)."""

    annotator: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAnnotation:
    id: int
    start: int
    end: int


@dataclass(frozen=True)
class Disagreement:
    """Overlapping annotations of one tag whose keys are not agreed, from ``start`` to
    ``end``; ``gold`` is what the gold layer holds of that tag overlapping it, and
    ``rejections`` the ids of the curator's rejections of the tag overlapping it."""

    document_id: int
    title: str
    tag_id: int
    start: int
    end: int
    versions: tuple[Version, ...]
    gold: tuple[GoldAnnotation, ...]
    rejections: tuple[int, ...] = ()

    @property
    def resolved(self) -> bool:
        return bool(self.gold) or self.rejected

    @property
    def rejected(self) -> bool:
        """Every version was rejected: gold holds nothing of the tag there, by decision."""
        return not self.gold and bool(self.rejections)


@dataclass(frozen=True)
class Curation:
    """One interview as the compared annotators left it and as gold holds it."""

    document_id: int
    title: str
    rule: str
    annotators: tuple[str, ...]
    agreed: tuple[SpanKey, ...]
    disagreements: tuple[Disagreement, ...]
    gold: frozenset[SpanKey]
    status: str | None  # gold's assignment: None, "assigned" (begun) or "done"
    notes: Mapping[SpanKey, str]  # the first non-empty note on each agreed key

    @property
    def missing(self) -> tuple[SpanKey, ...]:
        """Agreed keys gold does not hold yet."""
        return tuple(key for key in self.agreed if key not in self.gold)

    @property
    def open(self) -> tuple[Disagreement, ...]:
        return tuple(d for d in self.disagreements if not d.resolved)


@dataclass(frozen=True)
class DocumentResult:
    document_id: int
    title: str
    annotators: tuple[str, ...]
    agreed: int
    added: int
    disagreements: int  # left unresolved


@dataclass(frozen=True)
class AdjudicationReport:
    rule: str
    documents: tuple[DocumentResult, ...]

    @property
    def added(self) -> int:
        return sum(result.added for result in self.documents)

    @property
    def disagreements(self) -> int:
        return sum(result.disagreements for result in self.documents)


@dataclass(frozen=True)
class _Row:
    id: int
    annotator: str
    tag_id: int
    start: int
    end: int
    note: str

    @property
    def key(self) -> SpanKey:
        return (self.tag_id, self.start, self.end)


def check_rule(rule: str) -> str:
    if rule not in RULES:
        raise UnknownRuleError(rule=rule)
    return rule


def curation(
    project: Project, document_id: int, rule: str, annotators: Sequence[str] | None = None
) -> Curation:
    """What is agreed and what is not in one interview (read only)."""
    check_rule(rule)
    with project.reading() as session:
        chosen = _checked_annotators(session, annotators)
        return _curation(session, _titles(session, [document_id])[document_id], rule, chosen)


def curations(
    project: Project,
    rule: str,
    documents: Iterable[int] | None = None,
    annotators: Sequence[str] | None = None,
) -> tuple[Curation, ...]:
    """The curation of each interview: those asked for, or else every interview at least
    two of the compared annotators annotated."""
    check_rule(rule)
    with project.reading() as session:
        chosen = _checked_annotators(session, annotators)
        if documents is None:
            wanted = _shared_documents(session, chosen)
            if not wanted:
                raise NothingToAdjudicateError(names="、".join(chosen or ("the annotators",)))
        else:
            wanted = list(dict.fromkeys(documents))
        titles = _titles(session, wanted)
        return tuple(_curation(session, titles[i], rule, chosen) for i in wanted)


def auto_gold(
    project: Project,
    rule: str,
    documents: Iterable[int] | None = None,
    annotators: Sequence[str] | None = None,
) -> Command:
    """One step that gives gold every agreed key it lacks (with the first non-empty note
    of the annotators on it) and marks the interviews' curation begun; a second run adds
    nothing."""
    return _auto_command(curations(project, rule, documents, annotators))


def _auto_command(found: Sequence[Curation]) -> Command:
    specs = tuple(
        AnnotationSpec(
            item.document_id,
            tag_id,
            start,
            end,
            note=item.notes.get((tag_id, start, end), ""),
            annotator=GOLD_ANNOTATOR,
        )
        for item in found
        for tag_id, start, end in item.missing
    )
    marks = assign([item.document_id for item in found], [GOLD_ANNOTATOR])
    return Macro((CreateAnnotations(specs), marks) if specs else (marks,))


def accept(disagreement: Disagreement, spans: Iterable[tuple[int, int]]) -> Command:
    """Gold holds exactly ``spans`` of the disagreement's tag there (one version, several,
    or boundaries of the curator's own): gold annotations with other spans in it are
    removed, those with an accepted span kept."""
    wanted = sorted(set(spans))
    kept: set[tuple[int, int]] = set()
    removed: list[int] = []
    for gold in disagreement.gold:
        span = (gold.start, gold.end)
        if span in wanted and span not in kept:
            kept.add(span)
        else:
            removed.append(gold.id)
    created = tuple(
        AnnotationSpec(
            disagreement.document_id,
            disagreement.tag_id,
            start,
            end,
            annotator=GOLD_ANNOTATOR,
        )
        for start, end in wanted
        if (start, end) not in kept
    )
    commands: list[Command] = []
    if disagreement.rejections:
        commands.append(DeleteRejections(disagreement.rejections))
    if removed:
        commands.append(DeleteAnnotations(tuple(removed)))
    if created:
        commands.append(CreateAnnotations(created))
    commands.append(assign([disagreement.document_id], [GOLD_ANNOTATOR]))
    return Macro(tuple(commands))


def reject(disagreement: Disagreement) -> Command:
    """Gold holds nothing of the disagreement's tag there, and the place is kept as
    rejected."""
    place = RejectionSpec(
        disagreement.document_id, disagreement.tag_id, disagreement.start, disagreement.end
    )
    return Macro((accept(disagreement, ()), CreateRejections((place,))))


def finish(document_id: int, done: bool = True) -> Command:
    """The interview's curation is done (or, with ``done`` false, begun again)."""
    return mark(document_id, GOLD_ANNOTATOR, done)


def adjudicate(
    project: Project,
    rule: str,
    documents: Iterable[int] | None = None,
    annotators: Sequence[str] | None = None,
) -> AdjudicationReport:
    """Give gold every agreed key it lacks, in one undo step of the project's annotator,
    and say per interview what was added and how many disagreements are left."""
    before = curations(project, rule, documents, annotators)
    if any(item.missing or item.status is None for item in before):
        step = step_name(ADJUDICATE_STEP, len(before), rule)
        History(project).do(_auto_command(before), step)
    after = curations(project, rule, [item.document_id for item in before], annotators)
    return AdjudicationReport(
        rule=rule,
        documents=tuple(
            DocumentResult(
                document_id=old.document_id,
                title=old.title,
                annotators=old.annotators,
                agreed=len(old.agreed),
                added=len(old.missing),
                disagreements=len(new.open),
            )
            for old, new in zip(before, after, strict=True)
        ),
    )


def _checked_annotators(session: Session, asked: Sequence[str] | None) -> tuple[str, ...] | None:
    if not asked:
        return None
    chosen = tuple(dict.fromkeys(asked))
    if GOLD_ANNOTATOR in chosen:
        raise GoldComparedError(name=GOLD_ANNOTATOR)
    known = set(session.scalars(select(Annotator.name).where(Annotator.name.in_(chosen))))
    missing = [name for name in chosen if name not in known]
    if missing:
        raise UnknownAnnotatorNameError(name="、".join(missing))
    if len(chosen) < 2:
        raise FewAnnotatorsError(found="、".join(chosen))
    return chosen


def _titles(session: Session, documents: Sequence[int]) -> dict[int, tuple[int, str]]:
    rows = session.execute(select(Document.id, Document.title).where(Document.id.in_(documents)))
    titles = {int(i): (int(i), str(title)) for i, title in rows}
    missing = [str(i) for i in documents if i not in titles]
    if missing:
        raise UnknownInterviewError(ids=", ".join(missing))
    return titles


def _shared_documents(session: Session, chosen: tuple[str, ...] | None) -> list[int]:
    """Interviews at least two compared annotators annotated, by id."""
    query = (
        select(Annotation.document_id, Annotator.name)
        .join(Annotator, Annotator.id == Annotation.annotator_id)
        .where(Annotator.name != GOLD_ANNOTATOR)
        .distinct()
    )
    if chosen is not None:
        query = query.where(Annotator.name.in_(chosen))
    found: dict[int, int] = {}
    for document_id, _name in session.execute(query):
        found[document_id] = found.get(document_id, 0) + 1
    return sorted(document for document, count in found.items() if count >= 2)


def _rows(session: Session, document_id: int) -> list[_Row]:
    query = (
        select(
            Annotation.id,
            Annotator.name,
            Annotation.tag_id,
            Annotation.start,
            Annotation.end,
            Annotation.note,
        )
        .join(Annotator, Annotator.id == Annotation.annotator_id)
        .where(Annotation.document_id == document_id)
        .order_by(Annotation.id)
    )
    return [_Row(*row) for row in session.execute(query)]


def _status(session: Session, document_id: int) -> str | None:
    return session.scalar(
        select(Assignment.status)
        .join(Annotator, Annotator.id == Assignment.annotator_id)
        .where(Assignment.document_id == document_id, Annotator.name == GOLD_ANNOTATOR)
    )


def _curation(
    session: Session, document: tuple[int, str], rule: str, chosen: tuple[str, ...] | None
) -> Curation:
    document_id, title = document
    rows = _rows(session, document_id)
    gold = [row for row in rows if row.annotator == GOLD_ANNOTATOR]
    if chosen is None:
        compared = tuple(sorted({row.annotator for row in rows} - {GOLD_ANNOTATOR}))
        if len(compared) < 2:
            raise SingleLayerError(title=title, found="、".join(compared) or "nobody")
    else:
        compared = chosen
    theirs = [row for row in rows if row.annotator in compared]
    holders: dict[SpanKey, set[str]] = {}
    notes: dict[SpanKey, str] = {}
    for row in theirs:
        holders.setdefault(row.key, set()).add(row.annotator)
    order = {name: index for index, name in enumerate(compared)}
    for row in sorted(theirs, key=lambda row: (order[row.annotator], row.id)):
        if row.note and row.key not in notes:
            notes[row.key] = row.note
    needed = len(compared) if rule == "unanimous" else len(compared) // 2 + 1
    agreed = tuple(sorted(key for key, names in holders.items() if len(names) >= needed))
    agreed_set = set(agreed)
    rest = [row for row in theirs if row.key not in agreed_set]
    return Curation(
        document_id=document_id,
        title=title,
        rule=rule,
        annotators=compared,
        agreed=agreed,
        disagreements=_clusters(document, compared, rest, gold, _rejections(session, document_id)),
        gold=frozenset(row.key for row in gold),
        status=_status(session, document_id),
        notes={key: note for key, note in notes.items() if key in agreed_set},
    )


def _rejections(session: Session, document_id: int) -> list[tuple[int, int, int, int]]:
    """The curator's rejections in one interview: id, tag, start, end."""
    query = select(
        GoldRejection.id, GoldRejection.tag_id, GoldRejection.start, GoldRejection.end
    ).where(GoldRejection.document_id == document_id)
    return [(int(i), int(t), int(s), int(e)) for i, t, s, e in session.execute(query)]


def _clusters(
    document: tuple[int, str],
    compared: tuple[str, ...],
    rest: Sequence[_Row],
    gold: Sequence[_Row],
    rejections: Sequence[tuple[int, int, int, int]],
) -> tuple[Disagreement, ...]:
    """Overlapping annotations of one tag, each group with every annotator's spans in it."""
    groups: list[list[_Row]] = []
    reach = -1
    for row in sorted(rest, key=lambda row: (row.tag_id, row.start, row.end)):
        if groups and groups[-1][0].tag_id == row.tag_id and row.start < reach:
            groups[-1].append(row)
            reach = max(reach, row.end)
        else:
            groups.append([row])
            reach = row.end
    found = []
    for group in groups:
        tag_id = group[0].tag_id
        start, end = group[0].start, max(row.end for row in group)
        versions = tuple(
            Version(name, tuple(sorted({(r.start, r.end) for r in group if r.annotator == name})))
            for name in compared
        )
        held = tuple(
            GoldAnnotation(row.id, row.start, row.end)
            for row in sorted(gold, key=lambda row: (row.start, row.end, row.id))
            if row.tag_id == tag_id and row.start < end and row.end > start
        )
        rejected = tuple(
            i for i, tag, low, high in rejections if tag == tag_id and low < end and high > start
        )
        found.append(
            Disagreement(document[0], document[1], tag_id, start, end, versions, held, rejected)
        )
    return tuple(found)
