"""Errors of the reportability package."""


class RuleError(ValueError):
    """The rule table is malformed; the message names the rule and the field."""
