"""Export a large project to every format: time and peak memory per format.

Builds a project of 1,000 interviews (about 10 MB of Chinese text as UTF-8) holding
200,000 annotations, written with bulk inserts, then exports it to each format in a
fresh process so that each format's peak memory (the process's maximum resident set)
is its own (VmHWM on Linux, reset once the project is open: "growth" is what the export
itself added). It also exports csv from a project of the same documents with 50,000
annotations, to show that csv memory stays flat as the project grows. Prints the
figures; asserts nothing. Run with:

    .venv/bin/python benchmarks/export.py [--documents 1000] [--annotations 200000]
"""

import argparse
import contextlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.importing.importer import content_hash
from app.project import Project
from models import Annotation, Annotator, Document, Tag, Turn

SENTENCES = [
    "今年,泊里镇将以深入贯彻落实党的二十大精神为主线,聚焦实体经济发展创新突破。",
    "大力推进氢能产业园区建设,推动总投资30亿元的美锦氢能汽车制造项目投产运营。",
    "高标准建设安置区和农民经济适用房,实现三个村庄年内回迁,办好群众身边的关键小事。",
    "持续推进智慧城市建设,打造具有泊里特色的智能化场景应用,提升城市管理智慧化水平。",
    "我们将坚持以人民为中心的发展思想,让群众在家门口享受到优质的教育和医疗资源。",
    "围绕老旧小区改造,今年计划完成十二个小区的管网更新和外立面整治。",
    "党建引领基层治理,把支部建在网格上,让党员成为群众身边的服务员。",
    "😀𠮷字和表情也要算一个字符。",
]
FORMATS = [
    ("csv", ".csv"),
    ("turns-csv", ".csv"),
    ("docs-csv", ".csv"),
    ("xlsx", ".xlsx"),
    ("jsonl", ".jsonl"),
    ("label-studio", ".json"),
    ("brat", ""),
    ("conll", ".conll"),
    ("qdpx", ".qdpx"),
]


def interview(rng: random.Random, number: int, characters: int) -> tuple[str, list[tuple]]:
    """A text of about ``characters`` code points and its turns (speaker, kind, offsets)."""
    title, subtitle = f"第{number}篇访谈", f"——访某镇党委书记张{number}"
    parts = [title, subtitle]
    length = len(title) + 2 + len(subtitle)
    turns = [("", "heading", 0, 0, len(title))]
    turns.append(("", "heading", len(title) + 2, len(title) + 2, length))
    index = 0
    while length < characters:
        speaker = "记者" if index % 2 == 0 else f"张{number}"
        body = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 8)))
        paragraph = f"{speaker}:{body}"
        start = length + 2
        parts.append(paragraph)
        length = start + len(paragraph)
        kind = "question" if index % 2 == 0 else "answer"
        turns.append((speaker, kind, start, start + len(speaker) + 1, length))
        index += 1
    return "\n\n".join(parts), turns


def insert_interviews(
    session: Session, rng: random.Random, documents: int, characters: int, status: str
) -> tuple[list[str], list[list[tuple]]]:
    """Write ``documents`` interviews of about ``characters`` code points each, with their
    turns, in two bulk inserts; returns each interview's text and turns."""
    texts, all_turns = [], []
    for number in range(1, documents + 1):
        text, turns = interview(rng, number, characters)
        texts.append(text)
        all_turns.append(turns)
    session.execute(
        insert(Document),
        [
            {
                "id": number,
                "title": f"第{number}篇访谈",
                "interviewee": f"张{number}",
                "interviewee_role": "某镇党委书记",
                "source_name": "benchmark.txt",
                "sha256": content_hash(text),
                "text": text,
                "status": status,
            }
            for number, text in enumerate(texts, start=1)
        ],
    )
    session.execute(
        insert(Turn),
        [
            {
                "document_id": number,
                "index": index,
                "speaker": speaker,
                "kind": kind,
                "start": start,
                "content_start": content_start,
                "end": end,
            }
            for number, turns in enumerate(all_turns, start=1)
            for index, (speaker, kind, start, content_start, end) in enumerate(turns)
        ],
    )
    return texts, all_turns


def build(path: Path, documents: int, annotations: int, total_mb: float) -> None:
    rng = random.Random(2024)
    characters = int(total_mb * 1_000_000 / 3 / documents)  # CJK: 3 bytes in UTF-8
    project = Project.open(path, annotator="bench")
    try:
        with project.writing() as session:
            tag_ids = list(session.scalars(select(Tag.id)))
            session.execute(insert(Annotator), [{"name": "bench"}, {"name": "李编辑"}])
            annotators = list(session.scalars(select(Annotator.id)))
            texts, _turns = insert_interviews(session, rng, documents, characters, "new")
            base = datetime(2026, 1, 1, tzinfo=UTC)
            rows = []
            for _ in range(annotations):
                number = rng.randrange(documents)
                text = texts[number]
                start = rng.randrange(0, len(text) - 130)
                created = base + timedelta(seconds=rng.randrange(10_000_000))
                rows.append(
                    {
                        "document_id": number + 1,
                        "tag_id": rng.choice(tag_ids),
                        "start": start,
                        "end": (end := start + rng.randint(2, 120)),
                        "text": text[start:end],
                        "note": "需要复核" if rng.random() < 0.05 else "",
                        "annotator_id": rng.choice(annotators),
                        "created_at": created,
                        "updated_at": created,
                    }
                )
                if len(rows) == 20_000:
                    session.execute(insert(Annotation), rows)
                    rows = []
            if rows:
                session.execute(insert(Annotation), rows)
    finally:
        project.close()


def _status(field: str) -> float | None:
    """A memory figure of this process from /proc/self/status, in MB (Linux only)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_mb() -> float:
    """Peak resident memory of this process. VmHWM belongs to this process image alone;
    ru_maxrss is inherited through fork and exec, so it would show the parent's peak."""
    found = _status("VmHWM")
    if found is not None:
        return found
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024


def reset_peak() -> None:
    """Start the peak over from the current size (Linux 4.0+; ignored elsewhere)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def worker(project_path: str, format_name: str, target: str) -> None:
    """Run one export in this process and print its figures as JSON."""
    from app.exchange import export

    project = Project.open(Path(project_path), create=False, annotator="bench")
    reset_peak()
    baseline = _status("VmRSS") or peak_mb()
    started = time.perf_counter()
    summary = export(project, format_name, Path(target))
    elapsed = time.perf_counter() - started
    peak = peak_mb()
    project.close()
    size = sum(
        file.stat().st_size
        for file in (Path(target).rglob("*") if Path(target).is_dir() else [Path(target)])
        if file.is_file()
    )
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "peak_mb": peak,
                "growth_mb": peak - baseline,
                "size_mb": size / 1_000_000,
                "annotations": summary.annotations,
                "warnings": [str(warning) for warning in summary.warnings],
            },
            ensure_ascii=False,
        )
    )


def measure(project: Path, format_name: str, target: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--worker", str(project), format_name, str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=50_000, help="annotations, csv check")
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--formats", nargs="*", default=[name for name, _ in FORMATS])
    parser.add_argument("--worker", nargs=3, metavar=("PROJECT", "FORMAT", "TARGET"))
    arguments = parser.parse_args()
    if arguments.worker:
        worker(*arguments.worker)
        return

    folder = Path(tempfile.mkdtemp(prefix="fangtan-export-bench-"))
    large, small = folder / "large.fangtan", folder / "small.fangtan"
    started = time.perf_counter()
    build(large, arguments.documents, arguments.annotations, arguments.megabytes)
    build(small, arguments.documents, arguments.small, arguments.megabytes)
    print(
        f"built two projects of {arguments.documents:,} documents "
        f"({arguments.megabytes:g} MB of text) with {arguments.annotations:,} and "
        f"{arguments.small:,} annotations in {time.perf_counter() - started:.1f} s ({folder})"
    )
    print(f"Python {sys.version.split()[0]}, {sys.platform}")
    print()
    print(f"{'format':<13} {'time':>8} {'peak RSS':>10} {'growth':>9} {'output':>10}  warnings")
    extensions = dict(FORMATS)
    for name in arguments.formats:
        figures = measure(large, name, folder / f"out-{name}{extensions[name]}")
        print(
            f"{name:<13} {figures['seconds']:>7.1f}s {figures['peak_mb']:>8.0f}MB "
            f"{figures['growth_mb']:>7.0f}MB {figures['size_mb']:>8.1f}MB  "
            + "; ".join(figures["warnings"])
        )
    print()
    print("csv memory as the project grows (same documents):")
    for label, path in ((f"{arguments.small:,}", small), (f"{arguments.annotations:,}", large)):
        figures = measure(path, "csv", folder / f"grow-{path.stem}.csv")
        print(
            f"  {label:>8} annotations: {figures['seconds']:.1f} s, peak RSS "
            f"{figures['peak_mb']:.0f} MB (growth {figures['growth_mb']:.0f} MB)"
        )


if __name__ == "__main__":
    main()
