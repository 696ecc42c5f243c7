"""The URLs the TwiML points Twilio at (paths: Twilio resolves them against the URL it called,
and signs the absolute URL it then requests)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse


def hook(name: str, **query: str | int) -> str:
    path = reverse(f"voice_hooks:{name}")
    return f"{path}?{urlencode(query)}" if query else path
