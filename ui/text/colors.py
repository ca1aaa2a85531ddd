"""Highlight colours derived from tag colours, readable behind black text."""

from PySide6.QtGui import QColor

SINGLE_STRENGTH = 0.32
OVERLAP_STRENGTH = 0.5


def tint(color: QColor, strength: float) -> QColor:
    """``color`` laid over white at ``strength`` (0 = white, 1 = the colour itself)."""
    return QColor(
        round(255 + (color.red() - 255) * strength),
        round(255 + (color.green() - 255) * strength),
        round(255 + (color.blue() - 255) * strength),
    )


def blend(colors: list[QColor]) -> QColor:
    count = len(colors)
    return QColor(
        round(sum(color.red() for color in colors) / count),
        round(sum(color.green() for color in colors) / count),
        round(sum(color.blue() for color in colors) / count),
    )


def highlight_background(colors: list[QColor]) -> QColor:
    """One tag: a light tint of its colour. Several: a stronger tint of their mix."""
    if len(colors) == 1:
        return tint(colors[0], SINGLE_STRENGTH)
    return tint(blend(colors), OVERLAP_STRENGTH)


def swatch_text_color(background: QColor) -> QColor:
    return QColor("#000000") if background.lightnessF() > 0.55 else QColor("#ffffff")
