"""Adverse-event mentions: symptoms and harm wording that the writer asserts happened.

Sources of mentions: the symptom lexicon (lexicon.py), agent shorthand ("pt c/o N/V", "SOB"),
and generic harm cues ("side effects", "reaction", "made me feel"). Each mention is dropped when
it sits in a negation, hypothetical, reason-for-use or history scope (context.py) or inside an
idiom ("sick of waiting", "a pain in the neck").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from caredesk.safety.screening.context import Scope, Span, scopes_of
from caredesk.safety.screening.lexicon import symptom_lexicon
from caredesk.safety.screening.text import Sentence, tokens

SHORTHAND = re.compile(
    r"(?<![\w'])(?:n/v(?:/d)?|n\s?&\s?v|n\+v|h/a|sob|doe|cp|abd pain|gi upset|loc|sz|"
    r"s/e|ses|ae|ade|adr|sx|c/o|complain(?:s|ed|ing)? of|reports? (?:feeling|having)|"
    r"experienc(?:ed|ing)|suffer(?:ed|ing)|developed|broke out|se queja de|presenta|"
    r"presento|refiere)(?![\w'])"
)
# After "c/o" (complains of) the next words are the complaint itself, whatever they are.
COMPLAINS_OF = re.compile(r"(?<![\w'])(?:c/o|complain(?:s|ed|ing)? of|se queja de)(?![\w'])")
IDIOM = re.compile(
    r"(?<![\w'])(?:sick (?:of|and tired)|tired of|pain in the (?:neck|butt|ass)|headache "
    r"(?:to|of|for us|for me)|what a (?:pain|headache)|dying to|killing me|killed it|"
    r"hurt my feelings|side of|reaction (?:time|from (?:your|the) (?:team|staff|company))|"
    r"chain reaction|weak (?:signal|connection|wifi|password)|sore loser|burning question|"
    r"itching to|allergic to (?:paperwork|waiting|hold music)|me muero de ganas|"
    r"out of stock|stock|temperature (?:of|in) the (?:room|house|warehouse))(?![\w'])"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    term: str
    scopes: frozenset[Scope]  # empty = asserted


def mentions_in(norm: str, sentence: Sentence, spans: list[Span]) -> list[Mention]:
    """Every harm mention in the sentence, with the scope that silences it (if any)."""
    found: list[tuple[int, int, str]] = []
    toks = tokens(norm, sentence.start, sentence.end)
    for hit in symptom_lexicon().find(toks):
        found.append((hit.start, hit.end, hit.term))
    for m in SHORTHAND.finditer(norm, sentence.start, sentence.end):
        end = m.end()
        if COMPLAINS_OF.fullmatch(m.group()):
            end = min(sentence.end, m.end() + 30)
        found.append((m.start(), end, m.group()))
    idioms = [(m.start(), m.end()) for m in IDIOM.finditer(norm, sentence.start, sentence.end)]
    out: list[Mention] = []
    for start, end, term in found:
        if any(a <= start < b for a, b in idioms):
            continue
        out.append(Mention(start, end, term, scopes_of(spans, start, end)))
    return out
