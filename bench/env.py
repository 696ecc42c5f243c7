"""Where a benchmark runs: a throw-away SQLite file (WAL) or a throw-away PostgreSQL server.

The outer process (`python -m bench`) starts one inner process per backend with the database
settings in its environment, exactly as `make run` and `make test` configure CareDesk:
SQLite through `CAREDESK_DATABASE_URL=sqlite:///…` (WAL and IMMEDIATE transactions come from
the settings), PostgreSQL through `scripts/with-postgres.sh`, which starts a server on a free
loopback port and stops it however the run ends.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WITH_POSTGRES = ROOT / "scripts" / "with-postgres.sh"
BACKENDS = ("sqlite", "postgres")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def base_env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("CAREDESK_ENV", "test")
    env["CAREDESK_DATA_DIR"] = data_dir
    env["DJANGO_SETTINGS_MODULE"] = "caredesk.settings"
    # Jobs are enqueued (a worker's business), not run inside the request as tests do.
    env["CAREDESK_TASKS_IMMEDIATE"] = "false"
    env["CAREDESK_LOG_LEVEL"] = "WARNING"
    env.pop("CAREDESK_DATABASE_URL", None)
    return env


def run_inner(module: str, backend: str, args: list[str], timeout: float) -> dict[str, Any]:
    """Run `python -m <module> --inner …` against `backend`; return the JSON it writes."""
    with tempfile.TemporaryDirectory(prefix=f"caredesk-bench-{backend}-") as data_dir:
        env = base_env(data_dir)
        out = Path(data_dir) / "result.json"
        command = [sys.executable, "-m", module, "--inner", "--backend", backend, "--out", str(out)]
        command += args
        if backend == "sqlite":
            env["CAREDESK_DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
        elif backend == "postgres":
            command = [str(WITH_POSTGRES), *command]
        else:
            raise ValueError(f"unknown backend {backend!r} (use {', '.join(BACKENDS)})")
        completed = subprocess.run(command, env=env, cwd=ROOT, timeout=timeout, check=False)
        if completed.returncode != 0 or not out.exists():
            return {"backend": backend, "error": f"exit status {completed.returncode}"}
        result: dict[str, Any] = json.loads(out.read_text())
        return result


def setup_django() -> None:
    """Inside an inner process: configure Django from the environment."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")
    import django

    django.setup()


def prepare_database(persons: int, cases: int, seed: int) -> float:
    """Migrate and load the demo data set; returns the load's wall time in seconds."""
    import time
    from io import StringIO

    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    call_command("demo", persons=persons, cases=cases, seed=seed, stdout=StringIO(), verbosity=0)
    return time.perf_counter() - started


def run_backends(
    name: str,
    module: str,
    args: Any,
    forwarded: list[str],
    title: str,
    report: Callable[[dict[str, Any]], list[str]],
) -> int:
    """The outer half of a per-backend benchmark: run its inner process once per backend,
    print each result, write bench/out/<name>.json; 0 when every backend ran."""
    from bench.stats import write_result

    results = [
        run_inner(module, backend, forwarded, timeout=3600) for backend in args.backends.split(",")
    ]
    print(title)
    for result in results:
        print("\n".join(report(result)))
    path = write_result(name, {"latency_unit": "ms", "results": results})
    print(f"  written to {path}")
    return 0 if all("error" not in r for r in results) else 1
