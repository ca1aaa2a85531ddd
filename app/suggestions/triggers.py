"""Trigger words per tag: the keyword rules, seeded for the default tags.

A passage that contains a tag's trigger word (as a substring, so that segmentation
mistakes cannot hide it) is suggested for that tag, with the words found as the reason.
A project gets the seed words the first time suggestions or trigger words are asked for
(or edited), once: a project whose annotator removed every trigger word is not seeded
again.
"""

import json
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import TriggerWordError
from models import ProjectSetting, Tag, TagTrigger

if TYPE_CHECKING:
    from app.project import Project

SEEDED_KEY = "suggestions.triggers_seeded"
MAX_LENGTH = 100


@cache
def seed_triggers() -> dict[str, tuple[str, ...]]:
    """Trigger words of the default tags, by tag name (from seeds/triggers.json)."""
    raw = json.loads((resources.files("seeds") / "triggers.json").read_text(encoding="utf-8"))
    return {name: tuple(words) for name, words in raw["triggers"].items()}


def normalize_word(word: str) -> str:
    """A trigger word as stored: trimmed; refused when empty, too long or on two lines."""
    cleaned = word.strip()
    if not cleaned or len(cleaned) > MAX_LENGTH or any(c in cleaned for c in "\r\n\t"):
        raise TriggerWordError(word=cleaned[:20])
    return cleaned


def seed_default_triggers(session: Session) -> int:
    """Give the tags named like the default tags their seed words; returns how many were added.

    Marks the project as seeded, so this happens once per project.
    """
    seeds = seed_triggers()
    added = 0
    for tag_id, name in session.execute(select(Tag.id, Tag.name)):
        existing = set(session.scalars(select(TagTrigger.word).where(TagTrigger.tag_id == tag_id)))
        for word in seeds.get(name, ()):
            if word not in existing:
                session.add(TagTrigger(tag_id=tag_id, word=word))
                existing.add(word)
                added += 1
    if session.get(ProjectSetting, SEEDED_KEY) is None:
        session.add(ProjectSetting(key=SEEDED_KEY, value="1"))
    session.flush()
    return added


def _needs_seeding(session: Session) -> bool:
    return (
        session.get(ProjectSetting, SEEDED_KEY) is None
        and session.scalar(select(TagTrigger.id).limit(1)) is None
    )


def seed_if_new(session: Session) -> None:
    """Seed the trigger words of a project that never had any (inside a transaction)."""
    if _needs_seeding(session):
        seed_default_triggers(session)


def ensure_triggers(project: "Project") -> None:
    """Seed a project's trigger words the first time they are needed."""
    with project.reading() as session:
        if not _needs_seeding(session):
            return
    with project.writing() as session:
        seed_if_new(session)


def triggers_in(session: Session) -> dict[int, tuple[str, ...]]:
    """Every tag's trigger words, sorted, by tag id (tags without any are left out)."""
    found: dict[int, list[str]] = defaultdict(list)
    for tag_id, word in session.execute(
        select(TagTrigger.tag_id, TagTrigger.word).order_by(TagTrigger.tag_id, TagTrigger.word)
    ):
        found[tag_id].append(word)
    return {tag_id: tuple(words) for tag_id, words in found.items()}


def trigger_words(project: "Project") -> dict[int, tuple[str, ...]]:
    """Every tag's trigger words by tag id, seeding an older project first."""
    ensure_triggers(project)
    with project.reading() as session:
        return triggers_in(session)


def words_found(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The trigger words that occur in ``text``, longest first; a word inside a longer
    word found (党组织 inside 基层党组织) is not listed again."""
    found: list[str] = []
    for word in sorted(words, key=lambda w: (-len(w), w)):
        if word in text and not any(word in longer for longer in found):
            found.append(word)
    return tuple(found)
