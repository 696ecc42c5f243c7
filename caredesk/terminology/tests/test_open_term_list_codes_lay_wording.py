"""The bundled open list (no MedDRA content) codes common lay wording, in English and Spanish."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from caredesk.terminology.models import Term, TermLevel
from caredesk.terminology.services.releases import OPEN_LIST, parse_open_list
from caredesk.terminology.services.search import search_terms

pytestmark = pytest.mark.django_db


def test_the_list_is_open_coded_and_every_llt_has_its_pt():
    terms = parse_open_list()
    assert len(terms) >= 150
    assert all(t.code.startswith("OPEN:") for t in terms)
    pts = {t.code for t in terms if t.level == TermLevel.PT}
    assert all(t.pt_code in pts for t in terms if t.level == TermLevel.LLT)
    assert len({t.code for t in terms}) == len(terms)


@pytest.mark.parametrize(
    ("said", "pt"),
    [
        ("throwing up", "Vomiting"),
        ("hives", "Urticaria"),
        ("passed out", "Syncope"),
        ("mareo", "Dizziness"),
        ("Nausea", "Nausea"),
    ],
)
def test_lay_wording_finds_the_clinical_term(said, pt):
    hits = search_terms(said)
    assert hits and hits[0].pt_term == pt


def test_exact_matches_rank_first_and_short_queries_find_nothing():
    assert search_terms("rash")[0].term == "Rash"
    assert search_terms("r") == []


def test_a_phrase_without_a_match_falls_back_to_its_longest_word():
    assert search_terms("terrible headache since monday")[0].pt_term == "Headache"


def test_loading_the_open_list_again_changes_nothing():
    before = Term.objects.filter(release__name=OPEN_LIST).count()
    call_command("terminology", "load-open", stdout=None)
    assert Term.objects.filter(release__name=OPEN_LIST).count() == before
