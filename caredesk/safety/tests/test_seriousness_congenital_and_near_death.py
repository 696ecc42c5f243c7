"""A congenital anomaly is itself the harm (a baby born with a heart defect after exposure in
pregnancy is an adverse event, serious by ICH's congenital-anomaly criterion), while "deformed"
or "malformed" alone also describe a cap or a tablet; and someone who "nearly died" did not die:
that is life-threatening, not death."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "My baby was born with a heart defect; I took the tablets in early pregnancy.",
        "The baby has a congenital heart defect.",
        "The foal was born deformed, the mare had the wormer while in foal.",
        "Mi bebé nació con una malformación en el corazón, tomé las pastillas embarazada.",
    ],
)
def test_a_congenital_anomaly_is_a_serious_adverse_event(text: str) -> None:
    result = screen(text)
    assert result.adverse_event
    assert "congenital_anomaly" in result.seriousness


@pytest.mark.parametrize(
    "text", ["The deformed cap would not close.", "The tablets were malformed and chipped."]
)
def test_a_misshapen_product_is_no_harm(text: str) -> None:
    assert not screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "The paramedics said he nearly died from the reaction.",
        "She had a near death experience after the injection.",
    ],
)
def test_nearly_dying_is_life_threatening_not_death(text: str) -> None:
    result = screen(text)
    assert "life_threatening" in result.seriousness
    assert "death" not in result.seriousness


def test_a_death_is_still_a_death() -> None:
    assert "death" in screen("He died after the second dose.").seriousness


@pytest.mark.parametrize(
    "text",
    [
        "After the dose I was dizzy; I'm a nurse in the emergency department.",
        "I had a bad stomach after the syrup, I could have died of embarrassment at work.",
    ],
)
def test_a_workplace_or_a_figure_of_speech_is_no_seriousness(text: str) -> None:
    result = screen(text)
    assert result.adverse_event
    assert not result.seriousness


def test_a_visit_to_the_emergency_department_stays_medically_important() -> None:
    text = "I went to the emergency department after the tablets with chest pain."
    assert "medically_important" in screen(text).seriousness


def test_a_broken_hip_after_a_fall_is_medically_important() -> None:
    text = "My mum broke her hip when she fell, dizzy from the new tablets."
    assert "medically_important" in screen(text).seriousness


def test_a_baby_born_early_in_the_nicu_is_a_hospitalised_adverse_event() -> None:
    result = screen("My baby was born early after I took the tablets, she's in the NICU.")
    assert result.adverse_event
    assert "hospitalization" in result.seriousness
