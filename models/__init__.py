"""Persistent entities of a Fangtan project and the schema that stores them."""

from models.annotations import Annotation, Annotator
from models.base import Base
from models.codebook import Tag
from models.documents import Document, Turn
from models.history import HistoryStep

__all__ = ["Annotation", "Annotator", "Base", "Document", "HistoryStep", "Tag", "Turn"]
