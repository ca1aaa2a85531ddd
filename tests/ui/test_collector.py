"""Reference cycles are collected on the window's thread while a thread of ours runs
Python: with a task running, and for as long as the server's change listener listens,
where full collections are made on the window's thread too."""

import gc

import pytest

from ui.window.collector import Collector


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: freed only by the collector


@pytest.fixture
def collection():
    enabled = gc.isenabled()
    gc.enable()
    made = Collector()
    yield made
    made.deleteLater()
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_while_the_listener_listens_cycles_are_collected_by_the_window(qapp, collection):
    collection.listening_began()
    try:
        assert not gc.isenabled()  # no collection on whichever thread allocates
        young, middle, old = gc.get_threshold()
        collections = gc.get_stats()[2]["collections"]
        for _round in range((old + 2) * (middle + 2)):  # young collections enough for a full one
            for _ in range(young + 1):
                Node()
            collection.check()
        assert gc.get_count()[0] < young  # the young generation was collected here
        assert gc.get_stats()[2]["collections"] > collections  # and a full collection
    finally:
        collection.listening_ended()
    assert gc.isenabled()


def test_a_task_and_the_listener_together_switch_collection_back_once_both_end(qapp, collection):
    collection.work_began()
    collection.listening_began()
    collection.work_ended()
    assert not gc.isenabled()
    collection.listening_ended()
    assert gc.isenabled()
