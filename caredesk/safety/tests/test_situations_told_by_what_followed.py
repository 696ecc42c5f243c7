"""Special situations told by what followed rather than named (concepts_families_results.py):
pests still there after a full course, a layperson putting one species' product on another,
food-animal rules broken, an overused decongestant, a feed or a pregnancy told in passing, and
a statement followed by "ok to ...?". Families read off the fifteenth and sixteenth writers'
batches (train_26, train_27); examples in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import SpecialSituation as SS
from caredesk.safety.screening.text import normalise, sentences


def _codes(text: str) -> set[SS]:
    return set(screen(text).special_situations)


@pytest.mark.parametrize(
    "text",
    [
        "Two rounds of the spot-on and the kitchen is still crawling with fleas.",
        "Pulled two big engorged ticks off the spaniel four days after her chew.",
        "The pony went down with strangles even though she had been vaccinated in March.",
        "We wormed the flock in May and the egg count is higher than it was in April.",
        "Finished the whole tube of verruca gel and the verruca is still there.",
        "Treated the calves at the right dose but they're still coughing a week on.",
        "A month on the regrowth drops and not one new hair on my crown.",
        "This reliever isn't even touching my wheeze now.",
        "The itch is still there after the full course of the antifungal cream.",
    ],
)
def test_what_is_still_there_after_the_product_is_lack_of_efficacy(text: str) -> None:
    assert SS.LACK_OF_EFFICACY in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fleas were gone within a day of the spot-on.",
        "Three days on hold and still no answer from your office.",
        "The ticks were all dead a week after the chew.",
        "I used the whole box of plasters on the kids' knees this summer.",
    ],
)
def test_a_product_that_worked_or_a_service_delay_is_not(text: str) -> None:
    assert SS.LACK_OF_EFFICACY not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "My husband put the big dog's spot-on on our kitten to save buying another.",
        "I've been giving my old goat the horse's paste because it's cheaper.",
        "Rubbed the cattle pour-on on the rabbits, she said it was all the same.",
        "They're ignoring the 14-day meat withdrawal and sending the lambs anyway.",
        "He gives the medicated pellets to his laying hens and sells the eggs.",
        "Been on the decongestant spray for six weeks straight now.",
        "I take double the slimming capsules to lose weight faster.",
        "Uso la pomada para curar heridas de la moto.",
    ],
)
def test_use_against_the_label_by_a_layperson_is_misuse(text: str) -> None:
    assert SS.MISUSE in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I put the dog's drops on the cat by mistake in the dark, she seems fine.",
        "We never put the dog's flea spray on the cat.",
        "We waited the full 28-day withdrawal before the lambs went to market.",
        "I used the nasal spray for three days as the box says.",
    ],
)
def test_a_slip_a_denial_or_use_by_the_label_is_not_misuse(text: str) -> None:
    assert SS.MISUSE not in _codes(text)


def test_a_feed_told_by_the_baby_age_is_breastfeeding() -> None:
    text = "still feeding my 3 month old and took two of the cold tablets, ok to carry on?"
    assert SS.BREASTFEEDING in _codes(text)
    assert SS.BREASTFEEDING not in _codes("still feeding my 3 month old formula, any tips?")


def test_a_partner_expecting_is_a_pregnancy() -> None:
    text = "my girlfriend's expecting and I've been on the acne tablets, does that matter?"
    assert SS.PREGNANCY in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "En la farmacia le dieron amlodipino en vez de amiodarona, nos dimos cuenta en casa.",
        "La cuidadora le dio a mi padre el jarabe de otro paciente de la residencia.",
    ],
)
def test_a_wrong_medicine_handed_over_is_a_medication_error(text: str) -> None:
    assert SS.MEDICATION_ERROR in _codes(text)


def test_realising_is_not_an_account() -> None:
    text = "Me di cuenta en casa de que me dieron ibuprofeno en lugar de paracetamol."
    assert SS.MEDICATION_ERROR in _codes(text)


def test_rioplatense_fakes_are_counterfeit() -> None:
    assert SS.COUNTERFEIT in _codes("Las tiras que compré en la feria parecen truchas.")
    assert SS.COUNTERFEIT not in _codes("Pescamos unas truchas enormes el finde.")


def test_ok_to_after_a_statement_is_its_own_question() -> None:
    parts = sentences(normalise("I had a sachet last night, ok to drive today?"))
    assert [p.question for p in parts] == [False, True]
    assert SS.PREGNANCY not in _codes("Is it ok to use the foam if we're trying for a baby?")
