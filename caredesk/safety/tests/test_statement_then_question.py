"""A harm stated and then asked about in the same sentence ("me salieron ronchas, ¿qué hago?",
"I've had a rash since, is that normal?") is reported: only the question is a question. From
the tenth independent writer's batch (eval/contact_center/train_21.txt), in our own words."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.text import normalise, sentences


def test_an_inverted_question_mark_starts_its_own_sentence() -> None:
    parts = sentences(normalise("Le salió un sarpullido, ¿es normal?"))
    assert [(p.text.rstrip(","), p.question) for p in parts] == [
        ("le salio un sarpullido", False),
        ("¿es normal?", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Con el jarabe a mi hija le salieron ronchas en la cara, ¿qué hago?",
        "Since the new tablets I get dizzy every morning, is that normal?",
        "Desde que tomo las pastillas tengo el estómago revuelto, ¿es normal?",
        "Mi perro está insoportable con las gotas nuevas, no duerme.",
        "Las pastillas para el mareo me dan un sueño que me caigo.",
        "Cliente refiere hormigueo en las manos desde que empezó el suplemento.",
        "Dejé las pastillas para dormir y llevo tres noches con temblores.",
    ],
)
def test_the_stated_harm_is_an_adverse_event(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "¿Puede el jarabe dar ronchas?",
        "Can these tablets make you dizzy, is that normal?",
        "¿Es normal tener sueño con estas pastillas?",
        "Las pastillas para el mareo, ¿se pueden tomar con comida?",
    ],
)
def test_a_question_alone_is_not_a_report(text: str) -> None:
    assert not screen(text).adverse_event
