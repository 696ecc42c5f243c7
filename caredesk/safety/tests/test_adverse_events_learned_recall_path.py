"""The learned recall path: consumer wording no rule names is still flagged, with a sentence
as evidence, while negation and hypotheticals stay the rules' call."""

from __future__ import annotations

import pytest

from caredesk.safety.screening import model, screen
from caredesk.safety.screening.text import normalise


def test_shipped_weights_load_offline_and_score_a_probability():
    lm = model.load()
    assert lm is not None and 0.0 < lm.threshold < 1.0
    p = lm.probability(normalise("I gained so much weight and feel like a zombie on this drug."))
    assert 0.0 <= p <= 1.0


def test_features_are_the_same_on_every_run():
    text = normalise("Me duele la cabeza desde que tomo estas pastillas")
    assert model.features(text) == model.features(text)
    assert all(0 <= f < 1 << model.BITS for f in model.features(text))


def test_a_model_flag_points_at_the_sentence_that_carries_it():
    text = "Thanks. Ever since the first week on it I keep losing my train of thought."
    result = screen(text)
    assert result.adverse_event is True
    assert 0.0 < result.ae_score < 1.0  # the model's probability: no rule fired
    [span] = [e for e in result.evidence if e.label == "adverse_event"]
    assert text[span.start : span.end].startswith("Ever since") and span.end == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "No nausea, vomiting or dizziness since starting it.",
        "Can it cause drowsiness?",
        "I have had no side effects at all.",
    ],
)
def test_the_model_does_not_overrule_negation_or_questions(text):
    assert screen(text).adverse_event is False
