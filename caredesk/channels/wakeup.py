"""Waking the worker for new inbox rows, off the request path.

The inbox row is the durable record of a message; the job that tells a worker to process it is
only a wake-up, and a lost wake-up costs latency, not the message (the worker's sweep finds
every pending row). So the request does not write the job itself: on commit it hands the row's
id to this process's waker thread, which enqueues one job per batch of ids (those that arrive
within 20 ms of each other). On the embedded task store (SQLite) each enqueue is
a transaction with an fsync (~3 ms here) under an exclusive lock; done in the request, it held
the write lock and capped intake at about one message per fsync. In immediate mode (tests)
the job runs inline, as every job does there.

At interpreter exit the thread enqueues what it still holds; a process killed outright loses
its unsent wake-ups, and the sweep takes those rows up (within a minute, or at worker start).
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time

logger = logging.getLogger(__name__)
BATCH = 20
# Each job is an fsync'd write to the task store (~0.15 ms of CPU besides): under load, ids
# that arrive up to 20 ms apart go in one job. That wait is small beside processing a message
# (20-40 ms); a quiet server's single id waits that long at most.
LINGER = 0.02
_STOP = -1
_ids: queue.SimpleQueue[int] = queue.SimpleQueue()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def wake_worker_for(inbound_id: int) -> None:
    """Have a worker process this inbox row soon (call it after the row's commit)."""
    from caredesk.channels.tasks import process_inbound_batch

    if process_inbound_batch.huey.immediate:
        process_inbound_batch([inbound_id])
        return
    _ensure_thread()
    _ids.put(inbound_id)


def _ensure_thread() -> None:
    global _thread
    if _thread is not None and _thread.is_alive():
        return
    with _lock:
        if _thread is not None and _thread.is_alive():
            return
        _thread = threading.Thread(target=_run, name="inbox-waker", daemon=True)
        _thread.start()


def _forget_thread_after_fork() -> None:
    """A forked server process (gunicorn) starts its own thread: threads do not survive fork.
    (Noted at fork rather than by comparing pids on every call: getpid is a system call, and
    this runs for every message.)"""
    global _thread, _lock, _ids
    _thread, _lock, _ids = None, threading.Lock(), queue.SimpleQueue()


os.register_at_fork(after_in_child=_forget_thread_after_fork)


def _next_batch() -> list[int]:
    """The next ids to wake a worker for: the first one, then whatever else arrived within
    LINGER (a busy server's ids share one job; a quiet one's first id waits at most LINGER).
    The thread sleeps through the linger rather than waiting on the queue: a message handed
    over meanwhile is then only appended, not a wake-up of this thread."""
    batch = [_ids.get()]
    if batch[0] != _STOP and _ids.qsize() < BATCH - 1:
        # Only while a batch is not full already: a backlog is drained without waiting, so the
        # linger never caps how many ids a second this thread can hand on.
        time.sleep(LINGER)
    while len(batch) < BATCH and batch[-1] != _STOP:
        try:
            batch.append(_ids.get_nowait())
        except queue.Empty:
            break
    return batch


def _run() -> None:
    from caredesk.channels.tasks import process_inbound_batch

    while True:
        batch = _next_batch()
        ids = [pk for pk in batch if pk != _STOP]
        if ids:
            try:
                process_inbound_batch(ids)
            except Exception:
                logger.exception("could not enqueue inbox rows %s; the sweep will find them", ids)
        if _STOP in batch:
            return


@atexit.register
def _flush_at_exit() -> None:
    thread = _thread
    if thread is None or not thread.is_alive():
        return
    _ids.put(_STOP)
    thread.join(timeout=10)
