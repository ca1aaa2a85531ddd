"""Import files or text straight into a project (the command line and the sample).

The window shows a preview first (app.importing.plan); these functions take what
was detected as it is. Each file is one transaction, stored whole or not at all;
cancelling stops before the next file and keeps the files already stored.
"""

from collections.abc import Iterable
from pathlib import Path

from app.dto import ImportReport, Progress
from app.importing.errors import NoTextError
from app.importing.layout import parse_interviews
from app.importing.plan import (
    FilePlan,
    InterviewDraft,
    expand_sources,
    plan_file,
    store_plans,
)
from app.importing.store import content_hash
from app.project import Project

__all__ = ["content_hash", "import_paths", "import_text"]


def import_paths(
    project: Project,
    paths: Iterable[Path],
    progress: Progress | None = None,
    encoding: str | None = None,
    split: bool = True,
) -> ImportReport:
    """Import every interview found in ``paths`` (files, or folders searched recursively)."""
    report = ImportReport()
    files = expand_sources(paths)
    for done, path in enumerate(files):
        if progress is not None:
            if progress.cancelled():
                report.cancelled = True
                break
            progress.report(done, len(files), path.name)
        report.absorb(store_plans(project, [plan_file(project, path, encoding, split)]))
    if progress is not None and not report.cancelled:
        progress.report(len(files), len(files), "")
    return report


def import_text(project: Project, text: str, source_name: str) -> ImportReport:
    """Import interviews from text already in memory (the bundled sample)."""
    interviews = parse_interviews(text, fallback_title=Path(source_name).stem)
    if not interviews:
        raise NoTextError(path=source_name)
    plan = FilePlan(
        path=Path(source_name),
        detected_encoding="utf-8",
        source_format="text",
        interviews=[InterviewDraft.of(interview, duplicate=False) for interview in interviews],
    )
    return store_plans(project, [plan])
