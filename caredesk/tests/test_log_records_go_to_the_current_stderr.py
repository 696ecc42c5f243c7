"""The console log handler writes to the standard error stream of the moment, so a record
logged after the stream it started with was swapped and closed is still written."""

from __future__ import annotations

import io
import logging
import sys

from django.conf import settings

from caredesk.log import StderrHandler


def test_a_record_goes_to_the_stderr_of_the_moment_even_after_the_old_one_closed(monkeypatch):
    first = io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    handler = StderrHandler()
    first.close()
    second = io.StringIO()
    monkeypatch.setattr(sys, "stderr", second)
    handler.handle(logging.makeLogRecord({"msg": "a late worker thread", "levelno": logging.INFO}))
    assert "a late worker thread" in second.getvalue()


def test_the_console_handler_of_the_settings_is_this_one():
    assert settings.LOGGING["handlers"]["console"]["class"] == "caredesk.log.StderrHandler"
