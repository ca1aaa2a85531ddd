"""A host labelled with a plain name, told from the guest by evidence.

The layout this reads::

    朱某某做客“某某访谈”         <- headline naming the guest
    秦某：欢迎朱某某来到节目。     <- the host speaks first, in short turns
    朱某某：谢谢秦某老师。……       <- the guest thanks the host by name
    秦某：请您谈谈……？             <- the host asks

Evidence, strongest first: the guest named in the headline, the host thanked by name in
the guest's first turn, then question marks, speaking first and shorter turns.
"""

import re
from dataclasses import dataclass

_THANKS = ("谢谢", "感谢", "謝謝", "感謝")
EVIDENCE_MARGIN = 1.0


@dataclass(frozen=True)
class SpokenTurn:
    speaker: str
    asks: bool
    words: str


@dataclass(frozen=True)
class HostFinding:
    host: str
    from_questions: bool  # question marks (and turn lengths) decided it


def thanked_by_name(speaker: str, turns: list[SpokenTurn]) -> bool:
    """Another speaker's first turn thanks ``speaker`` by name ("谢谢秦某老师")."""
    first_turns: dict[str, str] = {}
    for turn in turns:
        first_turns.setdefault(turn.speaker, turn.words)
    pattern = re.compile("(?:" + "|".join(_THANKS) + r")(?:您|你)?[，,、\s]*" + re.escape(speaker))
    return any(pattern.search(words) for other, words in first_turns.items() if other != speaker)


def find_host(turns: list[SpokenTurn], headline: str) -> HostFinding | None:
    """The one speaker who hosts, when the evidence points at one."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns))
    if len(speakers) < 2:
        return None
    guests = {s for s in speakers if len(s) >= 2 and s in headline}
    candidates = [s for s in speakers if s not in guests]
    if guests and len(candidates) == 1:
        return HostFinding(candidates[0], from_questions=False)
    thanked = [s for s in candidates if thanked_by_name(s, turns)]
    if len(thanked) == 1:
        return HostFinding(thanked[0], from_questions=False)
    if len(candidates) < 2:
        return None
    scores = {s: _score(s, turns, speakers) for s in candidates}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (top, top_score), (_, second_score) = ranked[0], ranked[1]
    if top_score - second_score >= EVIDENCE_MARGIN and _asks_at_all(top, turns):
        return HostFinding(top, from_questions=True)
    return None


def _asks_at_all(speaker: str, turns: list[SpokenTurn]) -> bool:
    return any(turn.asks for turn in turns if turn.speaker == speaker)


def _score(speaker: str, turns: list[SpokenTurn], speakers: list[str]) -> float:
    own = [turn for turn in turns if turn.speaker == speaker]
    share = sum(turn.asks for turn in own) / len(own)
    lengths = {
        s: sum(len(t.words) for t in turns if t.speaker == s)
        / max(1, sum(1 for t in turns if t.speaker == s))
        for s in speakers
    }
    shortest = min(lengths.values()) == lengths[speaker]
    return 2 * share + (speakers[0] == speaker) + shortest
