"""Sending a message through a provider: one small interface, a Twilio adapter, a local outbox.

`SmsProvider.send` hands one message over and returns the provider's message id, or raises
`SendError` saying whether a retry can help. The Twilio adapter POSTs to the REST API
(`/2010-04-01/Accounts/{sid}/Messages.json`, basic auth with the account SID and auth token);
its base URL is a setting so tests point it at a local HTTP server. The local provider is the
embedded default: it appends the message to a JSON-lines outbox file and returns its own id.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils import timezone

from caredesk.channels.sms.models import TOKEN_ENV_PREFIX, SmsProviderKind, SmsRoute

# Twilio error codes that no retry can fix (invalid or unreachable number, opted-out recipient,
# not a mobile number, number blocked).
# 63016: WhatsApp free-form text outside the 24-hour customer-service window.
PERMANENT_TWILIO_ERRORS = frozenset({"21211", "21408", "21610", "21612", "21614", "30003", "63016"})


class SendError(Exception):
    """A message could not be handed over; `permanent` says a retry cannot help."""

    def __init__(self, message: str, *, permanent: bool, code: str = "") -> None:
        super().__init__(message)
        self.permanent = permanent
        self.code = code


@dataclass(frozen=True)
class Template:
    """An approved WhatsApp template to send instead of free text: the provider's id of the
    template and the values of its placeholders, in order."""

    content_sid: str
    variables: tuple[str, ...] = ()


class SmsProvider(Protocol):
    def send(
        self,
        to: str,
        from_: str,
        body: str,
        status_callback_url: str,
        template: Template | None = None,
    ) -> str:
        """Hand one message to the provider; its message id."""
        ...


def route_auth_token(route: SmsRoute) -> str:
    """The route's auth token from the environment, or "" when it is not configured.

    Only variables named CAREDESK_TWILIO_TOKEN_… are read: a route cannot be pointed at another
    secret of the process (the database password, the signing key)."""
    name = route.auth_token_env.strip()
    if not name.startswith(TOKEN_ENV_PREFIX):
        return ""
    return os.environ.get(name, "")


class TwilioProvider:
    """Twilio's Messages REST API over urllib (no SDK)."""

    def __init__(self, account_sid: str, auth_token: str, base_url: str, timeout: int) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _request(self, form: dict[str, str]) -> Request:
        path = f"/2010-04-01/Accounts/{quote(self.account_sid, safe='')}/Messages.json"
        credentials = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return Request(  # noqa: S310 (the base URL is a setting: https in production)
            self.base_url + path,
            data=urlencode(form).encode(),
            method="POST",
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )

    def send(
        self,
        to: str,
        from_: str,
        body: str,
        status_callback_url: str,
        template: Template | None = None,
    ) -> str:
        if not (self.account_sid and self.auth_token):
            raise SendError("the route has no Twilio account SID or auth token", permanent=True)
        form = {"To": to, "From": from_, "Body": body}
        if template is not None:
            # Twilio's Content API: the template and its variables replace the body.
            del form["Body"]
            form["ContentSid"] = template.content_sid
            variables = {str(i): v for i, v in enumerate(template.variables, start=1)}
            form["ContentVariables"] = json.dumps(variables)
        if status_callback_url:
            form["StatusCallback"] = status_callback_url
        try:
            with urlopen(self._request(form), timeout=self.timeout) as answer:  # noqa: S310
                payload = json.loads(answer.read().decode() or "{}")
        except HTTPError as exc:
            raise _http_error(exc) from None
        except (URLError, TimeoutError, OSError) as exc:
            raise SendError(f"Twilio unreachable: {exc}", permanent=False) from None
        except ValueError:
            raise SendError("Twilio answered something that is not JSON", permanent=False) from None
        sid = str(payload.get("sid") or "")
        if not sid:
            raise SendError("Twilio answered without a message sid", permanent=False)
        return sid


def _http_error(exc: HTTPError) -> SendError:
    try:
        detail = json.loads(exc.read().decode() or "{}")
    except (ValueError, OSError):
        detail = {}
    code = str(detail.get("code") or "")
    message = f"Twilio {exc.code}: {detail.get('message') or exc.reason}"
    retry = exc.code == 429 or exc.code >= 500
    permanent = code in PERMANENT_TWILIO_ERRORS or not retry
    return SendError(message, permanent=permanent, code=code)


class LocalProvider:
    """The embedded default: each message is a line of `outbox.jsonl` in SMS_OUTBOX_DIR."""

    _lock = threading.Lock()

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / "outbox.jsonl"

    def send(
        self,
        to: str,
        from_: str,
        body: str,
        status_callback_url: str,
        template: Template | None = None,
    ) -> str:
        sid = f"LM{uuid.uuid4().hex}"
        line: dict[str, object] = {
            "sid": sid,
            "to": to,
            "from": from_,
            "body": body,
            "status_callback": status_callback_url,
            "at": timezone.now().isoformat(),
        }
        if template is not None:
            line["content_sid"] = template.content_sid
            line["content_variables"] = list(template.variables)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        return sid


def provider_for(route: SmsRoute) -> SmsProvider:
    """The adapter a route sends through (the registry keyed by provider kind)."""
    if route.provider == SmsProviderKind.TWILIO:
        return TwilioProvider(
            route.account_sid,
            route_auth_token(route),
            settings.SMS_TWILIO_API_BASE,
            settings.SMS_SEND_TIMEOUT,
        )
    return LocalProvider(settings.SMS_OUTBOX_DIR)


def provider_address(route: SmsRoute, number: str) -> str:
    """A number as the provider wants it: WhatsApp numbers carry the `whatsapp:` prefix."""
    return f"whatsapp:{number}" if route.channel == "whatsapp" else number
