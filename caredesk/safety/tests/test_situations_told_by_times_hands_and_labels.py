"""Special situations told by clock times, hands, measures and labels (concepts_families_doses.py,
concepts_families_uses.py) and tampering threats told sideways (complaint_gates.THREAT). Families
read off the seventeenth to nineteenth writers' batches (train_28, train_29, train_30); the
examples are ours, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import SpecialSituation as SS


def _codes(text: str) -> set[SS]:
    return set(screen(text).special_situations)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Had my 7am tablet, then took it again at 8 because I forgot I had.", SS.OVERDOSE),
        ("Nan had her statin at 21:00 and again at 23:00 after the shift change.", SS.OVERDOSE),
        ("A mi papá le dieron el jarabe de nuevo a las 10, ya lo había tomado.", SS.OVERDOSE),
        ("He took his water tablet twice yesterday, he couldn't read the box.", SS.OVERDOSE),
        ("She opened Monday's and Tuesday's from the pill organiser together.", SS.OVERDOSE),
        ("My sister has taken all her sleeping tablets with wine.", SS.OVERDOSE),
        ("Me tomé 2 de las de 400 en vez de 1 por el dolor.", SS.OVERDOSE),
        ("The cold remedy and his own tablets both have paracetamol in.", SS.OVERDOSE),
        (
            "My son squeezed the whole syringe into the pony, it was marked for big horses.",
            SS.OVERDOSE,
        ),
        ("The pump delivered the entire 8-hour dose in twenty minutes.", SS.OVERDOSE),
        ("Gave her 5 ml with the syringe from her brother's antibiotic.", SS.MEDICATION_ERROR),
        ("Tech picked 1 mg tablets for a script written for 10 mg.", SS.MEDICATION_ERROR),
        ("They dispensed 50 micrograms instead of my usual 100.", SS.MEDICATION_ERROR),
        ("I came home with the one with nearly the same name, for heartburn.", SS.MEDICATION_ERROR),
        ("School gave the noon dose and then I gave it as well.", SS.MEDICATION_ERROR),
        ("The nurse gave Mr B's insulin pen to the man in bed 4.", SS.MEDICATION_ERROR),
        ("The bottle says 10 ml but the chemist's sticker said 30 ml.", SS.MEDICATION_ERROR),
        ("I put her night tablet in the morning compartment.", SS.MEDICATION_ERROR),
        ("Mi madre confundió las gotas de los ojos con las de los oídos.", SS.MEDICATION_ERROR),
        ("If I skip it my chest gets tight within hours.", SS.WITHDRAWAL),
        ("The vet tapered the steroid far too fast and now he won't eat.", SS.WITHDRAWAL),
        ("Couldn't get my tablets for a week and I've been shaking and dizzy.", SS.WITHDRAWAL),
        ("Dad went three days without his seizure tablets at the home.", SS.WITHDRAWAL),
    ],
)
def test_doses_hands_and_stopping(text: str, code: SS) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll ring again at 9 tomorrow about the refund.",
        "Take one in the morning and one at night, that's twice a day as the label says.",
        "I measured it with the syringe that came in the box, 5 ml exactly.",
        "If I miss a dose, what should I do?",
        "The pharmacist dispensed 100 tablets as prescribed.",
    ],
)
def test_ordinary_dosing_and_service_are_not(text: str) -> None:
    found = _codes(text)
    assert not found & {SS.OVERDOSE, SS.MEDICATION_ERROR, SS.WITHDRAWAL}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I know the box says a week at most but I've used it for months.", SS.MISUSE),
        ("She puts it on four times a day instead of once, to clear it faster.", SS.MISUSE),
        ("He used the sheep dip on his own arms for the itch.", SS.MISUSE),
        ("I dab the piles cream under my eyes before a night out.", SS.MISUSE),
        ("He takes the cough syrup for the buzz at weekends.", SS.ABUSE),
        (
            "He takes them for the buzz, he has bought codeine at all four of our branches.",
            SS.ABUSE,
        ),
        ("His fentanyl patches had been cut open.", SS.ABUSE),
        ("I take the travel sickness tablets to help me sleep.", SS.OFF_LABEL_USE),
        (
            "Autorizado solo en perros, lo usamos en un conejo por indicación del vete.",
            SS.OFF_LABEL_USE,
        ),
        ("I'm splitting the adult tablets in half for my 4-year-old.", SS.OFF_LABEL_USE),
        ("The consultant told him to use the shampoo as a body wash.", SS.OFF_LABEL_USE),
        ("Bump is 30 weeks and I had the cold sachets last night.", SS.PREGNANCY),
        ("Mi nuera tiene 20 semanas y se tomó el antibiótico.", SS.PREGNANCY),
        ("Faecal egg counts after the drench were essentially unchanged.", SS.LACK_OF_EFFICACY),
        ("The cream has done nothing in two weeks.", SS.LACK_OF_EFFICACY),
        ("She got a positive test even though she never missed a pill.", SS.LACK_OF_EFFICACY),
        (
            "Mixing the powder without gloves gave me a rash on both hands.",
            SS.OCCUPATIONAL_EXPOSURE,
        ),
        ("My 4-year-old drank some of his brother's cough medicine.", SS.ACCIDENTAL_EXPOSURE),
        (
            "The letter says the product may have carried a virus from one of the donors.",
            SS.INFECTIOUS_AGENT,
        ),
        ("The lot number doesn't match our records, the print is blurred.", SS.COUNTERFEIT),
    ],
)
def test_uses_and_what_people_saw(text: str, code: SS) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "My covid test came back positive so I'm off work.",
        "Can I use the travel sickness tablets on the ferry?",
        "I put the nappy cream on the baby's bottom at every change.",
    ],
)
def test_look_alikes_are_not_misuse_abuse_or_pregnancy(text: str) -> None:
    assert not _codes(text) & {SS.MISUSE, SS.ABUSE, SS.PREGNANCY, SS.OFF_LABEL_USE}


@pytest.mark.parametrize(
    "text",
    [
        "somebody ought to spike a few jars on the shelf, then you'd listen",
        "He says he knows which vat to poison.",
        "Shame if the baby formula wasn't just formula one of these days.",
    ],
)
def test_sideways_threats_are_tampering(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "You should lace up the boots before the walk.",
        "It would be a shame if the sale wasn't extended.",
    ],
)
def test_idioms_without_a_product_act_are_not_threats(text: str) -> None:
    assert not screen(text).tampering
