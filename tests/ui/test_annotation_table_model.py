"""The annotation table filters by tag itself: whatever is added, moved, retagged or
removed, under whichever filter, the rows shown are those of the filter in text order."""

import random
from dataclasses import replace
from datetime import UTC, datetime

from app.dto import AnnotationInfo
from ui.panels.annotation_table import ANNOTATION_ID, AnnotationTableModel

NOW = datetime(2026, 12, 4, tzinfo=UTC)


def _annotation(number: int, rng: random.Random) -> AnnotationInfo:
    start = rng.randrange(0, 500)
    return AnnotationInfo(
        number,
        1,
        rng.randrange(1, 4),
        start,
        start + rng.randrange(1, 30),
        "文",
        "",
        "ann",
        NOW,
        NOW,
    )


def _shown(model: AnnotationTableModel) -> list[int]:
    return [model.index(row, 0).data(ANNOTATION_ID) for row in range(model.rowCount())]


def _expected(kept: dict[int, AnnotationInfo], tag_id: int | None) -> list[int]:
    rows = [a for a in kept.values() if tag_id is None or a.tag_id == tag_id]
    return [a.id for a in sorted(rows, key=lambda a: (a.start, a.end, a.id))]


def test_rows_follow_every_change_under_every_filter(qapp):
    rng = random.Random(11)
    kept = {number: _annotation(number, rng) for number in range(1, 60)}
    model = AnnotationTableModel()
    model.set_annotations(list(kept.values()))
    tag_id: int | None = None
    next_id = 100
    for _ in range(400):
        action = rng.random()
        if action < 0.3:
            next_id += 1
            kept[next_id] = _annotation(next_id, rng)
            model.upsert([kept[next_id]])
        elif action < 0.5 and kept:
            chosen = rng.choice(list(kept))
            kept[chosen] = replace(kept[chosen], tag_id=rng.randrange(1, 4), note="改")
            model.upsert([kept[chosen]])
        elif action < 0.65 and kept:
            chosen = rng.choice(list(kept))
            moved = rng.randrange(0, 500)
            kept[chosen] = replace(kept[chosen], start=moved, end=moved + 5)
            model.upsert([kept[chosen]])
        elif action < 0.85 and kept:
            chosen = rng.choice(list(kept))
            del kept[chosen]
            model.remove([chosen])
        else:
            tag_id = rng.choice([None, 1, 2, 3])
            model.set_tag_filter(tag_id)
        assert _shown(model) == _expected(kept, tag_id)
        for row, annotation_id in enumerate(_shown(model)):
            assert model.row_of(annotation_id) == row
            assert model.annotation_at(row) == kept[annotation_id]
    hidden = [a for a in kept.values() if tag_id is not None and a.tag_id != tag_id]
    assert all(model.row_of(a.id) == -1 for a in hidden)
    assert model.annotators() == ({"ann"} if kept else set())
