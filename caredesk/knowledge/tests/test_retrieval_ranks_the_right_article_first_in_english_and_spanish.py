"""Retrieval quality on hand-written articles: for paraphrased questions, in English and
Spanish, the right article ranks first and its best passage is the one that answers."""

from __future__ import annotations

import pytest

from caredesk.knowledge.services.retrieval import search_articles
from caredesk.knowledge.services.text import fold, terms
from caredesk.testing.knowledge_objects import approved_demo_articles

pytestmark = pytest.mark.django_db

QUESTIONS = [
    ("How many pills can I take in one day?", "How to take Relievium tablets"),
    ("what's the max dose for an adult", "How to take Relievium tablets"),
    ("Should I keep the medicine in the fridge or is room temperature ok?", "Storing your tablets"),
    ("I have celiac disease, is there gluten in it?", "Is Relievium gluten free?"),
    ("which shops sell it", "Where to buy Relievium"),
    ("¿Cuántas pastillas puedo tomar al día?", "Cómo tomar las tabletas de Relievium"),
    ("¿Dónde guardo las tabletas? ¿En la nevera?", "Cómo conservar las tabletas"),
    ("Que dosis para niños", "Cómo tomar las tabletas de Relievium"),
]


@pytest.fixture
def program(world):
    approved_demo_articles(world.program_a)
    return world.program_a


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_the_right_article_ranks_first(program, question: str, expected: str) -> None:
    hits = search_articles(program.pk, question)
    assert hits, question
    assert hits[0].title == expected, [(h.title, h.score) for h in hits]


def test_the_best_passage_is_the_one_that_answers(program) -> None:
    hit = search_articles(program.pk, "is it ok for children under 12?")[0]
    assert "Children under 12" in hit.passage


def test_consumer_search_leaves_out_hcp_standard_responses(program) -> None:
    assert search_articles(program.pk, "renal impairment")[0].title.startswith("Relievium in renal")
    consumer = search_articles(program.pk, "renal impairment", consumer_only=True)
    assert all("renal" not in h.title for h in consumer)


def test_another_programs_articles_are_not_searched(world, program) -> None:
    assert search_articles(world.program_b.pk, "how many pills per day") == []


def test_normalisation_folds_accents_and_stems_both_languages() -> None:
    assert fold("Náusea CAÑÓN") == "nausea canon"
    assert terms("tablets") == terms("tablet") == terms("tabletas")[:1]
    assert terms("the and el la") == []
