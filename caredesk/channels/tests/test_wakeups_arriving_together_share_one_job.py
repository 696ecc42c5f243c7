"""Ids handed to the waker together go to a worker in one job, a lone id in a job of its own
(after LINGER at most); a full batch or the stop marker ends a batch at once, and a backlog
is handed on without lingering."""

from __future__ import annotations

from caredesk.channels import wakeup


def _drain() -> None:
    while not wakeup._ids.empty():
        wakeup._ids.get_nowait()


def test_ids_arriving_together_share_one_batch_and_a_lone_id_goes_alone():
    _drain()
    for pk in (1, 2, 3):
        wakeup._ids.put(pk)
    assert wakeup._next_batch() == [1, 2, 3]
    wakeup._ids.put(5)
    assert wakeup._next_batch() == [5]


def test_a_full_batch_or_the_stop_marker_ends_the_batch():
    _drain()
    for pk in range(wakeup.BATCH + 3):
        wakeup._ids.put(pk)
    assert wakeup._next_batch() == list(range(wakeup.BATCH))
    _drain()
    wakeup._ids.put(7)
    wakeup._ids.put(wakeup._STOP)
    wakeup._ids.put(8)
    assert wakeup._next_batch() == [7, wakeup._STOP]
    _drain()


def test_a_backlog_is_drained_without_lingering(monkeypatch):
    _drain()
    slept: list[float] = []
    monkeypatch.setattr(wakeup.time, "sleep", slept.append)
    for pk in range(2 * wakeup.BATCH):
        wakeup._ids.put(pk)
    assert wakeup._next_batch() == list(range(wakeup.BATCH))
    assert wakeup._next_batch() == list(range(wakeup.BATCH, 2 * wakeup.BATCH))
    assert slept == []
    wakeup._ids.put(99)
    assert wakeup._next_batch() == [99]
    assert slept == [wakeup.LINGER]
