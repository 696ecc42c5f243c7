"""Passwords are stored as Argon2id hashes wherever CareDesk really runs. The test settings put a
fast hasher first (Argon2 at full cost slows every test login), so the deployed configuration is
read in a fresh interpreter, and a login is proved against a real Argon2 hash here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import identify_hasher

from caredesk.testing.factories import PASSWORD

REPO_ROOT = Path(__file__).resolve().parents[3]
ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize("environment", ["development", "production"])
def test_outside_tests_new_passwords_are_argon2id(environment, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREDESK_")}
    env |= {
        "CAREDESK_ENV": environment,
        "CAREDESK_DATA_DIR": str(tmp_path),
        "CAREDESK_SECRET_KEY": "a-test-secret-key-" + "x" * 40,
        "CAREDESK_ALLOWED_HOSTS": "caredesk.example.test",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.contrib.auth.hashers import make_password; "
        "print(settings.PASSWORD_HASHERS[0]); print(make_password('x').split('$')[1])"
    )
    env["DJANGO_SETTINGS_MODULE"] = "caredesk.settings"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO_ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    first_hasher, variety = out.stdout.split()
    assert (first_hasher, variety) == (ARGON2, "argon2id")


@pytest.mark.django_db
def test_a_user_with_an_argon2_hash_logs_in_and_the_hash_stays_argon2(client, world, settings):
    settings.PASSWORD_HASHERS = [ARGON2]
    user = world.agent_a
    user.set_password(PASSWORD)
    user.save()
    assert identify_hasher(user.password).algorithm == "argon2"
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
