"""Positions on the lines of a laid-out paragraph."""

from PySide6.QtGui import QTextLine


def cursor_x(line: QTextLine, position: int) -> float:
    """The x of the gap before ``position`` (Qt position within the block) on ``line``.
    QTextLine.cursorToX gives a float, or (float, position) in some bindings."""
    value: object = line.cursorToX(position)
    if isinstance(value, tuple):
        value = value[0]
    if not isinstance(value, int | float):
        raise TypeError(f"QTextLine.cursorToX gave {value!r}")
    return float(value)
