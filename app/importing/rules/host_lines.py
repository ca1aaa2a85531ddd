"""Lines naming the hosts, and the speaker labels trusted in a text.

The layout this reads::

    对话城市更新
    主持人：张明               <- a host line: 张明 asks wherever 张明： opens a turn
    □本报记者 李某             <- a reporter named on a byline also asks as 李某：
    张明：第一个问题？
    主持人 曲某某：……          <- a host named by the role before the name asks too
"""

from app.importing.lines import LineKind, Opening, byline_names, classify, host_names
from app.importing.rules.role_labels import role_asks
from app.importing.speakers import accepted_labels

_HEADER_KINDS = {LineKind.HEADING, LineKind.SUBTITLE, LineKind.BYLINE, LineKind.HOST}
_ANCHORS = {LineKind.SUBTITLE, LineKind.BYLINE}


def labels_and_hosts(
    texts: list[str], openings: list[Opening], subjects: list[str]
) -> tuple[frozenset[str], dict[int, tuple[str, ...]]]:
    """The trusted speaker labels, and the host lines by index with their names. Host
    lines are told apart with the labels trusted so far; the hosts' names, the reporters
    named on bylines and the labels with an asking role then count as labels too."""
    accepted = accepted_labels(openings, subjects)
    hosts = _host_lines(texts, openings, [classify(line, accepted) for line in texts])
    return accepted_labels(
        openings, subjects, host_name_set(hosts) | askers_named(texts, openings)
    ), hosts


def askers_named(texts: list[str], openings: list[Opening]) -> frozenset[str]:
    """Reporters named on bylines ("记者 李某") and labels with an asking role ("主持人
    曲某某：") who speak in the text."""
    labels = {o.label.name for o in openings if o.label}
    reporters = {
        name
        for text in texts
        if (names := byline_names(text))
        for name in names.split("、")
        if name in labels
    }
    roles = {o.label.name for o in openings if o.label and o.label.role and role_asks(o.label.role)}
    return frozenset(reporters | roles)


def _host_lines(
    texts: list[str], openings: list[Opening], kinds: list[LineKind]
) -> dict[int, tuple[str, ...]]:
    """Lines naming the hosts ("主持人：张明"), by index, with the names.

    Such a line is a host line, not a turn, when a named host speaks elsewhere, or when it
    sits in a header: first in the text, after a heading, subtitle, byline or host line,
    or right above a subtitle or byline. Elsewhere ("主持人：谢谢" between turns) it stays
    a turn of the 主持人.
    """
    candidates = {index: names for index, text in enumerate(texts) if (names := host_names(text))}
    speaking = {
        o.label.name for index, o in enumerate(openings) if o.label and index not in candidates
    }
    hosts: dict[int, tuple[str, ...]] = {}
    for index, names in candidates.items():
        after_header = index == 0 or index - 1 in hosts or kinds[index - 1] in _HEADER_KINDS
        before_anchor = index + 1 < len(kinds) and kinds[index + 1] in _ANCHORS
        if after_header or before_anchor or any(name in speaking for name in names):
            hosts[index] = names
    return hosts


def host_name_set(hosts: dict[int, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(name for names in hosts.values() for name in names)
