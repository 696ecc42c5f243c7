"""A worker killed (SIGKILL) in the middle of processing a message loses nothing and duplicates
nothing: the message, stored and enqueued as an adapter stores it, is taken by a real huey worker
process, which stops inside its processing transaction (after the interaction is written, before
the row is marked processed) and is killed there. Nothing of that transaction survives; once the
claim's lease has run out a restarted worker processes the message, and exactly one screened
interaction exists.

The worker and the helper processes share the test's database: on PostgreSQL the test database
itself, on SQLite a file copy of the in-memory test database taken after the fixtures committed.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

REPO_ROOT = Path(__file__).resolve().parents[3]
LEASE_SECONDS = 2
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def shared_database_url(tmp_path: Path) -> str:
    """A URL other processes can open, holding what the fixtures committed."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
        return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"
    connection.ensure_connection()
    copy = tmp_path / "shared.sqlite3"
    target = sqlite3.connect(copy)
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


def environment(tmp_path: Path, database_url: str, hold: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREDESK_")}
    env |= {
        "CAREDESK_ENV": "test",
        "CAREDESK_DATA_DIR": str(tmp_path),
        "CAREDESK_DATABASE_URL": database_url,
        "CAREDESK_TASKS_IMMEDIATE": "false",
        "CAREDESK_INBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "CAREDESK_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "caredesk.settings",
    }
    if hold is not None:
        env["CAREDESK_INBOX_TEST_HOLD_FILE"] = str(hold)
    return env


def probe(env: dict[str, str], *args: Any) -> dict[str, Any]:
    command = [sys.executable, "-m", "caredesk.channels.tests.worker_probe", *map(str, args)]
    done = subprocess.run(command, env=env, cwd=REPO_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "manage.py", "run_huey", "--workers", "1", "--simple"]
    with log.open("ab") as out:
        return subprocess.Popen(command, env=env, cwd=REPO_ROOT, stdout=out, stderr=out)


def wait_for(check: Any, what: str, log: Path, timeout: float = 90) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"{what} within {timeout} s; worker log:\n{log.read_text()[-3000:]}")


def stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGINT)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def test_a_killed_worker_leaves_the_message_to_be_processed_once_on_restart(world, tmp_path):
    database_url = shared_database_url(tmp_path)
    hold, log, marker = tmp_path / "held-by", tmp_path / "worker.log", "kill-test-7f3a"
    held_env = environment(tmp_path, database_url, hold)
    first = start_worker(held_env, log)
    try:
        inbound_id = probe(held_env, "store", world.program_a.pk, world.agent_a.pk, marker)["id"]
        wait_for(hold.exists, "the worker did not reach the hold point", log)
        assert int(hold.read_text()) == first.pid
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    finally:
        stop(first)
    env = environment(tmp_path, database_url)
    left = probe(env, "status", inbound_id, marker)
    assert (left["status"], left["attempts"], left["interactions"]) == ("processing", 1, [])

    time.sleep(LEASE_SECONDS + 0.5)  # the dead worker's claim runs out
    second = start_worker(env, log)
    try:
        done = wait_for(
            lambda: (
                (state := probe(env, "status", inbound_id, marker))["status"] == "processed"
                and state
            ),
            "the restarted worker did not process the message",
            log,
        )
    finally:
        stop(second)
    assert done["attempts"] == 2 and done["last_error"] == ""
    assert done["interactions"] == [done["interaction_id"]]
