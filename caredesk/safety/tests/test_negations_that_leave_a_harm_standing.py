"""Negations and scopes that do not clear a harm, found in the out-of-fold misses of the PsyTAR
training split (2026-12-05, second session) and written here in our own words: a harm the
writer had before ("no nausea like I had yesterday"), a negation ended by "just" ("no
benefits, just drawbacks: irritability"), "no other side effects" (so there was one), a worry
about a harm already there, a harm that went away in time by itself, "can't X without <harm>",
a negation ended by "because I ...", and "I was hyper". Each with the
look-alike that stays clear."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "No nausea like I had yesterday.",
        "I am sleeping better now, without the vivid dreams that I had on the tablets.",
        "No real benefits, just drawbacks: irritability every day.",
        "No rash, just the itching.",
        "Apart from that week, no other side effects.",
        "I didn't have any other side effects.",
        "I'm concerned about the wooziness.",
        "I'm worried about my rash spreading.",
        "Mild sleeplessness that went away after a month or so.",
        "Bad headaches which wore off after a couple of weeks.",
        "I can barely walk up the stairs without a deep burning in my muscles.",
        "I can't stand up without feeling dizzy since the new tablets.",
        "I didn't finish the course, because I found the sexual side effects intolerable.",
        "It was stimulating and I was hyper for a few months.",
    ],
)
def test_the_harm_is_reported(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "No side effects that I had feared.",
        "No side effects at all, just a better night's sleep.",
        "I'm worried about the side effects of this drug.",
        "I'm worried about getting a rash.",
        "Worried about the reaction it could cause.",
        "My eczema went away after two weeks of the cream.",
        "My headache went away after I took it.",
        "I had no problems with the order, just the delivery was late.",
        "I'm worried about the price going up.",
        "I can't manage without my inhaler.",
        "I didn't take it because I was worried about side effects.",
        "I did not order it because I have a history of ulcers.",
        "I was hyper excited about the sale.",
    ],
)
def test_nothing_is_reported(text: str) -> None:
    assert not screen(text).adverse_event
