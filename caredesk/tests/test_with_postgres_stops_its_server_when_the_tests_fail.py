"""`scripts/with-postgres.sh` (the PostgreSQL half of `make test`) stops the server it started
and removes its directory however the wrapped command ends, and hands back its exit status."""

from __future__ import annotations

import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO_ROOT = Path(__file__).resolve().parents[2]
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def _accepts(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_a_failing_command_leaves_no_server_and_no_directory_behind():
    if not (PGBIN / "initdb").exists():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL 15 is required in CI (make test installs it)")
        pytest.skip("PostgreSQL 15 is not installed (make test installs it)")
    out = subprocess.run(
        [
            str(REPO_ROOT / "scripts" / "with-postgres.sh"),
            "sh",
            "-c",
            'echo "url=$CAREDESK_DATABASE_URL"; exit 3',
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 3, out.stdout + out.stderr
    started = re.search(r"PostgreSQL on 127\.0\.0\.1:(\d+) \(data in (\S+)\)", out.stdout)
    assert started, out.stdout
    port, data_dir = int(started.group(1)), Path(started.group(2))
    assert f"url=postgres://postgres@127.0.0.1:{port}/caredesk" in out.stdout
    assert not data_dir.exists()
    assert not _accepts(port)
