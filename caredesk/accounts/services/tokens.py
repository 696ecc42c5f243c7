"""API bearer tokens: created for one user, shown once, stored only as a hash.

Token holders are service accounts calling the REST API; they pass no second factor, so a
token can only be created from a session that has passed one (see `views_tokens.py`) or by an
operator at the server (`caredesk create_api_token`).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from caredesk.accounts.models import ApiToken, User, hash_token
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.db_rows import KeyedRead
from caredesk.errors import InvalidInput, NotFound

TOKEN_PREFIX = "cdk_"  # noqa: S105 (a marker, not a secret)
PREFIX_CHARS = 12  # stored in clear to tell tokens apart in lists; 8 random characters
MAX_NAME = 100


def create_api_token(
    user: User,
    name: str,
    expires_at: datetime | None = None,
    *,
    acting_user: User | None = None,
    reason: str = "",
) -> str:
    """A new token for `user`; returns the raw value, which is never stored or shown again."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise InvalidInput("Give the token a name.", {"name": f"1 to {MAX_NAME} characters"})
    if expires_at is not None and expires_at <= timezone.now():
        raise InvalidInput("The expiry is in the past.", {"expires_at": "must be in the future"})
    if not user.is_active:
        raise InvalidInput("Inactive users cannot hold tokens.", {"user": "inactive"})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=raw[:PREFIX_CHARS],
            token_hash=hash_token(raw),
            expires_at=expires_at,
        )
        record_event(
            AuditAction.CREATE,
            acting_user=acting_user or user,
            instance=token,
            changes={
                "user": [None, user.username],
                "name": [None, name],
                "prefix": [None, token.prefix],
                "expires_at": [None, expires_at.isoformat() if expires_at else None],
            },
            reason=reason,
        )
    return raw


def tokens_of(user: User) -> list[ApiToken]:
    """The user's own tokens, newest first (never anyone else's)."""
    return list(ApiToken.objects.filter(user_id=user.pk).order_by("-created_at", "-pk"))


def revoke_api_token(user: User, token_id: int, *, acting_user: User | None = None) -> ApiToken:
    """Revoke one of `user`'s tokens; another user's token id is NotFound."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(user_id=user.pk, pk=token_id).first()
        if token is None:
            raise NotFound("No such token.")
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            record_event(
                AuditAction.UPDATE,
                acting_user=acting_user or user,
                instance=token,
                changes={"revoked_at": [None, token.revoked_at.isoformat()]},
                reason="token revoked",
            )
    return token


LAST_USED_RESOLUTION = timedelta(minutes=1)


def authenticate_token(raw: str) -> User | None:
    """The active user holding this unrevoked, unexpired token, or None. Notes its last use."""
    if not raw:
        return None
    return token_holder(TOKEN_READ.get(hash_token(raw)))


def token_holder(token: ApiToken | None) -> User | None:
    """The user of a token read with its user (`TOKEN_READ`), if the token may be used now:
    not revoked, not expired, its user active. Notes its last use."""
    now = timezone.now()
    if token is None or token.revoked_at is not None:
        return None
    if token.expires_at is not None and token.expires_at <= now:
        return None
    user = token.user
    if not user.is_active:
        return None
    stale = now - LAST_USED_RESOLUTION
    if token.last_used_at is None or token.last_used_at < stale:
        # At most one write a minute per token: a write on every call would serialise a busy
        # integration's requests on the token row.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return user


# Every API call pays for this lookup: compiled once (caredesk/db_rows.py), with the user in
# the same row (one round trip to the database, not two).
TOKEN_FIELDS = ["id", "user", "revoked_at", "expires_at", "last_used_at"]  # what token_holder reads
TOKEN_READ = KeyedRead(ApiToken, "token_hash", TOKEN_FIELDS, related="user")
