"""`make test` cannot pass on a run that collected nothing: pytest answers "no tests ran" with
exit status 5, and nothing between `.ci/run`, the Makefile and pytest swallows it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_pytest_with_the_projects_settings_fails_when_nothing_is_collected(tmp_path):
    (tmp_path / "test_nothing_here.py").write_text('"""No test functions."""\n')
    env = {**os.environ, "CAREDESK_ENV": "test"}
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(REPO_ROOT / "pyproject.toml"), str(tmp_path)],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert "no tests ran" in out.stdout
    assert out.returncode == 5, out.stdout + out.stderr


def test_the_makefile_and_ci_pass_pytests_status_through():
    makefile = (REPO_ROOT / "Makefile").read_text()
    pytest_lines = [line for line in makefile.splitlines() if "/pytest " in line]
    assert len(pytest_lines) == 2, pytest_lines  # test-sqlite and test-postgres
    for line in pytest_lines:
        assert line.startswith("\t") and not line.startswith("\t-"), line  # no ignored errors
        assert "|| true" not in line and "suppress-no-test" not in line, line
    test_target = re.search(r"^test: (.*)$", makefile, flags=re.M)
    assert test_target is not None
    assert {"test-sqlite", "test-postgres"} <= set(test_target.group(1).split())
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in ci and "make test" in ci
    wrapper = (REPO_ROOT / "scripts" / "with-postgres.sh").read_text()
    assert "exit $status" in wrapper  # the wrapped pytest's own status
