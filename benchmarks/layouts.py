"""Layout accuracy: how much of the layout corpus (tests/fixtures/layouts) the importer
reads as an editor expects, overall and per layout group.

Each fixture is read with `parse_interviews` and compared with its sidecar (see the
corpus README). Columns, each the share of hits:

- interviews: fixtures split into the expected number of interviews
- turns: expected interviews whose compared turn list (question, answer, and heading
  turns from the first question or answer on) matches exactly
- speakers: expected question/answer turns found (by content prefix) with the expected
  speaker; kinds: expected compared turns found with the expected kind
- narration: narration turns the sidecars list (editor's notes, captions, leads) found
  as turns of their own rather than inside another turn; not part of the test's check
- title, interviewee, role, reporter, date, outlet: expected interviews whose field
  matches (interviews are paired in order; a missing one misses every field)

Prints; asserts nothing.

    .venv/bin/python benchmarks/layouts.py [--json] [STEM ...]

With stems (such as ``c-08-time-only-stamps``), only those fixtures are scored.
"""

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from app.importing.layout import ParsedInterview, parse_interviews

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the corpus's reading, shared
from tests.support.layout_corpus import (
    CORPUS,
    SPOKEN,
    Turn,
    compared,
    parsed_turns,
    summary,
)

FIELDS = {
    "title": "title",
    "interviewee": "interviewee",
    "role": "role",
    "reporter": "reporter",
    "date": "published_on",
    "outlet": "outlet",
}
COLUMNS = ("interviews", "turns", "speakers", "kinds", "narration", *FIELDS)


def read(interview: ParsedInterview) -> dict[str, Any]:
    turns = parsed_turns(interview)
    return {**summary(interview), "all_turns": turns}


class Tally:
    def __init__(self) -> None:
        self.hits: dict[str, int] = defaultdict(int)
        self.totals: dict[str, int] = defaultdict(int)

    def count(self, column: str, hit: bool) -> None:
        self.totals[column] += 1
        self.hits[column] += int(hit)

    def add(self, other: "Tally") -> None:
        for column, total in other.totals.items():
            self.totals[column] += total
            self.hits[column] += other.hits[column]

    def share(self, column: str) -> float | None:
        total = self.totals[column]
        return self.hits[column] / total if total else None


def find(turns: list[Turn], prefix: str, start: int) -> int:
    """Index of the first turn from ``start`` on whose content starts with ``prefix``."""
    return next((i for i in range(start, len(turns)) if turns[i][2] == prefix), -1)


def score_interview(tally: Tally, expected: dict[str, Any], found: dict[str, Any] | None) -> None:
    for column, name in FIELDS.items():
        tally.count(column, found is not None and found[name] == expected[name])
    wanted = compared([(speaker, kind, prefix) for speaker, kind, prefix in expected["turns"]])
    tally.count("turns", found is not None and found["turns"] == wanted)
    actual: list[Turn] = found["all_turns"] if found else []
    position = 0
    for speaker, kind, prefix in wanted:
        index = find(actual, prefix, position)
        if index >= 0:
            position = index + 1
        match = actual[index] if index >= 0 else None
        if kind in SPOKEN:
            tally.count("speakers", match is not None and match[0] == speaker)
        tally.count("kinds", match is not None and match[1] == kind)
    narration = [prefix for _, kind, prefix in expected["turns"] if kind == "narration"]
    for prefix in narration:
        tally.count("narration", find(actual, prefix, 0) >= 0)


def score(stem: str) -> tuple[str, Tally]:
    expected = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    found = [read(interview) for interview in parse_interviews(text, fallback_title=stem)]
    tally = Tally()
    tally.count("interviews", len(found) == len(expected["interviews"]))
    for index, interview in enumerate(expected["interviews"]):
        score_interview(tally, interview, found[index] if index < len(found) else None)
    return expected["layout"], tally


def measure(stems: list[str]) -> dict[str, Tally]:
    """Tallies per layout group, and "all"."""
    groups: dict[str, Tally] = defaultdict(Tally)
    for stem in stems:
        layout, tally = score(stem)
        groups[layout].add(tally)
        groups["all"].add(tally)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == "all", item[0])))


def as_json(groups: dict[str, Tally]) -> dict[str, Any]:
    return {
        group: {
            column: {
                "share": tally.share(column),
                "hits": tally.hits[column],
                "total": tally.totals[column],
            }
            for column in COLUMNS
        }
        for group, tally in groups.items()
    }


def table(groups: dict[str, Tally]) -> str:
    width = max(len(column) for column in COLUMNS) + 1
    lines = ["group  files " + "".join(f"{column:>{width}}" for column in COLUMNS)]
    for group, tally in groups.items():
        cells = []
        for column in COLUMNS:
            share = tally.share(column)
            cells.append(f"{'-' if share is None else f'{share:.0%}':>{width}}")
        lines.append(f"{group:<6} {tally.totals['interviews']:>5} " + "".join(cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("stems", nargs="*", help="fixtures to score (default: all)")
    arguments = parser.parse_args()
    known = sorted(path.stem for path in CORPUS.glob("*.json"))
    unknown = sorted(set(arguments.stems) - set(known))
    if unknown:
        parser.error(f"no such fixture: {', '.join(unknown)}")
    groups = measure(arguments.stems or known)
    if arguments.json:
        print(json.dumps(as_json(groups), ensure_ascii=False, indent=2))
    else:
        print(f"Layout corpus: {CORPUS}")
        print(table(groups))


if __name__ == "__main__":
    main()
