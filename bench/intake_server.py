"""The server stacks the intake benchmark can measure, each started as a subprocess.

- `gunicorn` (default): gunicorn's threaded worker (`gthread`), several processes x threads,
  keep-alive, TCP_NODELAY (gunicorn sets it). This is how CareDesk is served in production
  (design.md: gunicorn behind a load balancer), and it runs Python in several processes, so a
  request's CPU is not confined to one GIL as in Django's development server.
- `nodelay`: Django's own threaded WSGIServer as `make run` builds it (one process, a thread
  per connection), plus TCP_NODELAY (`bench/server.py` says why).
- `runserver`: the stock `python -m django runserver --noreload` (Nagle stalls ~40 ms).

The no-op baseline and every measured route go through the same server in the same run.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

SERVERS = {
    "gunicorn": "gunicorn gthread, {workers} processes x {threads} threads, keep-alive",
    "nodelay": "Django's threaded WSGIServer as runserver builds it, with TCP_NODELAY, 1 process",
    "runserver": "python -m django runserver --noreload, 1 process",
}


def describe(kind: str, workers: int, threads: int) -> str:
    return SERVERS[kind].format(workers=workers, threads=threads)


def start_server(
    kind: str, port: int, log_path: Path, *, workers: int = 2, threads: int = 4
) -> subprocess.Popen[bytes]:
    if kind == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "caredesk.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{port}", "--worker-class", "gthread"]
        command += ["--workers", str(workers), "--threads", str(threads)]
        command += ["--keep-alive", "75", "--log-level", "warning", "--backlog", "256"]
    elif kind == "runserver":
        command = [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}"]
        command += ["--noreload", "--skip-checks"]
    else:
        command = [sys.executable, "-m", "bench.server", str(port)]
    log = log_path.open("wb")
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))


def wait_ready(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not answer within {timeout} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
