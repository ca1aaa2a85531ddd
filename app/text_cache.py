"""Document texts kept in memory between actions (they never change after import)."""

from collections import OrderedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Document


class DocumentTexts:
    """The texts of the few most recently used documents, by id."""

    KEY = "fangtan.document_texts"
    SIZE = 4

    def __init__(self) -> None:
        self._texts: OrderedDict[int, str] = OrderedDict()

    def get(self, session: Session, document_id: int) -> str | None:
        text = self._texts.get(document_id)
        if text is not None:
            self._texts.move_to_end(document_id)
            return text
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is not None:
            self._texts[document_id] = text
            while len(self._texts) > self.SIZE:
                self._texts.popitem(last=False)
        return text


def document_text(session: Session, document_id: int) -> str | None:
    """A document's text, from the project's cache when the session has one."""
    texts = session.info.get(DocumentTexts.KEY)
    if isinstance(texts, DocumentTexts):
        return texts.get(session, document_id)
    return session.scalar(select(Document.text).where(Document.id == document_id))


def has_text_cache(session: Session) -> bool:
    return isinstance(session.info.get(DocumentTexts.KEY), DocumentTexts)
