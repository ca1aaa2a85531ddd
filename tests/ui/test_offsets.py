"""Code point offsets survive the trip through Qt's UTF-16 positions, astral characters included."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from ui.text.offsets import OffsetMap, utf16_length

PIECES = st.sampled_from(
    ["访", "谈", "民生", "𠮷", "😀", "👍🏽", "e\u0301", "a", " ", "\n", "，", "\u3000", "𝔸"]
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join)


@given(TEXTS)
def test_round_trip_of_every_offset(text):
    offsets = OffsetMap(text)
    for offset in range(len(text) + 1):
        assert offsets.to_code_point(offsets.to_utf16(offset)) == offset
    assert offsets.to_utf16(len(text)) == utf16_length(text) == len(text.encode("utf-16-le")) // 2


@given(TEXTS)
def test_position_inside_a_surrogate_pair_snaps_to_the_character(text):
    offsets = OffsetMap(text)
    for offset, char in enumerate(text):
        if ord(char) > 0xFFFF:
            inside = offsets.to_utf16(offset) + 1
            assert offsets.to_code_point(inside) == offset
            assert offsets.span_to_code_points(inside, inside) == (offset, offset + 1)


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.data())
def test_selection_in_a_real_text_widget_matches_the_python_slice(qapp, text, data):
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    offsets = OffsetMap(text)
    first, last = offsets.span_to_utf16(start, end)
    cursor = editor.textCursor()
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    selected = cursor.selectedText().replace("\u2029", "\n")
    assert selected == text[start:end]
    assert offsets.span_to_code_points(cursor.selectionStart(), cursor.selectionEnd()) == (
        start,
        end,
    )
