"""ICH seriousness criteria are set only for an asserted adverse event."""

from caredesk.safety.screening import screen


def test_death_and_hospitalisation():
    result = screen("He was hospitalized with liver failure after taking it and died.")
    assert result.adverse_event
    assert {"death", "hospitalization"} <= set(result.seriousness)


def test_seizure_is_medically_important():
    result = screen("My daughter had a seizure after the second dose.")
    assert "medically_important" in result.seriousness


def test_no_seriousness_without_harm():
    result = screen("My mom is in the hospital, can you send the order to my address instead?")
    assert result.adverse_event is False
    assert result.seriousness == []


def test_negated_outcome_is_not_a_criterion():
    result = screen("I got a mild rash but I was not hospitalized.")
    assert result.adverse_event
    assert "hospitalization" not in result.seriousness
