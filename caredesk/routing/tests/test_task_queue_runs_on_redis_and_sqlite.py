"""Background jobs really run on both task stores the settings can choose: SQLite on one machine
and Redis at scale. Each test builds the queue from the settings' own HUEY configuration (read
in a fresh interpreter with the environment of that deployment), enqueues a job, lets a
consumer worker take one step and reads the job's result back from the store.

The Redis test starts a real redis-server on a free loopback port in a temporary directory. It
is skipped only on a developer machine without redis-server; in CI (`CI` set) it must run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from huey import RedisHuey, SqliteHuey
from huey.api import Huey
from huey.utils import load_class

pytestmark = pytest.mark.slow
REPO_ROOT = Path(__file__).resolve().parents[3]


def settings_huey_config(data_dir: Path, redis_url: str = "") -> dict[str, Any]:
    """settings.HUEY as a deployment with this environment would see it (not immediate)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREDESK_")}
    env |= {
        "CAREDESK_ENV": "test",
        "CAREDESK_DATA_DIR": str(data_dir),
        "CAREDESK_TASKS_IMMEDIATE": "false",
        "CAREDESK_REDIS_URL": redis_url,
    }
    code = "import json, caredesk.settings as s; print(json.dumps(s.HUEY))"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def huey_from_config(config: dict[str, Any]) -> Huey:
    """The instance huey.contrib.djhuey builds from a HUEY settings dict."""
    config = dict(config)
    name = config.pop("name")
    huey_class = load_class(config.pop("huey_class"))
    config.pop("consumer", None)
    config.update(config.pop("connection", {}))
    return huey_class(name, **config)


def run_one_job(huey: Huey) -> Any:
    """Enqueue a job, let a consumer's worker run until it has executed it, return its result."""

    @huey.task()
    def multiply(a: int, b: int) -> int:
        return a * b

    result = multiply(6, 7)
    assert len(huey) == 1  # waiting in the store, not run inline
    worker, _ = huey.create_consumer(workers=1, periodic=False).worker_threads[0]
    for _ in range(50):
        worker.loop()
        if len(huey) == 0:
            break
    return result.get(blocking=True, timeout=10)


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def redis_server_binary() -> str:
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is required in CI (make test installs it)")
        pytest.skip("redis-server is not installed (make test installs it)")
    return binary


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throw-away redis-server on 127.0.0.1, stopped after the test."""
    binary = redis_server_binary()
    port = free_loopback_port()
    args = [binary, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(tmp_path)]
    args += ["--save", "", "--appendonly", "no", "--protected-mode", "yes"]
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        _wait_for_redis(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for_redis(url: str, server: subprocess.Popen[bytes]) -> None:
    client = redis.Redis.from_url(url)
    for _ in range(200):
        if server.poll() is not None:
            raise RuntimeError(
                f"redis-server exited: {server.stderr.read() if server.stderr else ''}"
            )
        try:
            if client.ping():
                return
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("redis-server did not answer")


def test_a_job_runs_on_redis_when_a_redis_url_is_set(redis_url, tmp_path):
    config = settings_huey_config(tmp_path, redis_url)
    assert config["huey_class"] == "huey.RedisHuey"
    huey = huey_from_config(config)
    assert isinstance(huey, RedisHuey) and not huey.immediate
    assert run_one_job(huey) == 42


def test_a_job_runs_on_sqlite_by_default(tmp_path):
    config = settings_huey_config(tmp_path)
    assert config["huey_class"] == "huey.SqliteHuey"
    huey = huey_from_config(config)
    assert isinstance(huey, SqliteHuey) and not huey.immediate
    assert run_one_job(huey) == 42
    assert (tmp_path / "tasks.sqlite3").exists()
