"""Work deferred until the window has shown an action: once, with every change merged."""

from PySide6.QtCore import QObject

from app.dto import Changes
from ui.window.deferred import ChangesLater


def test_changes_made_in_one_turn_reach_the_handler_once_merged(qtbot):
    owner = QObject()
    calls = []
    later = ChangesLater(calls.append, owner)
    later.add(Changes(documents=frozenset({1}), added=frozenset({10}), tag_ids=frozenset({3})))
    later.add(Changes(documents=frozenset({2}), added=frozenset({11}), removed=frozenset({10})))
    assert calls == []  # nothing before the event loop turns
    qtbot.waitUntil(lambda: len(calls) == 1)
    merged = calls[0]
    assert merged.documents == {1, 2}
    assert merged.added == {11}
    assert merged.removed == set()  # added and removed again: nothing to look at
    assert merged.tag_ids == {3}
    later.add(Changes(documents=frozenset({4})))
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert calls[1].documents == {4}
