"""Who is interviewed, and in what role, when no label says so.

The layouts this reads::

    ——访泊里镇党委书记刘在军      <- the subtitle names the interviewee and the role
    采访对象：张某某（退休教师）   <- an oral history's header field
    张某：……  虞某某：……          <- several speakers answer: "张某、虞某某"
    市长李某谈城市更新            <- the role from the headline or the lead
    专访某镇镇长李四              <- no labels: the headline names the interviewee
"""

from app.importing import guesses as guess
from app.importing.lines import ANSWER_LABELS, split_person
from app.importing.rules.context_names import role_in_context
from app.importing.rules.interview_fields import guest_field, interviewee_field, role_field
from app.importing.rules.text_builder import ParsedTurn
from app.importing.rules.titles import headline_subject


def find_interviewee(
    title: str,
    subject: str | None,
    turns: list[ParsedTurn],
    label_roles: dict[str, str],
    texts: list[str],
) -> tuple[str, str, list[str]]:
    """(interviewee, role, guess codes); ``label_roles``: speaker -> role from its label."""
    answerers = list(
        dict.fromkeys(
            turn.speaker
            for turn in turns
            if turn.kind == "answer" and turn.speaker and turn.speaker not in ANSWER_LABELS
        )
    )
    if subject:
        name, role = split_person(subject, answerers)
        return name, role, []
    guest, guest_role = guest_field(texts)
    if guest:
        return guest, guest_role, []
    field = interviewee_field(texts)
    if field:
        return field, role_field(texts) or role_in_context(field, texts, headline=title), []
    if len(answerers) > 1:
        roles = [label_roles.get(name) or role_in_context(name, texts) for name in answerers]
        role = "、".join(roles) if all(roles) else ""
        return "、".join(answerers), role, [guess.SEVERAL_INTERVIEWEES]
    if answerers:
        name = answerers[0]
        role = label_roles.get(name) or role_in_context(name, texts, headline=title)
        code = guess.INTERVIEWEE_FROM_HEADLINE if name in title else guess.INTERVIEWEE_FROM_TURNS
        return name, role, [code]
    headline = headline_subject(title)
    if headline:
        name, role = split_person(headline, [])
        return name, role, [guess.INTERVIEWEE_FROM_HEADLINE]
    return "", "", []


def named_in_subject(subject: str | None, labels: list[str]) -> str | None:
    """The interviewee's name as written in the subtitle, matched against the labels."""
    if not subject:
        return None
    for label in sorted(set(labels), key=len, reverse=True):
        if len(label) >= 2 and subject.endswith(label):
            return label
    name, _ = split_person(subject, [])
    return name if name != subject else None
