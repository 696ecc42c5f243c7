"""Twilio request signatures (X-Twilio-Signature), computed with the standard library.

Twilio signs each webhook with HMAC-SHA1, keyed by the account's auth token, over the full URL it
requested (scheme, host, path and query string) followed by every POST parameter, sorted by name
(case-sensitive, byte order), each as name + value; the digest is sent base64-encoded. Twilio's
own validator also accepts the URL with the default port added or removed (a proxy may have
changed it); so do we. Comparison is constant-time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"https": 443, "http": 80}


def compute_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """The signature Twilio sends for a POST of `params` to `url`."""
    grouped: dict[str, list[str]] = {}
    for name, value in params:
        grouped.setdefault(name, []).append(value)
    payload = url
    for name in sorted(grouped):
        for value in sorted(set(grouped[name])):
            payload += name + value
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def url_variants(url: str) -> list[str]:
    """The URL as given, and with its default port added or removed."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    if default is None or parts.hostname is None:
        return [url]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    credentials = parts.netloc.rpartition("@")[0]
    prefix = f"{credentials}@" if credentials else ""
    if parts.port is None:
        other = f"{prefix}{host}:{default}"
    elif parts.port == default:
        other = f"{prefix}{host}"
    else:
        return [url]
    return [url, urlunsplit(parts._replace(netloc=other))]


def is_valid_signature(
    auth_token: str, url: str, params: Iterable[tuple[str, str]], signature: str
) -> bool:
    """True only for a non-empty token and a signature matching one form of the URL."""
    if not auth_token or not signature:
        return False
    items = list(params)
    expected = signature.strip().encode()
    return any(
        hmac.compare_digest(compute_signature(auth_token, variant, items).encode(), expected)
        for variant in url_variants(url)
    )
