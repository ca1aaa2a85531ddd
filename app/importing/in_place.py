"""Turns of a text that must stay exactly as it is: no paragraph joined, nothing rewritten,
so that offsets from another tool's annotation file still point at the same characters."""

import re

from app.importing.layout import ParsedTurn, host_name_set, labels_and_hosts
from app.importing.lines import asks, opening
from app.importing.speakers import plan_speakers


def turns_in_place(text: str) -> list[ParsedTurn]:
    """Turns of a text that must stay exactly as it is (annotation files from other tools).

    Paragraphs are separated by line breaks; nothing is joined or rewritten. A paragraph
    opening with a trusted speaker label starts a question or answer turn and unlabelled
    paragraphs continue it; before the first label each paragraph is a narration turn, and
    so is a line naming the host ("主持人：张明"), whose turns are then questions.
    """
    spans = [
        (match.start() + len(match.group()) - len(match.group().lstrip()), match.end())
        for match in re.finditer(r"[^\n]+", text)
        if match.group().strip()
    ]
    lines = [text[start:end] for start, end in spans]
    openings = [opening(line) for line in lines]
    accepted, hosts = labels_and_hosts(lines, openings, [])
    spoken = [
        (o.label.name, asks(text[start + o.content_offset : end]))
        for index, ((start, end), o) in enumerate(zip(spans, openings, strict=True))
        if o.label and o.label.name in accepted and index not in hosts
    ]
    plan = plan_speakers(spoken, None, sorted(host_name_set(hosts)))
    turns: list[ParsedTurn] = []
    for index, ((start, end), start_of) in enumerate(zip(spans, openings, strict=True)):
        label = start_of.label
        if index in hosts:
            turns.append(ParsedTurn("", "narration", start, start, end))
        elif label and label.name in accepted:
            turns.append(
                ParsedTurn(
                    plan.speaker(label.name),
                    plan.kind(label.name),
                    start,
                    start + start_of.content_offset,
                    end,
                    start_of.timestamp,
                )
            )
        elif turns and turns[-1].kind in ("question", "answer"):
            last = turns[-1]
            turns[-1] = ParsedTurn(
                last.speaker, last.kind, last.start, last.content_start, end, last.timestamp
            )
        else:
            turns.append(ParsedTurn("", "narration", start, start, end))
    return turns
