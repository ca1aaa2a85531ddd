"""The overview numbers and coded-passage retrieval on a large project: 1,000 interviews
(about 10 MB of text) holding 200,000 annotations.

Builds the project once with bulk inserts (benchmarks/export.py's builder), gives the
interviews outlets, series, dates and statuses, and keeps it in a folder given with
``--folder`` (reused when it holds one already; otherwise a temporary folder, removed
afterwards). Then times, over several runs each (median and 95th percentile):

- the tag matrix (tag × document, grouped counts, coverage), read from the file;
- co-occurrence, read from the file;
- the whole overview (both from one reading, plus progress), as ``fangtan stats`` does;
- the annotations per tag per month, for the overview's Over Time chart;
- the first 200 passages of one tag, with their turns (and of the same tag in answers
  of one outlet; and of two tags in turns carrying both).

Prints the figures; asserts nothing. Run with:

    .venv/bin/python benchmarks/overview.py [--runs 7] [--documents 1000] [--annotations 200000]
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export import build
from sqlalchemy import func, select, update

from app.editing.tag_commands import CreateTag, TagSpec
from app.project import Project
from app.statistics import overview
from app.statistics.cooccurrence import cooccurrence
from app.statistics.matrix import tag_matrix
from app.statistics.passages import PassageQuery, passages
from app.statistics.timeline import frequencies_over_time
from models import Annotation, Document, Tag

OUTLETS = ("河东晚报", "山前日报", "")
SERIES = ("访谈录", "一线", "")
STATUSES = ("new", "in_progress", "done")


TAGS = (
    "乡村振兴",
    "教育",
    "医疗",
    "养老",
    "就业",
    "交通",
    "生态",
    "招商",
    "文旅",
    "安全",
    "营商环境",
    "基层治理",
)


def describe(path: Path) -> None:
    """A codebook of 16 tags with the annotations spread over them; outlets, series,
    dates a few days apart and statuses."""
    project = Project.open(path, annotator="bench")
    try:
        for number, name in enumerate(TAGS):
            project.execute(CreateTag(TagSpec(name, f"#{number * 20 + 10:02x}6699")))
        with project.writing() as session:
            tag_ids = list(session.scalars(select(Tag.id).order_by(Tag.position, Tag.id)))
            for number, tag_id in enumerate(tag_ids):
                session.execute(
                    update(Annotation)
                    .where(Annotation.id % len(tag_ids) == number)
                    .values(tag_id=tag_id)
                )
            ids = list(session.scalars(select(Document.id).order_by(Document.id)))
            first = date(2022, 1, 1)
            for number, document_id in enumerate(ids):
                session.execute(
                    update(Document)
                    .where(Document.id == document_id)
                    .values(
                        outlet=OUTLETS[number % 3],
                        series=SERIES[number % 3],
                        published_on=None if number % 10 == 0 else first + timedelta(days=number),
                        status=STATUSES[number % 3],
                    )
                )
    finally:
        project.close()


def second_tag(project: Project) -> str:
    with project.reading() as session:
        names = list(session.scalars(select(Tag.name).order_by(Tag.position, Tag.id).limit(2)))
    return names[-1]


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm the file cache and SQLAlchemy's statement cache once; not counted
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def show(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"  {name:<34} median {statistics.median(times) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=200_000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--folder", type=Path, help="keep (and reuse) the project here")
    arguments = parser.parse_args()
    folder = arguments.folder or Path(tempfile.mkdtemp(prefix="fangtan-overview-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"overview-{arguments.documents}-{arguments.annotations}.fangtan"
    try:
        if not path.exists():
            started = time.perf_counter()
            build(path, arguments.documents, arguments.annotations, arguments.megabytes)
            describe(path)
            print(f"built {path} in {time.perf_counter() - started:.0f} s")
        project = Project.open(path, create=False, annotator="bench")
        try:
            with project.reading() as session:
                annotations = session.scalar(select(func.count()).select_from(Annotation))
                documents = session.scalar(select(func.count()).select_from(Document))
                tag = session.scalar(select(Tag.name).order_by(Tag.position, Tag.id))
            print(f"project: {documents:,} interviews, {annotations:,} annotations")
            first_page = PassageQuery(tags=(str(tag),), limit=200)
            print(f"runs: {arguments.runs} each, after one warm-up run")
            show("tag matrix", timed(lambda: tag_matrix(project), arguments.runs))
            show("co-occurrence", timed(lambda: cooccurrence(project), arguments.runs))
            show("whole overview (fangtan stats)", timed(lambda: overview(project), arguments.runs))
            show(
                "over time, per month",
                timed(lambda: frequencies_over_time(project), arguments.runs),
            )
            show(
                f"first 200 passages of {tag}",
                timed(lambda: passages(project, first_page), arguments.runs),
            )
            answers = PassageQuery(tags=(str(tag),), kind="answer", outlet=OUTLETS[0], limit=200)
            show(
                "… in answers, one outlet",
                timed(lambda: passages(project, answers), arguments.runs),
            )
            second = second_tag(project)
            both = PassageQuery(tags=(str(tag), second), all_tags=True, limit=200)
            show(
                f"… and {second}, in turns with both",
                timed(lambda: passages(project, both), arguments.runs),
            )
        finally:
            project.close()
    finally:
        if arguments.folder is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
