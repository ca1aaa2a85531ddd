"""The coding stripes' lanes: loaded at once, every annotation gets a lane where it
overlaps no other, lanes stay sorted, and no more lanes are used than the most annotations
over one character."""

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from ui.text.stripes import Lanes

spans = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 40)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=60,
)


def deepest(items: list[tuple[int, int]]) -> int:
    """The most spans over one point (an empty span counts where it stands)."""
    events = sorted([(start, 1) for start, _ in items] + [(end, -1) for _, end in items])
    depth = best = 0
    for _, change in events:
        depth += change
        best = max(best, depth)
    return best


@given(spans)
def test_loaded_lanes_never_overlap_and_are_as_few_as_can_be(items):
    lanes = Lanes()
    lanes.load((number, start, end) for number, (start, end) in enumerate(items))
    assert sorted(lanes.lane_of) == list(range(len(items)))
    for lane in lanes._lanes:
        assert lane == sorted(lane)
        for (_, end, _), (start, _, _) in pairwise(lane):
            assert end <= start
    for number, lane in lanes.lane_of.items():
        assert (items[number][0], items[number][1], number) in lanes._lanes[lane]
    proper = [(start, end) for start, end in items if end > start]
    if len(proper) == len(items):
        assert lanes.count == deepest(items)


def test_a_lane_freed_is_taken_by_the_next_span():
    lanes = Lanes()
    lanes.load([(1, 0, 10), (2, 5, 15), (3, 10, 20), (4, 16, 18)])
    assert lanes.lane_of == {1: 0, 2: 1, 3: 0, 4: 1}
