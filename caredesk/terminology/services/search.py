"""Event coding: find the term for what the reporter said.

Coding uses one dictionary at a time: the newest active licensed release (the customer's
MedDRA) when one is loaded, else the bundled open list. Search runs over lowest level terms
(E2B codes reactions at LLT level) and names each hit's preferred term; exact matches rank
first, then prefixes, then words starting with the query, then any substring.
"""

from __future__ import annotations

from dataclasses import dataclass

from caredesk.terminology.models import Term, TerminologyRelease, TermLevel

MAX_CANDIDATES = 300


@dataclass(frozen=True)
class TermHit:
    id: int
    code: str
    term: str
    pt_code: str
    pt_term: str
    release: str

    @property
    def label(self) -> str:
        same = self.term.lower() == self.pt_term.lower()
        return self.term if same or not self.pt_term else f"{self.term} → {self.pt_term}"


def coding_release() -> TerminologyRelease | None:
    """The release used for coding now (licensed first, newest first)."""
    return (
        TerminologyRelease.objects.filter(active=True)
        .order_by("-licensed", "-loaded_at", "-pk")
        .first()
    )


def _rank(term: str, query: str) -> tuple[int, int, str]:
    low = term.lower()
    if low == query:
        score = 0
    elif low.startswith(query):
        score = 1
    elif any(word.startswith(query) for word in low.split()):
        score = 2
    else:
        score = 3
    return score, len(low), low


def search_terms(query: str, limit: int = 10) -> list[TermHit]:
    """Up to `limit` current LLTs matching the query, best first."""
    release, rows = ranked_terms(query)
    return term_hits(release, rows[:limit]) if release is not None else []


def _candidates(release: TerminologyRelease, text: str) -> list[Term]:
    found = Term.objects.filter(
        release=release, level=TermLevel.LLT, current=True, term__icontains=text
    )
    return list(found.order_by("pk")[:MAX_CANDIDATES])


def ranked_terms(query: str) -> tuple[TerminologyRelease | None, list[Term]]:
    """The coding release and its current LLTs matching the query (at most MAX_CANDIDATES),
    best first, ties by id: one stable order, so that a caller may page it."""
    query = " ".join(query.lower().split())
    release = coding_release()
    if len(query) < 2 or release is None:
        return release, []
    rows = _candidates(release, query)
    if not rows:
        words = [w for w in query.split() if len(w) >= 4]
        for word in sorted(words, key=len, reverse=True):
            rows = _candidates(release, word)
            if rows:
                query = word
                break
    rows.sort(key=lambda t: (*_rank(t.term, query), t.pk))
    return release, rows


def term_hits(release: TerminologyRelease, rows: list[Term]) -> list[TermHit]:
    """The rows as hits naming their preferred term (one query for all of them)."""
    pts = dict(
        Term.objects.filter(
            release=release, level=TermLevel.PT, code__in={t.pt_code for t in rows}
        ).values_list("code", "term")
    )
    label = f"{release.name} {release.version}"
    return [
        TermHit(
            id=t.pk,
            code=t.code,
            term=t.term,
            pt_code=t.pt_code,
            pt_term=pts.get(t.pt_code, ""),
            release=label,
        )
        for t in rows
    ]


def get_term(term_id: int) -> Term | None:
    """A term by id, with its release (terms are not program data)."""
    return Term.objects.select_related("release").filter(pk=term_id).first()


def version_label(term: Term) -> str:
    return f"{term.release.name} {term.release.version}"
