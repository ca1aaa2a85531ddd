"""Import in two steps: look at the files (a plan the user can check and correct), then store.

A FilePlan says what was found in one file: its format and encoding, and each
interview with the title, interviewee, role, reporter, outlet and speaker roles detected.
Those fields can be edited before the plan is stored. Storing is one transaction per
file, so a file is imported whole or not at all.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select

from app.dto import ImportedDocument, ImportReport, Progress
from app.errors import FangtanError
from app.importing.errors import NoTextError
from app.importing.layout import ParsedInterview, parse_interviews
from app.importing.notes import ImportNote
from app.importing.reading import SOURCE_SUFFIXES, load_source
from app.importing.store import content_hash, store_document
from app.project import Project
from models import Document


@dataclass
class InterviewDraft:
    """One interview found in a file, with the fields a user may correct before import."""

    parsed: ParsedInterview
    title: str
    interviewee: str
    interviewee_role: str
    reporter: str
    outlet: str
    roles: dict[str, str]  # speaker -> "question" (asks) or "answer"
    duplicate: bool = False  # the same text is already in the project
    kinds: dict[int, str] = field(default_factory=dict)  # turn index -> kind set by the user

    @classmethod
    def of(cls, parsed: ParsedInterview, duplicate: bool) -> "InterviewDraft":
        roles: dict[str, str] = {}
        for turn in parsed.turns:
            if turn.speaker and turn.kind in ("question", "answer"):
                roles.setdefault(turn.speaker, turn.kind)
        return cls(
            parsed=parsed,
            title=parsed.title,
            interviewee=parsed.interviewee,
            interviewee_role=parsed.interviewee_role,
            reporter=parsed.reporter,
            outlet=parsed.outlet,
            roles=roles,
            duplicate=duplicate,
        )

    def kind_of(self, index: int) -> str:
        """A turn's kind as it will be stored: set for the turn, or by its speaker's role."""
        if index in self.kinds:
            return self.kinds[index]
        turn = self.parsed.turns[index]
        if turn.kind in ("question", "answer"):
            return self.roles.get(turn.speaker, turn.kind)
        return turn.kind

    def finished(self) -> ParsedInterview:
        """The interview as it will be stored, with the user's corrections."""
        turns = [
            replace(turn, kind=self.kind_of(index)) for index, turn in enumerate(self.parsed.turns)
        ]
        return replace(
            self.parsed,
            title=" ".join(self.title.split()) or self.parsed.title,
            interviewee=self.interviewee.strip(),
            interviewee_role=self.interviewee_role.strip(),
            reporter=self.reporter.strip(),
            outlet=" ".join(self.outlet.split()),
            turns=turns,
        )


@dataclass
class FilePlan:
    path: Path
    encoding: str | None = None  # chosen by the user; None lets Fangtan detect it
    split: bool = True  # several interviews in one file become several documents
    detected_encoding: str = ""
    source_format: str = ""
    interviews: list[InterviewDraft] = field(default_factory=list)
    error: FangtanError | None = None
    notes: tuple[ImportNote, ...] = ()  # what is worth knowing about how it was read

    @property
    def new_interviews(self) -> list[InterviewDraft]:
        return [draft for draft in self.interviews if not draft.duplicate]


def expand_sources(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every readable kind of file under folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file()
                    and child.suffix.lower() in SOURCE_SUFFIXES
                    and not child.name.startswith((".", "~$"))
                )
            )
        else:
            files.append(path)
    return files


def plan_file(
    project: Project, path: Path, encoding: str | None = None, split: bool = True
) -> FilePlan:
    """Read and parse one file without storing anything."""
    plan = FilePlan(path=path, encoding=encoding, split=split)
    try:
        source = load_source(path, encoding=encoding)
        plan.detected_encoding = source.encoding
        plan.source_format = source.format
        plan.notes = source.warnings
        fallback = source.title or path.stem
        interviews = parse_interviews(source.text, fallback_title=fallback, split=split)
        if not interviews:
            raise NoTextError(path=str(path))
    except FangtanError as error:
        plan.error = error
        return plan
    hashes = [content_hash(interview.text) for interview in interviews]
    with project.reading() as session:
        known = set(session.scalars(select(Document.sha256).where(Document.sha256.in_(hashes))))
    seen: set[str] = set()
    for interview, digest in zip(interviews, hashes, strict=True):
        plan.interviews.append(InterviewDraft.of(interview, digest in known or digest in seen))
        seen.add(digest)
    return plan


def plan_paths(
    project: Project, paths: Iterable[Path], progress: Progress | None = None
) -> list[FilePlan]:
    files = expand_sources(paths)
    plans = []
    for done, path in enumerate(files):
        if progress is not None:
            if progress.cancelled():
                break
            progress.report(done, len(files), path.name)
        plans.append(plan_file(project, path))
    return plans


def store_plans(
    project: Project, plans: Iterable[FilePlan], progress: Progress | None = None
) -> ImportReport:
    """Store every planned interview; a failed or cancelled import keeps finished files.

    Cancelling stops before the next file: files stored so far stay, the file being
    stored is stored whole or not at all.
    """
    report = ImportReport()
    plans = list(plans)
    for done, plan in enumerate(plans):
        if progress is not None:
            if progress.cancelled():
                report.cancelled = True
                break
            progress.report(done, len(plans), plan.path.name)
        report.files += 1
        if plan.error is not None:
            report.failures.append((str(plan.path), plan.error))
            continue
        try:
            _store(project, plan, report)
        except FangtanError as error:
            report.failures.append((str(plan.path), error))
        else:
            report.notes.extend((str(plan.path), note) for note in plan.notes)
    if progress is not None and not report.cancelled:
        progress.report(len(plans), len(plans), "")
    return report


def _store(project: Project, plan: FilePlan, report: ImportReport) -> None:
    imported: list[ImportedDocument] = []
    duplicates: list[tuple[str, str]] = []
    source_name = plan.path.name
    with project.writing() as session:
        seen: set[str] = set()
        for draft in plan.interviews:
            interview = draft.finished()
            digest = content_hash(interview.text)
            exists = session.scalar(select(Document.id).where(Document.sha256 == digest))
            if exists is not None or digest in seen:
                duplicates.append((source_name, interview.title))
                continue
            seen.add(digest)
            metadata = {
                "title": interview.title,
                "subtitle": interview.subtitle,
                "interviewee": interview.interviewee,
                "interviewee_role": interview.interviewee_role,
                "reporter": interview.reporter,
                "series": interview.series,
                "outlet": interview.outlet,
                "published_on": interview.published_on,
                "source_name": source_name,
                "source_format": plan.source_format,
                "source_encoding": plan.detected_encoding,
                "status": "new",
            }
            document_id = store_document(
                session, interview.text, interview.turns, metadata, sha256=digest
            )
            imported.append(
                ImportedDocument(
                    document_id, interview.title, interview.interviewee, len(interview.turns)
                )
            )
    report.imported.extend(imported)
    report.duplicates.extend(duplicates)
