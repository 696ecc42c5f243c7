"""Who hands a message to the inbound route, and their roles in its program, in one statement.

`POST /programs/{program_id}/inbound` carries every channel's every message. Authenticated the
generic way it cost two reads before its one write: the bearer token with its user, then the
caller's roles in the program (`inbox.program_country_if_writable`). On PostgreSQL each read is
a round trip that costs more than the work it does (bench/README.md, intake), so this
authenticator reads the token, its user and the user's active roles in the path's program
(with the program's country) in one statement, and hands the roles to the inbox service on
the user object of this request. The token's rules are those of every other route
(`accounts.services.tokens.token_holder`).
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import connection, connections
from django.http import HttpRequest

from caredesk.accounts.models import ApiToken, hash_token
from caredesk.accounts.services.tokens import TOKEN_FIELDS, token_holder
from caredesk.api_support.auth import BearerToken
from caredesk.channels.services.inbox import ROLES_ATTRIBUTE
from caredesk.db_rows import KeyedRead, run_statement
from caredesk.tenancy.models import Membership, Program

# The token rules' columns and, of its user, what this route reads (the rest is deferred and
# would load if asked for): fewer columns to convert and set on every message.
INBOUND_TOKEN_READ = KeyedRead(
    ApiToken,
    "token_hash",
    TOKEN_FIELDS,
    related="user",
    related_fields=["id", "username", "is_active"],
)


@functools.cache
def _sql(alias: str) -> str:
    quote = connections[alias].ops.quote_name
    membership = quote(Membership._meta.db_table)
    program = quote(Program._meta.db_table)
    # Identifiers come from the models' metadata only; values are parameters.
    return (
        f"{INBOUND_TOKEN_READ.select_from(alias, extra=['m.role', 'p.country'])}"
        f" LEFT JOIN {membership} m ON m.user_id = t0.user_id"
        " AND m.program_id = %s AND m.active = %s"
        f" LEFT JOIN {program} p ON p.id = m.program_id"
        " WHERE t0.token_hash = %s"
    )


def caller_with_roles(raw_token: str, program_id: int) -> Any:
    """The token's user if the token may be used now, with its roles in the program attached
    (none: an empty list); None otherwise."""
    rows = run_statement(
        connection.alias, _sql(connection.alias), [program_id, True, hash_token(raw_token)]
    )
    if not rows:
        return None
    user = token_holder(INBOUND_TOKEN_READ.build(rows[0], connection.alias))
    if user is not None:
        width = INBOUND_TOKEN_READ.width
        roles = [(str(row[width]), str(row[width + 1])) for row in rows if row[width] is not None]
        setattr(user, ROLES_ATTRIBUTE, {program_id: roles})
    return user


class InboundBearer(BearerToken):
    """Bearer authentication for the inbound route: the caller and their roles in one read."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        match = request.resolver_match
        program_id = match.kwargs.get("program_id") if match is not None else None
        if not token or len(token) > 512:
            return None
        text = str(program_id if program_id is not None else "")
        # Not an id: the route answers 422 itself, after the generic authentication.
        if not (text.isascii() and text.isdigit()) or len(text) > 18:
            return super().authenticate(request, token)
        return caller_with_roles(token, int(text))
