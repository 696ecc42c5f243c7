"""Consumer review wording of harms (issue 3, the PsyTAR recall path): families that carry their
own negation or hypothetical word still report a harm ("not worth the side effects", "if I miss
a dose I get brain zaps"), and the new families (hair, weight, sexual function, self-harm
thoughts, memory, apathy, stomach, withdrawal) stay quiet on ordinary messages and on negated or
hoped-for effects."""

import pytest

from caredesk.safety.screening import model, screen
from caredesk.safety.screening.consumer import harm_spans
from caredesk.safety.screening.text import normalise


@pytest.mark.parametrize(
    "text",
    [
        "Honestly not worth the side effects.",
        "The side effects mostly wore off after a month.",
        "Whenever I forget a dose I get dizzy and weepy by lunchtime.",
        "Missing a single dose is hell.",
        "I just don't care about anything anymore.",
        "No interest in seeing my friends since I started.",
        "I can't reach orgasm at all on this.",
        "My hair is falling out in clumps.",
        "Went up two dress sizes in a year.",
        "Lost 9 kg without trying on it.",
        "I started thinking about killing myself on the higher dose.",
        "I barely remember the last few months.",
        "My stomach has been a mess since the switch.",
        "Tapering off it was a nightmare.",
        "It has ruined my sleep and my sex life.",
        "I feel like a zombie at work.",
    ],
)
def test_review_wording_is_an_adverse_event(text):
    assert screen(text).adverse_event is True


@pytest.mark.parametrize(
    "text",
    [
        "What if I miss a dose, should I double up?",
        "I have no interest in your newsletter.",
        "I forgot my password again.",
        "Can I pay in pounds?",
        "Stopping the auto-renewal was hell.",
        "He takes the sleeping tablets with vodka to feel out of it.",
        "No side effects at all, and no weight gain.",
        "Will I lose my hair on this?",
    ],
)
def test_review_families_stay_quiet(text):
    assert screen(text).adverse_event is False


def test_a_negation_inside_the_family_does_not_silence_it():
    norm = normalise("not worth the side effects")
    assert harm_spans(norm, 0, len(norm)) == [(0, len(norm), norm)]


def test_the_ae_model_uses_a_higher_threshold_where_the_rules_found_something_else():
    lm = model.load()
    assert lm is not None and lm.threshold_other is not None
    assert lm.threshold_for(other_finding=True) >= lm.threshold_for(other_finding=False)
    assert model.other_finding(["overdose"], False, False) is True
    assert model.other_finding([], True, False) is True
    assert model.other_finding(["withdrawal"], False, False) is False  # read with its symptoms
    assert model.other_finding([], False, False) is False
