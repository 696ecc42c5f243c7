"""The AE model reads only sentences holding a word a harm cannot be told without
(harm_vocabulary): chatty customer sentences of neutral words scored near its threshold."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.harm_vocabulary import may_tell_of_harm
from caredesk.safety.screening.text import normalise


@pytest.mark.parametrize(
    "text",
    [
        "I like to buy things made in the UK where I can.",
        "My dad loved the tin more than the sweets, he kept his screws in them.",
        "We adopted a retired greyhound last month.",
        "Quiero pedir el champú que usa mi vecina.",
        "Hola, desde Caracas.",
        "I'll get back to you early next week about the legal side.",
        "Please reduce the order and send it to the hotel.",
    ],
)
def test_neutral_sentences_are_not_read(text: str) -> None:
    assert not may_tell_of_harm(normalise(text))
    assert not screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "My head has been in a fog since the new box.",
        "The dog's been hiding under the bed and won't touch his food.",
        "Me dio un bajón tremendo con las pastillas nuevas.",
        "Three of the calves scoured after the replacer.",
        "Se nos murieron doce ovejas al otro día del baño.",
        "The ophthalmologist diagnosed keratitis after the solution.",
        "One cow went down in the crush, glassy-eyed and blowing hard.",
        "Since the bolus half of them are just picking at the silage.",
        "Lost interest in doing anything at all.",
        "I couldn't drive in this state.",
        "Missed two doses and it was the worst withdrawal ever.",
    ],
)
def test_sentences_that_can_tell_of_harm_are_read(text: str) -> None:
    assert may_tell_of_harm(normalise(text))
