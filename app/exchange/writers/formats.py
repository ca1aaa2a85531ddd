"""The export entry point: ``export``, with a format from ``FORMATS``."""

from dataclasses import dataclass
from pathlib import Path

from app.dto import Progress
from app.errors import (
    ExportExtensionError,
    ExportFormatError,
    ExportTargetError,
    SplitColumnError,
)
from app.exchange.progress import CancelledError, Reporter
from app.exchange.writers.brat import write_brat
from app.exchange.writers.conll import write_conll
from app.exchange.writers.corpus import Corpus
from app.exchange.writers.options import SPLIT_NAMES, ExportOptions, ExportSummary
from app.exchange.writers.qdpx import write_qdpx
from app.exchange.writers.spans import write_jsonl, write_label_studio
from app.exchange.writers.staging import Staging, target_error
from app.exchange.writers.tables import (
    annotation_table,
    document_table,
    turn_table,
    write_table_csv,
)
from app.project import Project

CSV_PROGRESS_STEP = 5000  # rows between progress reports in csv


@dataclass(frozen=True)
class ExportFormat:
    """What a format writes. ``folder``: the target is a folder (brat)."""

    name: str
    extension: str
    folder: bool = False
    split_column: bool = True  # can mark each document's part of the split in the file


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("csv", ".csv"),
        ExportFormat("turns-csv", ".csv"),
        ExportFormat("docs-csv", ".csv"),
        ExportFormat("xlsx", ".xlsx"),
        ExportFormat("jsonl", ".jsonl"),
        ExportFormat("label-studio", ".json"),
        ExportFormat("brat", "", folder=True, split_column=False),
        ExportFormat("conll", ".conll", split_column=False),
        ExportFormat("qdpx", ".qdpx"),
    )
}


def format_for_name(target: Path) -> str | None:
    """The format a file's extension stands for (the first with it: .csv is csv), if any."""
    suffix = target.suffix.lower()
    for fmt in FORMATS.values():
        if fmt.extension and fmt.extension == suffix:
            return fmt.name
    return None


def extension_refusal(format: str, target: Path) -> ExportExtensionError | None:
    """Why ``target`` may not be written as ``format``: a file named for another format
    (CSV text in a.xlsx) would be opened as that format and fail there. Names with an
    extension no format uses are the user's choice; a folder format has no extension."""
    fmt = FORMATS.get(format)
    other = format_for_name(target)
    if fmt is None or fmt.folder or other is None or target.suffix.lower() == fmt.extension:
        return None
    return ExportExtensionError(
        path=target.name,
        extension=target.suffix,
        other=other,
        format=fmt.name,
        wanted=target.with_suffix(fmt.extension).name,
    )


def _write(
    fmt: ExportFormat,
    corpus: Corpus,
    target: Path,
    staging: Staging,
    reporter: Reporter,
    summary: ExportSummary,
) -> None:
    if fmt.folder:
        write_brat(corpus, target, staging, reporter, summary)
        return
    path = staging.file(target)
    if fmt.name in ("csv", "turns-csv", "docs-csv"):
        tables = {"csv": annotation_table, "turns-csv": turn_table, "docs-csv": document_table}
        table = tables[fmt.name](corpus, reporter, summary)
        rows = write_table_csv(table, path)
        if fmt.name == "csv":
            summary.rows += rows
    elif fmt.name == "xlsx":
        from app.exchange.writers.xlsx import write_xlsx  # openpyxl and numpy: not at start-up

        write_xlsx(corpus, path, reporter, summary)
    elif fmt.name == "jsonl":
        write_jsonl(corpus, path, reporter, summary)
    elif fmt.name == "label-studio":
        write_label_studio(corpus, path, reporter, summary)
    elif fmt.name == "conll":
        write_conll(corpus, path, reporter, summary)
    elif fmt.name == "qdpx":
        write_qdpx(corpus, path, reporter, summary, project_name=target.stem)


def _total(fmt: ExportFormat, corpus: Corpus) -> int:
    if fmt.name == "csv":
        return corpus.annotation_count()
    if fmt.name == "xlsx":
        return corpus.annotation_count() + 2 * len(corpus.documents)
    return len(corpus.documents)


def refuse_project_files(project: Project, target: Path) -> None:
    """An export never overwrites the project it comes from (or its journal files)."""
    if project.path is None:
        return
    resolved = target.resolve()
    own = {Path(f"{project.path.resolve()}{suffix}") for suffix in ("", "-wal", "-shm")}
    if resolved in own:
        raise ExportTargetError(path=str(target), detail="that is the project file itself")


def export(
    project: Project,
    format: str,
    target: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the project's annotations to ``target`` in ``format`` (a key of FORMATS).

    ``progress`` hears how far the work has got (units are annotation rows for csv,
    rows and documents for xlsx, documents otherwise; the current item is the format's
    name) and once at the end, and is asked as often whether it is cancelled.
    Cancelling, like any failure, leaves nothing written: every file is moved into place
    only when all are complete. With a split into separate files, ``target`` is a folder
    that gets ``train``, ``dev`` and ``test`` files (or folders, for brat).

    Raises ExportFormatError, ExportExtensionError (``target`` is named for another
    format), SplitColumnError or ExportTargetError (a FangtanError).
    """
    fmt = FORMATS.get(format)
    if fmt is None:
        raise ExportFormatError(name=format)
    options = options or ExportOptions()
    if options.split_column and not fmt.split_column:
        raise SplitColumnError(format=format)
    target = Path(target)
    separate = options.split is not None and options.split.separate_files  # a folder
    refusal = None if separate else extension_refusal(format, target)
    if refusal is not None:
        raise refusal
    refuse_project_files(project, target)
    summary = ExportSummary(format, target)
    try:
        with project.reading() as session, Staging() as staging:
            corpus = Corpus(session, options)
            total = _total(fmt, corpus)
            step = CSV_PROGRESS_STEP if fmt.name == "csv" else max(1, total // 200)
            reporter = Reporter(progress, total, step, current=fmt.name)
            reporter.check()
            if options.split is not None and options.split.separate_files:
                folder = staging.folder(target)
                for part in SPLIT_NAMES:
                    destination = folder / (part if fmt.folder else f"{part}{fmt.extension}")
                    _write(fmt, corpus.part(part), destination, staging, reporter, summary)
            else:
                _write(fmt, corpus, target, staging, reporter, summary)
            reporter.finish()
        summary.files = list(staging.written)
    except CancelledError:
        summary.cancelled = True
    except OSError as error:
        raise target_error(target, error) from error
    summary.finish()
    return summary
