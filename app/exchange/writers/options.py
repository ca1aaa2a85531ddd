"""What to export (filters, headers, split) and what an export did (its summary)."""

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from app.errors import QT_TRANSLATE_NOOP, SplitRatioError

SPLIT_NAMES = ("train", "dev", "test")


@dataclass(frozen=True)
class SplitOptions:
    """A reproducible train/dev/test split by document.

    The same seed and the same documents (by text) always give the same split, in any
    project: documents are ordered by a hash of the seed and their text's SHA-256, then
    cut into parts of ``ratios`` (exact counts, largest remainder). With
    ``separate_files`` the export target is a folder holding ``train.EXT``, ``dev.EXT``
    and ``test.EXT`` (brat: ``train/``, ``dev/``, ``test/``); otherwise each row or
    record gets a ``split`` column or field.
    """

    seed: int = 0
    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    separate_files: bool = False

    def __post_init__(self) -> None:
        ratios = tuple(self.ratios)
        valid = (
            len(ratios) == 3
            and all(isinstance(r, int | float) and math.isfinite(r) and r >= 0 for r in ratios)
            and math.isclose(sum(ratios), 1.0, abs_tol=1e-9)
        )
        if not valid:
            raise SplitRatioError(ratios=", ".join(str(r) for r in ratios))
        object.__setattr__(self, "ratios", tuple(float(r) for r in ratios))


def _frozen(values: Iterable[object] | None) -> frozenset | None:
    return None if values is None else frozenset(values)


@dataclass(frozen=True)
class ExportOptions:
    """Which annotations and documents to export, and how.

    ``None`` in a filter means no filter. Tag and annotator filters choose annotations
    (documents without any are still exported); document and status filters choose
    documents. ``headers`` sets the column headers of csv, turns-csv, docs-csv and xlsx.
    ``unit`` is for conll only: jieba tokens or single characters.
    """

    tag_ids: frozenset[int] | None = None
    annotators: frozenset[str] | None = None
    document_ids: frozenset[int] | None = None
    statuses: frozenset[str] | None = None
    include_notes: bool = True
    headers: Literal["en", "zh"] = "en"
    split: SplitOptions | None = None
    unit: Literal["token", "char"] = "token"

    def __post_init__(self) -> None:
        for name in ("tag_ids", "annotators", "document_ids", "statuses"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        if self.headers not in ("en", "zh"):
            raise ValueError(f"headers must be 'en' or 'zh', not {self.headers!r}")
        if self.unit not in ("token", "char"):
            raise ValueError(f"unit must be 'token' or 'char', not {self.unit!r}")

    @property
    def split_column(self) -> bool:
        return self.split is not None and not self.split.separate_files


# Warnings -------------------------------------------------------------------------------

WARNING_TEMPLATES: dict[str, str] = {
    "tokens_split": QT_TRANSLATE_NOOP("Export", "{count} jieba tokens split at span boundaries"),
    "overlap_dropped": QT_TRANSLATE_NOOP(
        "Export",
        "{count} overlapping spans left out of the BIO tags (the longest span wins)",
    ),
    "identical_spans": QT_TRANSLATE_NOOP(
        "Export", "{count} spans identical to another (same tag and place) written once"
    ),
    "blank_spans": QT_TRANSLATE_NOOP(
        "Export", "{count} spans hold only spaces or line breaks and have no tokens"
    ),
    "label_spaces": QT_TRANSLATE_NOOP(
        "Export", "{count} tag names with spaces written with underscores"
    ),
    "brat_fragments": QT_TRANSLATE_NOOP(
        "Export", "{count} spans across line breaks written as brat fragments"
    ),
    "brat_blank": QT_TRANSLATE_NOOP(
        "Export", "{count} spans holding only line breaks left out (brat cannot show them)"
    ),
    "note_lines": QT_TRANSLATE_NOOP(
        "Export", "{count} notes with line breaks or tabs written on one line"
    ),
    "xml_characters": QT_TRANSLATE_NOOP(
        "Export", "{count} names or notes had characters XML cannot hold, replaced by �"
    ),
    "xlsx_characters": QT_TRANSLATE_NOOP(
        "Export", "{count} cells had control characters Excel cannot hold, replaced by �"
    ),
    "xlsx_truncated": QT_TRANSLATE_NOOP(
        "Export", "{count} cells longer than Excel's 32,767 characters were cut"
    ),
    "carriage_returns": QT_TRANSLATE_NOOP(
        "Export",
        "{count} documents contain carriage returns; programs that convert line endings "
        "will count positions differently",
    ),
}


# The same, said of one.
WARNING_ONE: dict[str, str] = {
    "tokens_split": QT_TRANSLATE_NOOP("Export", "1 jieba token split at span boundaries"),
    "overlap_dropped": QT_TRANSLATE_NOOP(
        "Export", "1 overlapping span left out of the BIO tags (the longest span wins)"
    ),
    "identical_spans": QT_TRANSLATE_NOOP(
        "Export", "1 span identical to another (same tag and place) written once"
    ),
    "blank_spans": QT_TRANSLATE_NOOP(
        "Export", "1 span holds only spaces or line breaks and has no tokens"
    ),
    "label_spaces": QT_TRANSLATE_NOOP("Export", "1 tag name with spaces written with underscores"),
    "brat_fragments": QT_TRANSLATE_NOOP(
        "Export", "1 span across line breaks written as brat fragments"
    ),
    "brat_blank": QT_TRANSLATE_NOOP(
        "Export", "1 span holding only line breaks left out (brat cannot show it)"
    ),
    "note_lines": QT_TRANSLATE_NOOP(
        "Export", "1 note with line breaks or tabs written on one line"
    ),
    "xml_characters": QT_TRANSLATE_NOOP(
        "Export", "1 name or note had characters XML cannot hold, replaced by �"
    ),
    "xlsx_characters": QT_TRANSLATE_NOOP(
        "Export", "1 cell had control characters Excel cannot hold, replaced by �"
    ),
    "xlsx_truncated": QT_TRANSLATE_NOOP(
        "Export", "1 cell longer than Excel's 32,767 characters was cut"
    ),
    "carriage_returns": QT_TRANSLATE_NOOP(
        "Export",
        "1 document contains carriage returns; programs that convert line endings "
        "will count positions differently",
    ),
}


@dataclass(frozen=True)
class ExportWarning:
    kind: str
    count: int

    @property
    def template(self) -> str:
        if self.count == 1:
            return WARNING_ONE[self.kind]
        return WARNING_TEMPLATES[self.kind]

    def __str__(self) -> str:
        return self.template.format(count=self.count)


@dataclass
class ExportSummary:
    """What an export wrote.

    ``rows`` counts rows or records written (annotation rows for csv, turns for
    turns-csv, documents for docs-csv and the span formats, tokens for conll).
    """

    format: str
    target: Path
    documents: int = 0
    annotations: int = 0
    rows: int = 0
    files: list[Path] = field(default_factory=list)
    warnings: list[ExportWarning] = field(default_factory=list)
    cancelled: bool = False
    counts: Counter[str] = field(default_factory=Counter, repr=False)

    def warn(self, kind: str, count: int = 1) -> None:
        if kind not in WARNING_TEMPLATES:
            raise KeyError(kind)
        self.counts[kind] += count

    def finish(self) -> None:
        self.warnings = [
            ExportWarning(kind, self.counts[kind])
            for kind in WARNING_TEMPLATES
            if self.counts[kind] > 0
        ]
