"""The learned tampering path (complaints._model_tampering): when no rule finds tampering, a
message the model scores over its threshold is flagged, with the statement that scores highest
as evidence; a message of questions only, or a shipment whose product is said to be fine, is
left to the rules; the path names no complaint category by itself."""

from __future__ import annotations

import pytest

from caredesk.safety.screening import model, screen
from caredesk.safety.screening.model import LinearModel


@pytest.fixture
def eager_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in tampering model that scores every text at 0.9 against a 0.5 threshold."""
    stand_in = LinearModel({}, bias=2.2, threshold=0.5)
    monkeypatch.setattr(model, "load_tampering", lambda: stand_in)


@pytest.mark.usefixtures("eager_model")
def test_a_statement_the_model_scores_high_is_flagged_with_its_sentence() -> None:
    text = "Something about this pack is not right. The tablets look odd."
    result = screen(text)
    assert result.tampering
    spans = [text[e.start : e.end] for e in result.evidence if e.label == "tampering"]
    assert spans and spans[0] in (
        "Something about this pack is not right.",
        "The tablets look odd.",
    )


@pytest.mark.usefixtures("eager_model")
def test_questions_only_and_an_intact_shipment_are_left_to_the_rules() -> None:
    assert not screen("Is the seal meant to look like this?").tampering
    assert not screen("The parcel was crushed but the bottle inside is fine.").tampering


@pytest.mark.usefixtures("eager_model")
def test_the_model_names_no_complaint_category_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "load_complaints", lambda: None)
    result = screen("Something about this pack is not right.")
    assert result.tampering and not result.complaint_categories


def test_the_shipped_model_loads_with_a_threshold() -> None:
    shipped = model.load_tampering()
    assert shipped is not None and 0.5 <= shipped.threshold < 1.0
