"""Text normalisation for retrieval, English and Spanish alike: lower case, accents folded,
stop words dropped, a light suffix-stripping stemmer.

Why one light stemmer for both languages rather than Snowball per language: a chat message does
not say its language, queries and articles go through the same function, and what matters is
that "tablets"/"tablet" and "embarazada"/"embarazo" meet on one stem; over-stemming a few words
costs less here than guessing the language wrong.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _words(
        """
        a an and are as at be been being but by can could did do does doing for from had has
        have how i if in into is it its me my of on or our so than that the their them then
        there these they this to was we were what when where which who why will with would you
        your yours about should may might im ive also just any some please hi hello thanks thank
        el la los las un una unos unas y o u de del al a en con por para que como cuando donde
        es son era ser estar esta este esto estos estas mi mis su sus tu tus yo me se lo le les
        nos hay muy mas pero si no ya hola gracias puedo puede pueden debo debe quiero tengo
        tiene
        """
    )
)
# Longest first; a stem keeps at least three letters.
_SUFFIXES = sorted(
    _words(
        """
        aciones acion amientos amiento imientos imiento mente ando iendo adas ados idas idos ada
        ado ida ido ar er ir as es os a o e
        ational ization ations ation ements ement ments ment ness ings ing edly ed ies ly s
        """
    ),
    key=len,
    reverse=True,
)


def fold(text: str) -> str:
    """Lower case with accents removed ("Náusea" → "nausea"), ñ kept apart as "n"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """The search terms of a text, in order (repeats kept: BM25 counts them)."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]
