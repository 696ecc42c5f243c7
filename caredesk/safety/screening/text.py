"""Text normalisation that keeps character offsets, sentences and tokens.

Evidence spans must point into the caller's text, so normalisation never changes the length:
each character is lower-cased and stripped of its accent one for one ("Náusea" → "nausea").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u00b4`")


@lru_cache(maxsize=4096)
def word_rx(pattern: str) -> re.Pattern[str]:
    """The pattern as whole words: not inside a longer word, nor glued to an apostrophe."""
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:  # a curly apostrophe matches the patterns written with "'"
        return "'"
    low = ch.lower()
    if len(low) != 1:
        return ch
    if ord(low) < 128:
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if len(base) == 1 else low


def normalise(text: str) -> str:
    """Lower-case and accent-fold `text` without changing its length."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # normalised and lightly stemmed
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # normalised
    question: bool


_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends at . ! ? ; or a line break, but not inside "e.g." / decimals / "c/o".
# A chat transcript pasted on one line changes speaker without a full stop ("... till it bled
# Agent: Which patches?"): the speaker's label starts a sentence.
# A question asked after a statement in the same sentence ("me salieron ronchas, ¿qué hago?",
# "I've had a rash since, is that normal?") is a sentence of its own: the statement is no
# question, and reading it as one silenced the harm.
_TAG_QUESTION = (
    r"is (?:this|that|it) (?:normal|bad|ok|okay|safe|serious|dangerous|a side effect)|es normal|"
    r"(?:que|what) (?:hago|do i do|should i do|do we do|should we do)|should (?:i|we) (?:be "
    r"worried|worry|stop|keep)|could (?:it|this|that) be|can (?:it|this|that) be|do i need to|"
    r"(?:is (?:it|that|this) )?(?:ok|okay|safe|fine|alright) to|does (?:that|this|it) matter|"
    r"is (?:that|this|it) (?:a problem|an issue|legit|right|true)|should i be (?:concerned|"
    r"scared)|esta bien|pasa algo|sirve"
)
_SENT_END = re.compile(
    r"(?<!\b[a-z])(?<!\d)[.!?;]+(?=\s|$)|\n+|(?<=\S)\s+(?=(?:agent|customer|caller|cx|rep|"
    r"advisor|adviser|operator|cliente|agente|asesor|asesora|bot)\s?:\s)|(?<=\S),?\s*(?=¿)|"
    r",\s+(?=(?:" + _TAG_QUESTION + r")\b[^.!?]{0,40}\?)"
)


def stem(word: str) -> str:
    """A deliberately light stemmer (plural and a few suffixes) for lexicon look-ups."""
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxhz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of the normalised text between `start` and `end`, with offsets."""
    stop = len(norm) if end is None else end
    return [Token(stem(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(norm, start, stop)]


def sentences(norm: str) -> list[Sentence]:
    """Split into sentences; `question` is true when the sentence ends with "?" or starts "¿"."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(norm):
        _add_sentence(out, norm, pos, m.end())
        pos = m.end()
    _add_sentence(out, norm, pos, len(norm))
    return _rejoin_asked(out, norm)


_ASKING = re.compile(
    r"(?:if|can|could|does|do|did|is|are|was|will|would|should|may|might|has|have|what|how|why|"
    r"when|which|puede|pueden|se puede|es|son|que|como|por que)(?![\w'])"
)


def _rejoin_asked(parts: list[Sentence], norm: str) -> list[Sentence]:
    """A clause split off before a tag question is itself a question when it opens like one
    ("can it make you dizzy, is that normal?"): join the two back."""
    out: list[Sentence] = []
    for part in parts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and part.question
            and not prev.question
            and prev.text.endswith(",")
            and _ASKING.match(prev.text)
        ):
            out[-1] = Sentence(prev.start, part.end, norm[prev.start : part.end], True)
        else:
            out.append(part)
    return out


def _add_sentence(out: list[Sentence], norm: str, start: int, end: int) -> None:
    chunk = norm[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s, e = start + lead, start + lead + len(stripped)
    question = stripped.endswith("?") or stripped.startswith("¿")
    out.append(Sentence(s, e, norm[s:e], question))
