"""Store parsed interviews in a project: one transaction per source file."""

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from sqlalchemy import insert, select

from app.dto import ImportedDocument, ImportReport
from app.errors import FangtanError, NoTextError
from app.importing.layout import ParsedInterview, parse_interviews
from app.importing.reading import read_source
from app.project import Project
from models import Document, Turn

TEXT_SUFFIXES = (".txt", ".md", ".text")


class ImportProgress(Protocol):
    def report(self, done: int, total: int, current: str) -> None: ...

    def cancelled(self) -> bool: ...


def expand_sources(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every text file under folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES
                )
            )
        else:
            files.append(path)
    return files


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_paths(
    project: Project, paths: Iterable[Path], progress: ImportProgress | None = None
) -> ImportReport:
    """Import every interview found in ``paths``.

    Each file is one transaction: it is stored whole or not at all. Cancelling
    stops before the next file; files already imported stay.
    """
    report = ImportReport()
    files = expand_sources(paths)
    for done, path in enumerate(files):
        if progress is not None:
            if progress.cancelled():
                report.cancelled = True
                break
            progress.report(done, len(files), path.name)
        report.files += 1
        try:
            interviews = parse_interviews(read_source(path), fallback_title=path.stem)
            if not interviews:
                raise NoTextError(path=str(path))
            _store(project, path.name, interviews, report)
        except FangtanError as error:
            report.failures.append((str(path), error))
    if progress is not None and not report.cancelled:
        progress.report(len(files), len(files), "")
    return report


def import_text(
    project: Project, text: str, source_name: str, report: ImportReport | None = None
) -> ImportReport:
    """Import interviews from text already in memory (used for the bundled sample)."""
    report = report or ImportReport()
    interviews = parse_interviews(text, fallback_title=Path(source_name).stem)
    if not interviews:
        raise NoTextError(path=source_name)
    _store(project, source_name, interviews, report)
    return report


def _store(
    project: Project, source_name: str, interviews: list[ParsedInterview], report: ImportReport
) -> None:
    imported: list[ImportedDocument] = []
    duplicates: list[tuple[str, str]] = []
    with project.writing() as session:
        seen: set[str] = set()
        for interview in interviews:
            digest = content_hash(interview.text)
            exists = session.scalar(select(Document.id).where(Document.sha256 == digest))
            if exists is not None or digest in seen:
                duplicates.append((source_name, interview.title))
                continue
            seen.add(digest)
            document = Document(
                title=interview.title,
                subtitle=interview.subtitle,
                interviewee=interview.interviewee,
                interviewee_role=interview.interviewee_role,
                reporter=interview.reporter,
                series=interview.series,
                source_name=source_name,
                sha256=digest,
                text=interview.text,
                status="new",
            )
            session.add(document)
            session.flush()
            session.execute(
                insert(Turn),
                [
                    {
                        "document_id": document.id,
                        "index": index,
                        "speaker": turn.speaker,
                        "kind": turn.kind,
                        "start": turn.start,
                        "content_start": turn.content_start,
                        "end": turn.end,
                        "timestamp": turn.timestamp,
                    }
                    for index, turn in enumerate(interview.turns)
                ],
            )
            imported.append(
                ImportedDocument(
                    document.id, interview.title, interview.interviewee, len(interview.turns)
                )
            )
    report.imported.extend(imported)
    report.duplicates.extend(duplicates)
