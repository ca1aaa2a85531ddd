"""Persistent entities of a Fangtan project and the schema that stores them."""

from models.annotations import Annotation, Annotator
from models.assistance import (
    DictionaryTerm,
    ProjectSetting,
    StopWord,
    SuggestionDecision,
    TagTrigger,
)
from models.base import Base
from models.codebook import Tag
from models.documents import Document, Turn
from models.history import ChangeRecord, HistoryStep
from models.team import Assignment, GoldRejection

__all__ = [
    "Annotation",
    "Annotator",
    "Assignment",
    "Base",
    "ChangeRecord",
    "DictionaryTerm",
    "Document",
    "GoldRejection",
    "HistoryStep",
    "ProjectSetting",
    "StopWord",
    "SuggestionDecision",
    "Tag",
    "TagTrigger",
    "Turn",
]
