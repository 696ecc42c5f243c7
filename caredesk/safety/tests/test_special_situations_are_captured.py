"""Special situations are captured with or without harm (GVP VI.B.6)."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I'm 12 weeks pregnant and took two of these before I knew.", "pregnancy"),
        ("I am breastfeeding my 3 month old and used the cream.", "breastfeeding"),
        ("My son took too many pills, about 8 tablets.", "overdose"),
        ("I accidentally took a double dose this morning.", "overdose"),
        ("He crushed and snorted them to get high.", "abuse"),
        ("The pharmacy gave me the wrong strength.", "medication_error"),
        ("It doesn't work anymore, my allergies are the same.", "lack_of_efficacy"),
        ("I gave my dog some of my ibuprofen for his leg.", "off_label_use"),
        ("My toddler got into the bottle and swallowed some.", "accidental_exposure"),
        (
            "I think the vial was contaminated with bacteria, I got an infection from the shot.",
            "infectious_agent",
        ),
        ("Since I stopped taking it I have brain zaps.", "withdrawal"),
        ("I think these are fake, the logo is different.", "counterfeit"),
        ("Estoy embarazada y tomé una dosis.", "pregnancy"),
        ("No me funciona para nada.", "lack_of_efficacy"),
    ],
)
def test_captured(text, code):
    assert code in screen(text).special_situations


def test_a_question_about_pregnancy_is_not_a_pregnancy_exposure():
    assert "pregnancy" not in screen("Can I take it if I get pregnant?").special_situations
