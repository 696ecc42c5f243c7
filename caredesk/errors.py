"""Errors that services raise and every interface (API, UI, CLI) turns into a clear answer."""

from __future__ import annotations


class CareDeskError(Exception):
    status = 400

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class InvalidInput(CareDeskError):
    """Input broke a rule; nothing was written. `fields` says which field and why."""

    status = 422


class NotFound(CareDeskError):
    """The object does not exist or belongs to a program the user cannot see (same answer)."""

    status = 404


class Forbidden(CareDeskError):
    """The user can see the object but may not do this to it (e.g. an auditor writing)."""

    status = 403


class Conflict(CareDeskError):
    """The change contradicts the record's current state (closing an already-closed case)."""

    status = 409


# What a form shows back to the person (the input or the record's state is the problem); other
# errors (NotFound, Forbidden) answer with their status instead.
FORM_ERRORS = (InvalidInput, Conflict)
