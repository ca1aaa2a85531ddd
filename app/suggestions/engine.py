"""Pending suggestions, the model's training data, statistics and settings.

Nothing here is stored but the settings: suggestions are worked out from the text, the
trigger words, the annotations and the decisions whenever they are asked for, so a
passage that gets a tag, or a decision, stops being suggested at once.

Confidence: for a model suggestion, the model's probability for the tag. For a rule
suggestion, the model's probability when the model has a classifier for the tag;
otherwise how often this project's annotators accepted the tag's rule suggestions,
(accepted + 1) / (decided + 2), so 0.5 before any decision.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import queries
from app.chinese.segmentation import for_project
from app.errors import SuggestionSettingError
from app.project import Project
from app.suggestions.model import Example, TagModel, label_counts, labelled, train_labels
from app.suggestions.passages import UNITS, Passage, candidate_passages
from app.suggestions.triggers import ensure_triggers, triggers_in, words_found
from app.user_activity import give_way
from models import Annotation, Document, ProjectSetting, SuggestionDecision, Tag

Key = tuple[int, int, int, int]  # document, tag, start, end

# What a suggestion's confidence is.
BASIS_MODEL = "model"  # the model's probability for the passage
BASIS_DECISIONS = "decisions"  # the share of the tag's word suggestions accepted so far
BASIS_NONE = "none"  # trigger words alone, nothing decided yet: a neutral 0.5
NEUTRAL_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Suggestion:
    document_id: int
    tag_id: int
    start: int
    end: int
    origin: str  # "rule" (a trigger word was found) or "model"
    confidence: float
    words: tuple[str, ...] = ()  # the trigger words found
    probability: float | None = None  # the model's, when it has a classifier for the tag
    text: str = ""
    basis: str = "none"  # what the confidence is: see BASIS_* below

    @property
    def has_confidence(self) -> bool:
        """Whether the confidence says anything: trigger words alone, before any decision
        on the tag's word suggestions, carry only a neutral 0.5."""
        return self.basis != BASIS_NONE

    @cached_property
    def key(self) -> Key:
        """Made once: lists of thousands of suggestions are matched by key on every tag."""
        return (self.document_id, self.tag_id, self.start, self.end)

    def reason(self) -> str:
        """Why it is suggested, in English (the window words its own)."""
        parts = []
        if self.words:
            parts.append("trigger words: " + ", ".join(self.words))
        if self.probability is not None:
            parts.append(f"model: {self.probability:.2f}")
        return "; ".join(parts)


@dataclass(frozen=True)
class SuggestionSettings:
    unit: str = "sentence"  # "sentence" or "turn"
    retrain_every: int = 10  # new annotations and decisions between trainings
    model_threshold: float = 0.5  # lowest model probability offered


_SETTING_KEYS = {
    "unit": "suggestions.unit",
    "retrain_every": "suggestions.retrain_every",
    "model_threshold": "suggestions.model_threshold",
}


def _checked_settings(settings: SuggestionSettings) -> SuggestionSettings:
    if settings.unit not in UNITS:
        raise SuggestionSettingError(setting="unit", value=settings.unit)
    if not 1 <= settings.retrain_every <= 10_000:
        raise SuggestionSettingError(setting="retrain_every", value=settings.retrain_every)
    if not 0.0 <= settings.model_threshold <= 1.0:
        raise SuggestionSettingError(setting="model_threshold", value=settings.model_threshold)
    return settings


_Setting = TypeVar("_Setting", str, int, float)


def _stored(stored: Mapping[str, str], name: str, default: _Setting) -> _Setting:
    """The stored value of setting ``name``; ``default`` when it is not set or not readable."""
    key = _SETTING_KEYS[name]
    if key not in stored:
        return default
    try:
        return type(default)(stored[key])
    except ValueError:
        return default


def load_settings(project: Project) -> SuggestionSettings:
    """The project's suggestion settings (defaults for any not set or not readable)."""
    defaults = SuggestionSettings()
    with project.reading() as session:
        stored = dict(
            session.execute(
                select(ProjectSetting.key, ProjectSetting.value).where(
                    ProjectSetting.key.in_(_SETTING_KEYS.values())
                )
            ).all()
        )
    try:
        return _checked_settings(
            SuggestionSettings(
                unit=_stored(stored, "unit", defaults.unit),
                retrain_every=_stored(stored, "retrain_every", defaults.retrain_every),
                model_threshold=_stored(stored, "model_threshold", defaults.model_threshold),
            )
        )
    except SuggestionSettingError:
        return defaults


def save_settings(project: Project, settings: SuggestionSettings) -> None:
    """Keep ``settings`` in the project (a preference: not an undoable step)."""
    _checked_settings(settings)
    with project.writing() as session:
        for name, key in _SETTING_KEYS.items():
            value = str(getattr(settings, name))
            row = session.get(ProjectSetting, key)
            if row is None:
                session.add(ProjectSetting(key=key, value=value))
            else:
                row.value = value


# Reading what a document has --------------------------------------------------------


@dataclass
class _Document:
    id: int
    text: str
    passages: list[Passage]
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # by tag
    covered: dict[int, "_Coverage"] = field(default_factory=dict)  # the same, for lookups

    def overlaps(self, tag_id: int, start: int, end: int) -> bool:
        coverage = self.covered.get(tag_id)
        return coverage is not None and coverage.overlaps(start, end)


class _Coverage:
    """One tag's annotations in a document, asked "does any overlap this range?" in log time."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # spans that begin before ``end``
        return before > 0 and self._reach[before - 1] > start


def _documents(session: Session, document_ids: Iterable[int], unit: str) -> list[_Document]:
    return list(_each_document(session, document_ids, unit))


def _each_document(session: Session, document_ids: Iterable[int], unit: str) -> Iterator[_Document]:
    """The documents read one at a time, each dropped once the next is asked for."""
    for document_id in document_ids:
        give_way()  # only ever reading here: pausing holds up nobody's writes
        content = queries.load_document(session, document_id)
        document = _Document(
            document_id, content.text, candidate_passages(content.text, content.turns, unit)
        )
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for tag_id, start, end in session.execute(
            select(Annotation.tag_id, Annotation.start, Annotation.end).where(
                Annotation.document_id == document_id
            )
        ):
            spans[tag_id].append((start, end))
        document.spans = dict(spans)
        document.covered = {tag_id: _Coverage(found) for tag_id, found in spans.items()}
        yield document


def _decisions(session: Session, document_ids: Iterable[int] | None) -> dict[Key, str]:
    query = select(
        SuggestionDecision.document_id,
        SuggestionDecision.tag_id,
        SuggestionDecision.start,
        SuggestionDecision.end,
        SuggestionDecision.decision,
    )
    if document_ids is not None:
        query = query.where(SuggestionDecision.document_id.in_(list(document_ids)))
    return {(d, t, s, e): decision for d, t, s, e, decision in session.execute(query)}


def _rule_rates(session: Session) -> dict[int, float]:
    """Per tag: how often its rule suggestions were accepted, with one of each assumed."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for tag_id, decision, number in session.execute(
        select(SuggestionDecision.tag_id, SuggestionDecision.decision, func.count())
        .where(SuggestionDecision.origin == "rule")
        .group_by(SuggestionDecision.tag_id, SuggestionDecision.decision)
    ):
        counts[tag_id][0 if decision == "accepted" else 1] += number
    return {
        tag_id: (accepted + 1) / (accepted + rejected + 2)
        for tag_id, (accepted, rejected) in counts.items()
    }


# Suggestions ----------------------------------------------------------------------------


def pending_suggestions(
    project: Project,
    document_ids: Iterable[int] | None = None,
    *,
    model: TagModel | None = None,
    settings: SuggestionSettings | None = None,
    rules: bool = True,
    seed: bool = True,
) -> list[Suggestion]:
    """Suggestions not yet decided, for passages that do not have the tag yet.

    Of the given documents (all when None), in document order, then tag order. With
    ``seed`` a project that never had trigger words gets the seed words first (a write);
    callers on another thread than the one that writes pass False and seed beforehand.
    """
    settings = settings or load_settings(project)
    if rules and seed:
        ensure_triggers(project)
    with project.reading() as session:
        tag_order = {
            tag_id: n
            for n, tag_id in enumerate(
                session.scalars(
                    select(Tag.id)
                    .where(Tag.archived.is_(False))  # an archived tag is suggested no more
                    .order_by(Tag.position, Tag.id)
                )
            )
        }
        if document_ids is None:
            document_ids = list(session.scalars(select(Document.id).order_by(Document.id)))
        else:
            document_ids = list(document_ids)
        triggers = triggers_in(session) if rules else {}
        decided = _decisions(session, document_ids)
        rates = _rule_rates(session)
        documents = _documents(session, document_ids, settings.unit)
    found: list[Suggestion] = []
    model_tags = model.tag_ids if model is not None else frozenset()
    for document in documents:
        passages = document.passages
        predictions = (
            model.predict([p.text for p in passages]) if model is not None and passages else []
        )
        for number, passage in enumerate(passages):
            give_way()
            probabilities = predictions[number] if predictions else {}
            for tag_id in sorted(tag_order, key=tag_order.__getitem__):
                key = (document.id, tag_id, passage.start, passage.end)
                if key in decided or document.overlaps(tag_id, passage.start, passage.end):
                    continue
                hits = words_found(passage.text, triggers.get(tag_id, ()))
                probability = probabilities.get(tag_id) if tag_id in model_tags else None
                if hits:
                    origin = "rule"
                    if probability is not None:
                        confidence, basis = probability, BASIS_MODEL
                    elif tag_id in rates:
                        confidence, basis = rates[tag_id], BASIS_DECISIONS
                    else:
                        confidence, basis = NEUTRAL_CONFIDENCE, BASIS_NONE
                elif probability is not None and probability >= settings.model_threshold:
                    confidence, basis = probability, BASIS_MODEL
                    origin = "model"
                else:
                    continue
                found.append(
                    Suggestion(
                        document.id,
                        tag_id,
                        passage.start,
                        passage.end,
                        origin,
                        round(confidence, 4),
                        hits,
                        None if probability is None else round(probability, 4),
                        passage.text,
                        basis,
                    )
                )
    return found


# Training -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelInfo:
    """What a training run found: examples per tag, and which tags got a classifier."""

    counts: dict[int, tuple[int, int]]  # tag id -> (positives, negatives)
    trained: frozenset[int]
    activity: int  # the project's activity() when the examples were read


def activity(project: Project) -> int:
    """Annotations plus decisions in the project: the model is retrained when this moves."""
    with project.reading() as session:
        annotations = session.scalar(select(func.count()).select_from(Annotation)) or 0
        decisions = session.scalar(select(func.count()).select_from(SuggestionDecision)) or 0
    return annotations + decisions


def training_examples(project: Project, unit: str = "sentence") -> tuple[list[Example], int]:
    """Examples from the documents an annotator has worked on, and the activity they reflect.

    Positives: every annotation's passage (manual, accepted or imported). Negatives: the
    candidate passages that do not touch an annotation of the tag, and rejected suggestions.
    """
    examples = _TrainingExamples(project, unit)
    return [Example(*example) for example in examples], examples.seen


class _TrainingExamples:
    """training_examples' examples as (text, tag id, positive), read in one transaction a
    document at a time: a model keeps only their labels (model.labelled), never the list
    nor every document at once. ``seen`` is the activity they reflect, once read."""

    def __init__(self, project: Project, unit: str) -> None:
        self.project = project
        self.unit = unit
        self.seen = 0

    def __iter__(self) -> Iterator[tuple[str, int, bool]]:
        with self.project.reading() as session:
            tag_ids = list(session.scalars(select(Tag.id)))
            worked = sorted(
                set(session.scalars(select(Annotation.document_id).distinct()))
                | set(session.scalars(select(SuggestionDecision.document_id).distinct()))
            )
            decided = _decisions(session, worked)
            annotations = session.scalar(select(func.count()).select_from(Annotation)) or 0
            self.seen = annotations + len(decided)
            rejected: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
            for (document_id, tag_id, start, end), decision in decided.items():
                if decision == "rejected":
                    rejected[document_id].append((tag_id, start, end))
            for document in _each_document(session, worked, self.unit):
                give_way()  # only ever reading here: pausing holds up nobody's writes
                text = document.text
                for tag_id, spans in document.spans.items():
                    yield from ((text[s:e], tag_id, True) for s, e in spans)
                for passage in document.passages:
                    for tag_id in tag_ids:
                        key = (document.id, tag_id, passage.start, passage.end)
                        if decided.get(key) == "accepted" or document.overlaps(
                            tag_id, passage.start, passage.end
                        ):
                            continue
                        yield passage.text, tag_id, False
                for tag_id, start, end in rejected.pop(document.id, ()):
                    yield text[start:end], tag_id, False


def train_project_model(
    project: Project, settings: SuggestionSettings | None = None
) -> tuple[TagModel | None, ModelInfo]:
    """Train on this project's annotations and decisions (seconds at most; run it off the
    window thread). The model is None until some tag has enough examples."""
    settings = settings or load_settings(project)
    examples = _TrainingExamples(project, settings.unit)
    labels = labelled(examples)
    model = train_labels(labels, tokenize=for_project(project).tokens)
    return model, ModelInfo(
        counts=label_counts(labels),
        trained=model.tag_ids if model is not None else frozenset(),
        activity=examples.seen,
    )


# Statistics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagStats:
    tag_id: int
    accepted: int
    rejected: int
    pending: int

    @property
    def offered(self) -> int:
        return self.accepted + self.rejected + self.pending

    @property
    def rate(self) -> float | None:
        """Accepted / offered, None before anything was offered."""
        return self.accepted / self.offered if self.offered else None


def suggestion_stats(project: Project, shown: Sequence[Suggestion]) -> list[TagStats]:
    """Per tag, in codebook order: decisions in the whole project, plus ``shown`` pending."""
    with project.reading() as session:
        tag_ids = list(session.scalars(select(Tag.id).order_by(Tag.position, Tag.id)))
        counts: dict[tuple[int, str], int] = {
            (tag_id, decision): number
            for tag_id, decision, number in session.execute(
                select(
                    SuggestionDecision.tag_id, SuggestionDecision.decision, func.count()
                ).group_by(SuggestionDecision.tag_id, SuggestionDecision.decision)
            )
        }
    waiting: dict[int, int] = defaultdict(int)
    for suggestion in shown:
        waiting[suggestion.tag_id] += 1
    return [
        TagStats(
            tag_id,
            counts.get((tag_id, "accepted"), 0),
            counts.get((tag_id, "rejected"), 0),
            waiting[tag_id],
        )
        for tag_id in tag_ids
    ]
