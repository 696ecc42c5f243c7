"""Symptom lexicon look-up over stemmed tokens, tolerant of one dropped, doubled or swapped letter.

Terms come from data files shipped with the package (hand-written English and Spanish lay terms,
the CC0 Symptom Ontology, MedDRA preferred terms seen as reactions in public-domain FDA data;
data/README.md says how each file is built). Matching is a longest-match scan over
token n-grams, which stays linear in the text length and fast enough for every interaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from caredesk.safety.screening.text import Token, normalise, tokens

DATA_DIR = Path(__file__).with_name("data")
LAY_FILES = ("lay_en.txt", "lay_es.txt", "lay_vet.txt")
CLINICAL_FILES = ("symp.txt", "meddra_pt.txt")
MAX_NGRAM = 6
FUZZY_MIN_LEN = 7
# Words a one-letter edit would wrongly turn into a symptom.
FUZZY_STOP = frozenset(
    {"smelling", "selling", "spelling", "feeling", "welling", "rushes", "packing", "backing"}
)


@dataclass(frozen=True, slots=True)
class TermMatch:
    term: str
    start: int
    end: int
    first_token: int
    last_token: int


class Lexicon:
    """A set of multi-word terms matched on stemmed tokens."""

    def __init__(self, terms: list[str]) -> None:
        self.terms: dict[tuple[str, ...], str] = {}
        for term in terms:
            key = tuple(t.text for t in tokens(normalise(term)))
            if key and len(key) <= MAX_NGRAM:
                self.terms.setdefault(key, term)
        singles = [k[0] for k in self.terms if len(k) == 1 and len(k[0]) >= FUZZY_MIN_LEN - 1]
        self._singles = frozenset(singles)
        self._deletes: dict[str, str] = {}
        for word in singles:
            for i in range(len(word)):
                self._deletes.setdefault(word[:i] + word[i + 1 :], word)

    def __len__(self) -> int:
        return len(self.terms)

    def _fuzzy(self, word: str) -> str | None:
        if len(word) < FUZZY_MIN_LEN or word in FUZZY_STOP:
            return None
        if word in self._deletes:  # the writer dropped a letter ("diarhea")
            return self._deletes[word]
        for i in range(len(word)):  # the writer added a letter ("dizzzy", "nauseous")
            cand = word[:i] + word[i + 1 :]
            if cand in self._singles:
                return cand
        for i in range(len(word) - 1):  # two letters swapped ("nasuea")
            cand = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if cand in self._singles:
                return cand
        return None

    def find(self, toks: list[Token]) -> list[TermMatch]:
        """Longest matches, left to right, never overlapping."""
        out: list[TermMatch] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self._longest_at(toks, i)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.last_token + 1
        return out

    def _longest_at(self, toks: list[Token], i: int) -> TermMatch | None:
        words = [t.text for t in toks[i : i + MAX_NGRAM]]
        for size in range(len(words), 0, -1):
            term = self.terms.get(tuple(words[:size]))
            if term is not None:
                return TermMatch(term, toks[i].start, toks[i + size - 1].end, i, i + size - 1)
        if words[0] not in self.terms and (fix := self._fuzzy(words[0])) is not None:
            return TermMatch(self.terms[(fix,)], toks[i].start, toks[i].end, i, i)
        return None


def _read_terms(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t")[0].strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def _load(names: tuple[str, ...]) -> Lexicon:
    terms: list[str] = []
    for name in names:
        terms.extend(_read_terms(DATA_DIR / name))
    return Lexicon(terms)


@lru_cache(maxsize=1)
def lay_lexicon() -> Lexicon:
    """Hand-written consumer wording of harms (English, Spanish, animal owners)."""
    return _load(LAY_FILES)


@lru_cache(maxsize=1)
def clinical_lexicon() -> Lexicon:
    """Clinical symptom and reaction names (Symptom Ontology, MedDRA PTs seen in FDA data)."""
    return _load(CLINICAL_FILES)
