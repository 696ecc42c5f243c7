"""Headless Chromium (Debian's, never a downloaded one) driving pytest-django's live server.

A pytest plugin (the root conftest loads it), so every browser test of every app shares one
Playwright per test module: a second `sync_playwright()` started while another still runs is
refused ("Sync API inside the asyncio loop"), which a fixture imported into a test module did.
Module scope also ends Playwright's event loop in this thread before other modules' tests run,
so they keep Django's check that no ORM call is made from async code."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def page(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Any]:
    _seed_what_migrations_load()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def _seed_what_migrations_load() -> None:
    """A transactional test empties every table when it ends, data migrations' rows included;
    the next browser test gets back what a migrated database holds (the open term list)."""
    from caredesk.terminology.models import TerminologyRelease
    from caredesk.terminology.services.releases import load_open_list

    if not TerminologyRelease.objects.exists():
        load_open_list()


def log_in_with_mfa(page: Any, user: Any) -> None:
    """Sign `user` in through the login and TOTP pages (enrolling them first), as a person would."""
    from caredesk.testing.factories import PASSWORD
    from caredesk.testing.mfa import current_code, enroll

    enroll(user)
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/mfa" in url)
    page.fill("#id_code", current_code(user))
    page.click("form:has(#id_code) button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/" not in url)
