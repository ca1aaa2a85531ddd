"""Search in a 10 MB project: index build time, and query times for 1-, 2-, 3- and
6-character queries against a LIKE scan and a scan of every turn without the index.

The text is made by a character-level Markov chain trained on the two sample
interviews, with one character in twenty drawn from 3,000 other CJK characters
(Zipf-distributed) and the odd Latin word, astral character and emoji, so that the
queries meet both common and rare characters. Queries are substrings of the
interviews' answers and questions, drawn at random. Prints; asserts nothing.

    .venv/bin/python benchmarks/search.py [--mb 10] [--queries 200]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select, text

from app.importing.importer import content_hash
from app.project import Project
from app.search.engine import _phrase, index_tokens, repair_index, scan, search
from app.seeds import sample_interviews_path
from models import Document, Turn

EXTRA = [chr(0x4E00 + i * 7) for i in range(3000)]
SPICE = ["GDP", "App", "5G", "𠮷", "😀", "𠀀", "ＡＩ"]


def chain(source: str) -> dict[str, list[str]]:
    following: dict[str, list[str]] = defaultdict(list)
    for i in range(len(source) - 2):
        following[source[i : i + 2]].append(source[i + 2])
    return following


def sentence(rng: random.Random, following: dict[str, list[str]], keys: list[str]) -> str:
    state = rng.choice(keys)
    out = [state]
    for _ in range(rng.randint(20, 120)):
        roll = rng.random()
        if roll < 0.05:
            out.append(EXTRA[min(int(rng.paretovariate(1.0)) - 1, len(EXTRA) - 1)])
            continue
        if roll < 0.052:
            out.append(rng.choice(SPICE))
            continue
        nexts = following.get(state)
        if not nexts:
            state = rng.choice(keys)
            out.append(state)
            continue
        character = rng.choice(nexts)
        out.append(character)
        state = state[1] + character
    return "".join(out).replace("\n", "")


def interview(rng, following, keys, number: int, characters: int) -> tuple[str, list[tuple]]:
    title = f"第{number}篇访谈"
    parts, turns, length = [title], [("", "heading", 0, 0, len(title))], len(title)
    index = 0
    while length < characters:
        speaker = "记者" if index % 2 == 0 else f"张{number}"
        body = "".join(sentence(rng, following, keys) for _ in range(rng.randint(1, 4)))
        start = length + 2
        paragraph = f"{speaker}:{body}"
        parts.append(paragraph)
        length = start + len(paragraph)
        kind = "question" if index % 2 == 0 else "answer"
        turns.append((speaker, kind, start, start + len(speaker) + 1, length))
        index += 1
    return "\n\n".join(parts), turns


def build(path: Path, megabytes: float, documents: int) -> tuple[list[str], list[list[tuple]]]:
    rng = random.Random(11)
    source = sample_interviews_path().read_text(encoding="utf-8")
    following = chain(source)
    keys = [key for key in following if "\n" not in key]
    characters = int(megabytes * 1_000_000 / 3 / documents)  # CJK: 3 bytes in UTF-8
    texts, all_turns = [], []
    for number in range(1, documents + 1):
        body, turns = interview(rng, following, keys, number, characters)
        texts.append(body)
        all_turns.append(turns)
    project = Project.open(path, annotator="bench")
    try:
        with project.writing() as session:
            session.execute(
                insert(Document),
                [
                    {
                        "id": number,
                        "title": f"第{number}篇访谈",
                        "source_name": "benchmark.txt",
                        "sha256": content_hash(body),
                        "text": body,
                        "status": "new",
                    }
                    for number, body in enumerate(texts, start=1)
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
    finally:
        project.close()
    return texts, all_turns


def queries(rng: random.Random, texts, all_turns, size: int, count: int) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        number = rng.randrange(len(texts))
        _speaker, kind, _start, first, last = rng.choice(all_turns[number])
        if kind == "heading" or last - first < size:
            continue
        start = rng.randrange(first, last - size + 1)
        found.append(texts[number][start : start + size])
    return found


def timed(work: Callable[[], object]) -> tuple[float, object]:
    began = time.perf_counter()
    result = work()
    return (time.perf_counter() - began) * 1000, result


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):7.2f} ms  p95 {p95:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="megabytes of UTF-8 text")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--queries", type=int, default=200, help="queries per length")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fangtan-search-"))
    path = folder / "search.fangtan"
    began = time.perf_counter()
    texts, all_turns = build(path, options.mb, options.documents)
    utf8 = sum(len(body.encode("utf-8")) for body in texts)
    turn_count = sum(len(turns) for turns in all_turns)
    print(
        f"project: {len(texts)} documents, {turn_count} turns, "
        f"{sum(map(len, texts)):,} characters, {utf8 / 1_000_000:.1f} MB UTF-8 "
        f"(built in {time.perf_counter() - began:.1f} s)"
    )

    project = Project.open(path, create=False, annotator="bench")
    with project.writing() as session:
        build_ms, indexed = timed(lambda: repair_index(session))
    print(f"index build: {build_ms / 1000:.2f} s for {indexed} turns")
    with project.reading() as session:
        check_ms, _ = timed(
            lambda: (
                session.scalar(select(func.count()).select_from(Turn)),
                session.scalar(text("SELECT count(*) FROM search_index_docsize")),
            )
        )
    print(f"consistency check (turn and index row counts): {check_ms:.2f} ms")
    size_mb = path.stat().st_size / 1_000_000
    print(f"project file with index: {size_mb:.1f} MB")
    print()

    rng = random.Random(5)
    cold = []
    for query in queries(rng, texts, all_turns, 2, 5):
        fresh = Project.open(path, create=False, annotator="bench")
        search(fresh, "𠀀")  # the first search checks the index once
        ms, _ = timed(lambda query=query, fresh=fresh: search(fresh, query, limit=1000))
        cold.append(ms)
        fresh.close()
    print(
        "first search after opening, texts read from the file (2 characters, "
        f"first 1,000 hits): {summary(cold)}"
    )
    print()
    search(project, "的")  # later searches find the texts in memory
    for size in (1, 2, 3, 6):
        asked = queries(rng, texts, all_turns, size, options.queries)
        lookup, full, window, plain, like, hits = [], [], [], [], [], []
        with project.reading() as session:
            for query in asked:
                phrase = _phrase(index_tokens(query))
                ms, _ = timed(
                    lambda phrase=phrase: session.execute(
                        text("SELECT rowid FROM search_index WHERE search_index MATCH :p"),
                        {"p": phrase},
                    ).all()
                )
                lookup.append(ms)
                ms, _ = timed(
                    lambda query=query: session.execute(
                        text("SELECT id FROM documents WHERE text LIKE :p"),
                        {"p": f"%{query}%"},
                    ).all()
                )
                like.append(ms)
        for query in asked:
            ms, found = timed(lambda query=query: search(project, query))
            full.append(ms)
            hits.append(len(found))  # type: ignore[arg-type]
            ms, _ = timed(lambda query=query: search(project, query, limit=1000))
            window.append(ms)
        for query in asked[: max(10, len(asked) // 10)]:
            ms, _ = timed(lambda query=query: scan(project, query))
            plain.append(ms)
        print(
            f"{size}-character queries ({len(asked)}; hits per query: median "
            f"{statistics.median(hits):.0f}, max {max(hits)})"
        )
        print(f"  index lookup (candidate turns)      {summary(lookup)}")
        print(f"  search, every hit with context      {summary(full)}")
        print(f"  search, first 1,000 hits (window)   {summary(window)}")
        print(f"  LIKE scan (documents containing it) {summary(like)}")
        print(f"  scan of every turn, no index        {summary(plain)}  ({len(plain)} queries)")
    project.close()
    print(f"\n{sys.version.split()[0]}; project at {path}")


if __name__ == "__main__":
    main()
