"""Conditions of the rule table ("serious_event and not expected") compiled to truth tables.

Why truth tables: a condition is compiled once, at load time, into its value for every
combination of the flags (2**10 entries), so evaluating a situation is an index lookup and a rule
file can only use names that exist (a typo is a load error, never a silently false condition).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from caredesk.safety.reportability.errors import RuleError

FLAGS = (
    "serious",
    "expected",
    "death",
    "serious_deterioration",
    "malfunction",
    "remedial_action",
    "public_health_threat",
    "unanticipated",
    "product_defect",
    # ICH E2A "life-threatening": not a contract flag, but partner agreements and internal
    # hand-offs give fatal or life-threatening cases a shorter clock.
    "life_threatening",
)
FLAG_BITS = {name: 1 << i for i, name in enumerate(FLAGS)}
MASKS = range(1 << len(FLAGS))
KEYWORDS = frozenset({"and", "or", "not", "always"})


_TOKEN = re.compile(r"\s*(\(|\)|[a-z_]+)")
Predicate = Callable[[int], bool]


def compile_condition(text: str, terms: dict[str, str]) -> bytes:
    """Truth table of a condition ("serious_event and not expected") over every flag mask."""
    predicate = _Parser(text, terms, ()).parse()
    return bytes(1 if predicate(mask) else 0 for mask in MASKS)


class _Parser:
    """Recursive descent over: expr = term {or term}; term = factor {and factor};
    factor = not factor | ( expr ) | flag | term name | always."""

    def __init__(self, text: str, terms: dict[str, str], stack: tuple[str, ...]) -> None:
        self.text, self.terms, self.stack = text, terms, stack
        self.words = self._wordize(text)
        self.pos = 0

    def _wordize(self, text: str) -> list[str]:
        words, pos = [], 0
        while pos < len(text.rstrip()):
            match = _TOKEN.match(text, pos)
            if not match:
                raise RuleError(f"cannot read condition {text!r} at column {pos + 1}")
            words.append(match.group(1))
            pos = match.end()
        return words

    def parse(self) -> Predicate:
        result = self._expr()
        if self.pos != len(self.words):
            raise RuleError(f"unexpected {self.words[self.pos]!r} in condition {self.text!r}")
        return result

    def _next(self) -> str:
        if self.pos >= len(self.words):
            raise RuleError(f"condition {self.text!r} ends too early")
        self.pos += 1
        return self.words[self.pos - 1]

    def _peek(self) -> str | None:
        return self.words[self.pos] if self.pos < len(self.words) else None

    def _expr(self) -> Predicate:
        parts = [self._term()]
        while self._peek() == "or":
            self._next()
            parts.append(self._term())
        return parts[0] if len(parts) == 1 else (lambda m: any(p(m) for p in parts))

    def _term(self) -> Predicate:
        parts = [self._factor()]
        while self._peek() == "and":
            self._next()
            parts.append(self._factor())
        return parts[0] if len(parts) == 1 else (lambda m: all(p(m) for p in parts))

    def _factor(self) -> Predicate:
        word = self._next()
        if word == "not":
            inner = self._factor()
            return lambda m: not inner(m)
        if word == "(":
            inner = self._expr()
            if self._next() != ")":
                raise RuleError(f"missing ')' in condition {self.text!r}")
            return inner
        return self._name(word)

    def _name(self, word: str) -> Predicate:
        if word == "always":
            return lambda m: True
        if word in FLAG_BITS:
            bit = FLAG_BITS[word]
            return lambda m: bool(m & bit)
        if word in self.terms:
            if word in self.stack:
                raise RuleError(f"term {word!r} is defined in terms of itself")
            return _Parser(self.terms[word], self.terms, (*self.stack, word)).parse()
        raise RuleError(f"unknown flag or term {word!r} in condition {self.text!r}")
