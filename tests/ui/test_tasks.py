"""The background runner: work in order off the window thread, and a clean stop."""

import threading

import shiboken6

from ui.tasks import TaskRunner


def test_tasks_run_in_order_and_deliver_results(qtbot):
    runner = TaskRunner()
    results = []
    for number in range(5):
        runner.start(lambda _state, n=number: n * n).succeeded.connect(results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 4, 9, 16]


def test_a_stopped_runner_cancels_its_task_starts_nothing_more_and_goes(qtbot):
    runner = TaskRunner()
    running = threading.Event()

    def spin(state):
        running.set()
        while not state.cancelled():
            sum(range(1000))  # Python work that holds the interpreter
        return "stopped"

    results = []
    runner.start(spin).succeeded.connect(results.append)
    assert running.wait(5)
    runner.stop()
    runner.start(lambda _state: "started after the stop").succeeded.connect(results.append)
    shiboken6.delete(runner)  # destroying a pool whose thread runs Python would never return
    qtbot.waitUntil(lambda: results == ["stopped"])
    qtbot.wait(50)
    assert results == ["stopped"]
