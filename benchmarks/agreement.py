"""Inter-annotator agreement on a large project: 1,000 interviews (about 10 MB of text)
holding 200,000 annotations by three annotators.

Builds the project once with bulk inserts (the interviews of benchmarks/export.py) and
keeps it in a folder given with ``--folder`` (reused when it holds one already; otherwise
a temporary folder, removed afterwards). A codebook of 12 tags; alice annotates passages
of questions and answers, and bob and carol each follow her on every span: about 70 % of
the time they mark the same characters with the same tag, otherwise they move its
boundaries a few characters, choose another tag, leave it out, or mark something else of
their own instead. Every document is annotated by all three.

Then times, over several runs each (median and 95th percentile, after one warm-up reading
of the layers that is not counted):

- reading the layers alone (``load_layers``: annotations, turns and document lengths);
- the whole agreement report, layers and coefficients, on each unit: ``turn``, ``char``
  and ``span`` (``app.agreement.report.agreement``), as ``fangtan agreement`` computes it;
- the list of disagreements on each unit (``app.agreement.disagreements``), which Team ▸
  Agreement computes beside the figures.

``--profile UNIT`` prints the 15 costliest functions of one report instead. Prints the
figures; asserts nothing. Run with:

    .venv/bin/python benchmarks/agreement.py [--runs 5] [--documents 1000] [--annotations 200000]
"""

import argparse
import cProfile
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export import insert_interviews
from sqlalchemy import func, insert, select

from app.agreement.disagreements import differences
from app.agreement.layers import load_layers
from app.agreement.report import UNITS, Agreement, NominalAgreement, agreement
from app.editing.tag_commands import CreateTag, TagSpec
from app.project import Project
from models import Annotation, Annotator, Document, Tag, Turn

ANNOTATORS = ("alice", "bob", "carol")
MORE_TAGS = ("教育", "医疗", "养老", "就业", "交通", "生态", "招商", "文旅")  # 4 + 8 = 12
SAME, SHIFTED, RETAGGED, LEFT_OUT = 0.70, 0.82, 0.90, 0.95  # cumulative; else: elsewhere

Span = tuple[int, int, int, int]  # document, start, end, tag id
T = TypeVar("T")


def place(rng: random.Random, contents: list[tuple[int, int]]) -> tuple[int, int]:
    """A passage of 2 to 60 characters inside the content of one question or answer."""
    content_start, end = rng.choice(contents)
    start = rng.randrange(content_start, end - 1)
    return start, min(end, start + rng.randint(2, 60))


def follow(
    rng: random.Random, span: Span, contents: list[tuple[int, int]], tag_ids: list[int]
) -> Span | None:
    """Another annotator's version of ``span``: mostly the same, sometimes not."""
    document, start, end, tag_id = span
    draw = rng.random()
    if draw < SAME:
        return span
    if draw < SHIFTED:
        start = max(0, start + rng.randint(-8, 8))
        end = max(start + 1, end + rng.randint(-8, 8))
        return document, start, end, tag_id
    if draw < RETAGGED:
        return document, start, end, rng.choice([t for t in tag_ids if t != tag_id])
    if draw < LEFT_OUT:
        return None
    return (document, *place(rng, contents), rng.choice(tag_ids))


def build(path: Path, documents: int, annotations: int, total_mb: float) -> None:
    rng = random.Random(2025)
    characters = int(total_mb * 1_000_000 / 3 / documents)  # CJK: 3 bytes in UTF-8
    project = Project.open(path, annotator=ANNOTATORS[0])
    try:
        for number, name in enumerate(MORE_TAGS):
            project.execute(CreateTag(TagSpec(name, f"#{number * 25 + 20:02x}6699")))
        with project.writing() as session:
            tag_ids = list(session.scalars(select(Tag.id).order_by(Tag.position, Tag.id)))
            session.execute(insert(Annotator), [{"name": name} for name in ANNOTATORS])
            names = {name: i for name, i in session.execute(select(Annotator.name, Annotator.id))}
            layer_ids = [names[name] for name in ANNOTATORS]
            texts, all_turns = insert_interviews(session, rng, documents, characters, "in_progress")
            spoken = [
                [(c, e) for _, kind, _, c, e in turns if kind != "heading" and e - c > 2]
                for turns in all_turns
            ]
            rows: list[dict[str, object]] = []
            written = 0
            while written + len(rows) < annotations:
                number = rng.randrange(documents)
                span = (number + 1, *place(rng, spoken[number]), rng.choice(tag_ids))
                versions = [span] + [
                    follow(rng, span, spoken[number], tag_ids) for _ in ANNOTATORS[1:]
                ]
                for annotator_id, version in zip(layer_ids, versions, strict=True):
                    if version is None:
                        continue
                    end = min(version[2], len(texts[number]))
                    start = min(version[1], end - 1)
                    rows.append(
                        {
                            "document_id": number + 1,
                            "tag_id": version[3],
                            "start": start,
                            "end": end,
                            "text": texts[number][start:end],
                            "annotator_id": annotator_id,
                        }
                    )
                if len(rows) >= 20_000:
                    session.execute(insert(Annotation), rows)
                    written, rows = written + len(rows), []
            if rows:
                session.execute(insert(Annotation), rows[: annotations - written])
    finally:
        project.close()


def timed(action: Callable[[], T], runs: int) -> tuple[list[float], T]:
    """The time of each run and the last run's result."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return times, result


def show(name: str, times: list[float], result: str = "") -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"  {name:<28} {statistics.median(times):9.3f} {p95:9.3f}   {result}")


def summary(result: Agreement) -> str:
    """A few of the figures, to show what was compared."""
    if isinstance(result, NominalAgreement):
        alpha = result.pooled.coefficients.krippendorff_alpha
        shown = "n/a" if alpha is None else f"{alpha:.3f}"
        return f"{result.units:,} units per tag, pooled alpha {shown}"
    scores = next(iter(result.pairs.items()))
    exact, overlap = scores[1].exact_f1 or 0.0, scores[1].overlap_f1 or 0.0
    return f"{scores[0]}: exact F1 {exact:.3f}, overlap F1 {overlap:.3f}"


def describe(project: Project, path: Path) -> None:
    with project.reading() as session:
        documents = session.scalar(select(func.count()).select_from(Document)) or 0
        annotations = session.scalar(select(func.count()).select_from(Annotation)) or 0
        turns = session.scalar(select(func.count()).select_from(Turn)) or 0
        tags = session.scalar(select(func.count()).select_from(Tag)) or 0
    size = sum(file.stat().st_size for file in path.parent.glob(path.name + "*"))
    print(
        f"project: {documents:,} documents, {annotations:,} annotations, {turns:,} turns, "
        f"{tags} tags, {size / 1_000_000:.1f} MB ({path})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=200_000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--folder", type=Path, help="keep (and reuse) the project here")
    parser.add_argument("--profile", choices=UNITS, help="profile one report instead")
    arguments = parser.parse_args()
    folder = arguments.folder or Path(tempfile.mkdtemp(prefix="fangtan-agreement-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"agreement-{arguments.documents}-{arguments.annotations}.fangtan"
    try:
        if not path.exists():
            started = time.perf_counter()
            build(path, arguments.documents, arguments.annotations, arguments.megabytes)
            print(f"built {path.name} in {time.perf_counter() - started:.0f} s")
        project = Project.open(path, create=False, annotator=ANNOTATORS[0])
        try:
            describe(project, path)
            print(f"Python {sys.version.split()[0]}, {sys.platform}")
            layers = load_layers(project, ANNOTATORS)  # warms the file and statement caches
            print(f"compared: {len(layers.documents):,} documents, {len(layers.tags)} tags")
            if arguments.profile:
                profiler = cProfile.Profile()
                profiler.runcall(agreement, project, unit=arguments.profile, annotators=ANNOTATORS)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
                return
            print(f"runs: {arguments.runs} each; seconds")
            print(f"  {'':<28} {'median':>9} {'p95':>9}")
            times, _ = timed(lambda: load_layers(project, ANNOTATORS), arguments.runs)
            show("load_layers", times)
            for unit in UNITS:
                report = partial(agreement, project, unit=unit, annotators=ANNOTATORS, tags=None)
                times, result = timed(report, arguments.runs)
                show(f"agreement, unit {unit}", times, summary(result))
            for unit in UNITS:
                listing = partial(differences, project, unit=unit, annotators=ANNOTATORS)
                times, found = timed(listing, arguments.runs)
                show(f"disagreements, unit {unit}", times, f"{len(found):,} places")
        finally:
            project.close()
    finally:
        if arguments.folder is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
