"""The layout corpus: interview texts in many page layouts, each with the structure an
editor expects (tests/fixtures/layouts/README.md says what the sidecars mean).

Fixtures the importer does not read right yet are listed in known_gaps.txt and expected
to fail; one that starts passing must be taken off the list.
"""

import json
import re
from typing import Any

import pytest

from app.importing.layout import ParsedInterview, parse_interviews
from tests.support.layout_corpus import CORPUS, compared, squeeze, summary

GAPS_FILE = CORPUS / "known_gaps.txt"
STEMS = sorted(path.stem for path in CORPUS.glob("*.txt") if path != GAPS_FILE)
CHECKS = ("structure", "text")
COMPARED_KINDS = ("question", "answer", "heading")
FILE_NAME = re.compile(r"^(?P<group>[a-k])-\d{2}-[a-z0-9-]+$")


def known_gaps() -> dict[tuple[str, str], str]:
    """(stem, check) -> reason, from lines "<stem> <check>  # reason"."""
    gaps = {}
    lines = GAPS_FILE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        entry, _, reason = line.partition("#")
        if not entry.strip():
            continue
        words = entry.split()
        if len(words) != 2:
            raise ValueError(f"{GAPS_FILE.name}:{number}: expected '<stem> <check>  # reason'")
        gaps[words[0], words[1]] = reason.strip()
    return gaps


GAPS = known_gaps()


def cases(check: str) -> list[Any]:
    return [
        pytest.param(
            stem,
            id=stem,
            marks=[pytest.mark.xfail(strict=True, reason=GAPS[stem, check])]
            if (stem, check) in GAPS
            else [],
        )
        for stem in STEMS
    ]


def expected_summary(expected: dict[str, Any]) -> dict[str, Any]:
    fields = ("title", "interviewee", "role", "reporter", "published_on", "outlet")
    result = {name: expected[name] for name in fields}
    result["turns"] = compared([tuple(turn) for turn in expected["turns"]])
    return result


def parse(stem: str) -> tuple[str, list[ParsedInterview]]:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    return text, parse_interviews(text, fallback_title=stem)


def sidecar(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def test_corpus_is_complete_and_well_formed() -> None:
    groups: dict[str, int] = {}
    for stem in STEMS:
        match = FILE_NAME.match(stem)
        assert match, stem
        data = sidecar(stem)
        assert data["layout"] == match["group"], stem
        assert 15 <= len((CORPUS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()) <= 60
        for interview in data["interviews"]:
            assert all(kind in (*COMPARED_KINDS, "narration") for _, kind, _ in interview["turns"])
        groups[match["group"]] = groups.get(match["group"], 0) + 1
    assert sorted(groups) == list("abcdefghijk")
    assert min(groups.values()) >= 4
    assert sorted(path.stem for path in CORPUS.glob("*.json")) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_sidecar_only_names_what_the_text_says(stem: str) -> None:
    """Titles, names, roles, outlets, dates and turn prefixes all come from the text."""
    source = squeeze((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))
    for interview in sidecar(stem)["interviews"]:
        for name in ("title", "outlet"):
            assert squeeze(interview[name]) in source, (stem, name)
        for name in ("interviewee", "role", "reporter"):
            for part in filter(None, interview[name].split("、")):
                assert squeeze(part) in source, (stem, name, part)
        if interview["published_on"]:
            day = interview["published_on"]
            assert any(date_numbers(line, day) for line in source_lines(stem)), stem
        for _, _, prefix in interview["turns"]:
            assert prefix in source, (stem, prefix)


def source_lines(stem: str) -> list[str]:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


def test_known_gaps_name_fixtures_and_checks() -> None:
    for (stem, check), reason in GAPS.items():
        assert stem in STEMS, stem
        assert check in CHECKS, check
        assert reason, f"{stem} {check}: give a reason"


@pytest.mark.parametrize("stem", cases("structure"))
def test_fixture_is_read_as_an_editor_expects(stem: str) -> None:
    _, interviews = parse(stem)
    expected = [expected_summary(interview) for interview in sidecar(stem)["interviews"]]
    assert [summary(interview) for interview in interviews] == expected


def date_numbers(line: str, day: str) -> bool:
    """Whether ``line`` writes the date ``day`` (YYYY-MM-DD): year, month and day as
    consecutive numbers, in that order or day-month-year."""
    year, month, date = (int(part) for part in day.split("-"))
    numbers = [int(number) for number in re.findall(r"\d+", line)]
    triples = list(zip(numbers, numbers[1:], numbers[2:], strict=False))
    return (year, month, date) in triples or (date, month, year) in triples


@pytest.mark.parametrize("stem", cases("text"))
def test_every_character_of_the_source_survives_in_order(stem: str) -> None:
    """Reading a file loses nothing and keeps the order.

    The stream is, per interview in order, its series, title, subtitle, interviewee,
    interviewee_role, reporter and outlet fields followed by its text, with all
    whitespace removed. Each source line, whitespace removed, must occur in the stream
    as one unbroken run, after the run of the line before it: paragraphs are joined but
    never altered, and no line is dropped. Series lines above a title are found in the
    series field, which comes first. The one line that may be missing is a line that
    writes an interview's published_on date: its value then lives in that field.
    """
    source, interviews = parse(stem)
    stream = squeeze(
        "".join(
            interview.series
            + interview.title
            + interview.subtitle
            + interview.interviewee
            + interview.interviewee_role
            + interview.reporter
            + interview.outlet
            + interview.text
            for interview in interviews
        )
    )
    dates = [i.published_on.isoformat() for i in interviews if i.published_on is not None]
    position = 0
    for line in source.splitlines():
        found = stream.find(squeeze(line), position)
        if found < 0:
            assert any(date_numbers(line, day) for day in dates), f"lost or moved: {line}"
        else:
            position = found + len(squeeze(line))
