"""Who speaks in an interview: which labels are speakers, who they are, who asks.

- A label is trusted when it is a known role (记者, 问, Q, 主持人…), a host named on a
  "主持人：张明" line, a name used as a label at least twice, a name given in the "——访…"
  subtitle, or a name-like label on the paragraph right after one of an interviewer or
  host (the answerer of a one-question interview).
- Short forms are resolved to the full name used elsewhere: "王：" and "王书记：" are
  王信卿 when 王信卿 is the only speaker with that surname.
- Askers: the known interviewer labels; a host named on a "主持人：张明" line; and,
  when neither exists, the speaker whose turns are mostly questions while the others'
  are not (or, with a subtitle naming the interviewee, any other speaker who mostly asks);
  failing that, a named host told by evidence (app.importing.rules.named_host).
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.importing.guesses import ASKERS_FROM_QUESTIONS
from app.importing.lines import (
    ANSWER_LABELS,
    HONORIFICS,
    Opening,
    is_interviewer,
    looks_like_name,
    surname_of,
)
from app.importing.rules.named_host import SpokenTurn, find_host

QUESTION_SHARE = 0.5
CONFIRMING_TURNS = 2
MAX_NAME = 4


def accepted_labels(
    openings: list[Opening], subjects: list[str], hosts: frozenset[str] = frozenset()
) -> frozenset[str]:
    """``hosts``: names given on "主持人：张明" lines; they speak and ask like 记者."""
    counts: Counter[str] = Counter(o.label.name for o in openings if o.label)
    accepted = set(hosts)
    for name, count in counts.items():
        known = is_interviewer(name) or name in ANSWER_LABELS
        if known or count >= 2 or any(name in subject for subject in subjects):
            accepted.add(name)
    for previous, current in pairwise(openings):
        if (
            previous.label
            and current.label
            and (is_interviewer(previous.label.name) or previous.label.name in hosts)
            and looks_like_name(current.label.name)
            and len(current.label.name) <= MAX_NAME
        ):
            accepted.add(current.label.name)
    accepted |= _confirmed_by_neighbours(openings, frozenset(accepted))
    full_names = [name for name in accepted if len(name) >= 2 and not _is_short_form(name)]
    for name in counts:
        if name not in accepted and _is_short_form(name):
            surname = surname_of(name)
            if len([full for full in full_names if full.startswith(surname)]) == 1:
                accepted.add(name)
    return frozenset(accepted)


def _confirmed_by_neighbours(openings: list[Opening], trusted: frozenset[str]) -> set[str]:
    """Name-like labels seen once, right after a turn of another trusted speaker: the
    page's other paragraphs confirm the pattern ("秦某：……" / "周书记：……" / "秦某：……"),
    and labels with a role before the name ("某某部部长 金某某：")."""
    labelled = [o.label.name if o.label else None for o in openings]
    confirmed = {o.label.name for o in openings if o.label and o.label.role_before}
    if sum(1 for name in labelled if name in trusted) < CONFIRMING_TURNS:
        return confirmed
    for index, name in enumerate(labelled):
        if name is None or name in trusted or not looks_like_name(name) or len(name) > 4:
            continue
        previous = labelled[index - 1] if index > 0 else None
        if previous in trusted and previous != name:
            confirmed.add(name)
    return confirmed


@dataclass(frozen=True)
class SpeakerPlan:
    canonical: dict[str, str]  # label as written -> speaker name
    askers: frozenset[str]  # speaker names whose turns are questions
    guesses: tuple[str, ...] = ()  # codes of app.importing.guesses

    def speaker(self, label: str) -> str:
        return self.canonical.get(label, label)

    def kind(self, label: str) -> str:
        return "question" if self.speaker(label) in self.askers else "answer"


def plan_speakers(
    turns: list[tuple[str, bool]],
    interviewee: str | None,
    hosts: list[str],
    words: Sequence[str] = (),
    headline: str = "",
    known_names: Sequence[str] = (),
) -> SpeakerPlan:
    """``turns``: (label, whether the turn asks a question) in order of appearance;
    ``words``: each turn's words, and ``headline`` the title, for telling a named host;
    ``known_names``: full names written in the text, for short forms ("周书记": 周某)."""
    labels = list(dict.fromkeys(label for label, _ in turns))
    full_names = [
        label
        for label in labels
        if len(label) >= 2
        and looks_like_name(label)
        and not _is_short_form(label)
        and not is_interviewer(label)
        and label not in ANSWER_LABELS
    ]
    if interviewee and looks_like_name(interviewee) and interviewee not in full_names:
        full_names.append(interviewee)
    full_names = list(dict.fromkeys([*full_names, *known_names]))
    canonical = {label: _resolve(label, full_names) for label in labels}
    askers = {canonical[label] for label in labels if is_interviewer(label)}
    askers |= {host for host in hosts if host}
    if askers:
        return SpeakerPlan(canonical, frozenset(askers))
    spoken = [
        SpokenTurn(canonical[label], question, text)
        for (label, question), text in zip(turns, words, strict=False)
        if canonical[label] not in ANSWER_LABELS
    ]
    if len(spoken) == len(turns) and words:
        found = find_host(spoken, headline if interviewee is None else headline + interviewee)
        if found and not (interviewee and found.host == interviewee):
            guesses = (ASKERS_FROM_QUESTIONS,) if found.from_questions else ()
            if not found.from_questions or not _infer_askers(turns, canonical, interviewee):
                return SpeakerPlan(canonical, frozenset({found.host}), guesses)
    askers = _infer_askers(turns, canonical, interviewee)
    return SpeakerPlan(canonical, frozenset(askers), (ASKERS_FROM_QUESTIONS,) if askers else ())


def _is_short_form(label: str) -> bool:
    rest = label[len(surname_of(label)) :]
    return len(label) == 1 or (bool(rest) and rest in HONORIFICS)


def _resolve(label: str, full_names: list[str]) -> str:
    if is_interviewer(label) or label in ANSWER_LABELS or not _is_short_form(label):
        return label
    surname = surname_of(label)
    matches = [name for name in full_names if name != label and name.startswith(surname)]
    return matches[0] if len(matches) == 1 else label


def _infer_askers(
    turns: list[tuple[str, bool]], canonical: dict[str, str], interviewee: str | None
) -> set[str]:
    spoken: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for label, question in turns:
        name = canonical[label]
        if name in ANSWER_LABELS:
            continue
        spoken[name] += 1
        asked[name] += int(question)
    share = {name: asked[name] / spoken[name] for name in spoken}
    if interviewee and interviewee in share:
        return {
            name for name, value in share.items() if name != interviewee and value >= QUESTION_SHARE
        }
    if len(share) < 2:
        return set()
    ranked = sorted(share.items(), key=lambda item: item[1], reverse=True)
    (top, top_share), (_, second_share) = ranked[0], ranked[1]
    if top_share >= QUESTION_SHARE and second_share < QUESTION_SHARE:
        return {top}
    return set()
