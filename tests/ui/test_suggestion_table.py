"""The suggestion list's model: rows made on demand, decided rows taken out in place."""

from PySide6.QtCore import Qt

from app.dto import TagInfo
from app.suggestions import Suggestion
from app.suggestions.engine import BASIS_DECISIONS
from ui.suggestions.table import EXCERPT, SuggestionTableModel
from ui.suggestions.words import SuggestionWords

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def _suggestion(
    start: int, text: str = "氢能产业园区", tag_id: int = 1, basis: str = BASIS_DECISIONS
) -> Suggestion:
    return Suggestion(
        1, tag_id, start, start + len(text), "rule", 0.5, ("氢能",), None, text, basis
    )


def _words(tags=None):
    words = SuggestionWords()
    words.tags = tags or {}
    return words


def test_rows_show_tag_passage_confidence_and_reason(qtbot):
    tags = {1: TagInfo(1, "产业发展", "#1f77b4", "1", "", None, 0)}
    words = _words(tags)
    model = SuggestionTableModel(words)
    long_text = "大" * (EXCERPT + 10)
    model.set_suggestions([_suggestion(0), _suggestion(50, long_text, basis="none")], tags)
    assert model.rowCount() == 2 and model.columnCount() == 4
    row = [model.data(model.index(0, column), DISPLAY) for column in range(4)]
    assert row == ["产业发展", "氢能产业园区", "0.50", "trigger words 氢能"]
    assert model.data(model.index(1, 2), DISPLAY) == "–"  # trigger words alone: no number
    assert "accepted so far" in model.data(model.index(0, 2), TOOLTIP)
    shown = model.data(model.index(1, 1), DISPLAY)
    assert len(shown) == EXCERPT and shown.endswith("…")
    assert model.data(model.index(1, 1), TOOLTIP).startswith(long_text + "\n\nSuggested: ")
    assert model.data(model.index(0, 3), TOOLTIP) == words.describe(_suggestion(0))
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None


def test_removing_decided_rows_keeps_the_others_in_order(qtbot):
    model = SuggestionTableModel(_words())
    suggestions = [_suggestion(start) for start in range(0, 100, 10)]
    model.set_suggestions(suggestions, {})
    removed = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.remove([suggestions[2].key, suggestions[7].key, (9, 9, 9, 9)])
    assert removed == [(7, 7), (2, 2)]  # one row at a time, from the bottom up
    assert [model.suggestion_at(row) for row in range(model.rowCount())] == [
        s for index, s in enumerate(suggestions) if index not in (2, 7)
    ]
    assert model.row_of(suggestions[8].key) == 6
    assert model.row_of(suggestions[2].key) is None
    assert model.data(model.index(0, 0), DISPLAY) == "?"  # a tag it does not know
