"""Commands to and from JSON, so the undo history can be kept in the project file."""

import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any

import app.chinese.dictionary  # word list commands are stored in histories too
import app.editing.codebook_import  # codebook imports are stored in histories too
import app.editing.document_commands
import app.editing.turn_commands  # noqa: F401 - its commands are stored in histories too
from app.editing.commands import AnnotationSpec, Command
from app.editing.tag_commands import DecisionSpec, TagSpec
from app.editing.tag_merge import MergedTag, NoteChange
from app.errors import UnreadableStepError
from app.suggestions import commands as _suggestion_commands  # noqa: F401 - stored too
from app.team.assignments import AssignmentState
from app.team.rejections import RejectionSpec


def _concrete(base: type) -> list[type]:
    found: list[type] = []
    subclasses: list[type] = base.__subclasses__()
    for subclass in subclasses:
        found.append(subclass)
        found.extend(_concrete(subclass))
    return found


# Every command (those of app.editing and the modules imported above), plus the value
# types they carry, by class name.
_TYPES: dict[str, type] = {cls.__name__: cls for cls in _concrete(Command)}
_TYPES.update(
    {
        cls.__name__: cls
        for cls in (
            AnnotationSpec,
            AssignmentState,
            DecisionSpec,
            MergedTag,
            NoteChange,
            RejectionSpec,
            TagSpec,
        )
    }
)


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in _TYPES:
            raise TypeError(f"cannot store {name} in the history")
        return {"$type": name, **{f.name: _encode(getattr(value, f.name)) for f in fields(value)}}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {"$dict": {key: _encode(item) for key, item in value.items()}}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$dict" in value:
            return {key: _decode(item) for key, item in value["$dict"].items()}
        kind = _TYPES.get(value.get("$type", ""))
        if kind is None:
            raise UnreadableStepError()
        return kind(**{key: _decode(item) for key, item in value.items() if key != "$type"})
    return value


def registered_commands() -> tuple[type[Command], ...]:
    """Every command the history can store, by class name order."""
    return tuple(
        cls
        for _, cls in sorted(_TYPES.items())
        if isinstance(cls, type) and issubclass(cls, Command)
    )


def dumps(command: Command) -> str:
    return json.dumps(_encode(command), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Command:
    """The command stored as ``text``.

    Raises UnreadableStepError when it cannot be rebuilt: text that is not JSON, a
    class this version does not know (renamed, or from a newer version), or fields
    missing or unknown.
    """
    try:
        command = _decode(json.loads(text))
    except UnreadableStepError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise UnreadableStepError() from error
    if not isinstance(command, Command):
        raise UnreadableStepError()
    return command
