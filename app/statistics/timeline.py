"""Annotations of each tag per month of publication, for a chart over time.

Months run without gaps from the first month with a dated interview to the last, so
that equal steps on the chart are equal spans of time; interviews without a date are
left out and only counted.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.project import Project
from models import Annotation, Document, Tag


@dataclass(frozen=True)
class TimelineTag:
    id: int
    name: str
    color: str


@dataclass(frozen=True)
class Timeline:
    """``counts[tag id]`` has one number per month of ``months`` ("YYYY-MM", sorted);
    ``tags`` are in codebook order; ``undated`` is the number of interviews without a
    publication date and ``undated_annotations`` the annotations they hold."""

    tags: tuple[TimelineTag, ...]
    months: tuple[str, ...]
    counts: Mapping[int, tuple[int, ...]]
    undated: int
    undated_annotations: int

    def total(self) -> int:
        return sum(sum(values) for values in self.counts.values())


def _month(day: date) -> str:
    return day.strftime("%Y-%m")


def month_range(first: str, last: str) -> tuple[str, ...]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def frequencies_over_time(project: Project) -> Timeline:
    """The number of annotations of each tag per month of publication."""
    with project.reading() as session:
        tags = tuple(
            TimelineTag(tag_id, name, color)
            for tag_id, name, color in session.execute(
                select(Tag.id, Tag.name, Tag.color).order_by(Tag.position, Tag.id)
            )
        )
        published: dict[int, date | None] = {
            document_id: day
            for document_id, day in session.execute(select(Document.id, Document.published_on))
        }
        counted = session.execute(
            select(Annotation.document_id, Annotation.tag_id, func.count()).group_by(
                Annotation.document_id, Annotation.tag_id
            )
        )
        per_month: dict[tuple[int, str], int] = {}
        undated_annotations = 0
        for document_id, tag_id, count in counted:
            day = published.get(document_id)
            if day is None:
                undated_annotations += count
                continue
            key = (tag_id, _month(day))
            per_month[key] = per_month.get(key, 0) + count
    dated = sorted(_month(day) for day in published.values() if day is not None)
    months = month_range(dated[0], dated[-1]) if dated else ()
    return Timeline(
        tags=tags,
        months=months,
        counts={
            tag.id: tuple(per_month.get((tag.id, month), 0) for month in months) for tag in tags
        },
        undated=sum(1 for day in published.values() if day is None),
        undated_annotations=undated_annotations,
    )
