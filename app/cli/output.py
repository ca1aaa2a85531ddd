"""What every command prints the same way."""

import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.dto import ImportReport


def utf8_stdout() -> None:
    """Write UTF-8 on stdout whatever the terminal's encoding (a file stream only)."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def print_json(payload: object) -> None:
    """``payload`` as indented JSON on stdout, in UTF-8 whatever the terminal's encoding."""
    utf8_stdout()
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with ``noun`` in the singular or the plural: "1 document", "2 documents"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def annotation_summary_line(imported: Sequence[Path], failed: Sequence[Path]) -> str:
    """Which annotation files came in and which failed (adding nothing)."""
    total = len(imported) + len(failed)
    names = ", ".join(str(path) for path in imported)
    if not failed:
        return f"{counted(total, 'annotation file')} imported: {names}."
    line = f"{len(imported)} of {counted(total, 'annotation file')} imported"
    if imported:
        line += f" ({names})"
    failures = ", ".join(str(path) for path in failed)
    return f"{line}; {len(failed)} failed and added nothing ({failures})."


def summary_line(report: ImportReport) -> str:
    parts = [
        f"{counted(len(report.imported), 'interview')} imported from "
        f"{counted(report.files, 'file')}"
    ]
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} skipped as already in the project")
    if report.failures:
        parts.append(f"{counted(len(report.failures), 'file')} failed")
    return "; ".join(parts) + "."
