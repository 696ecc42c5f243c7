"""Special situations on farms and in practices (concepts_families_animals.py) and as carers
report them (concepts_families_carers.py), read off the twenty-fifth and twenty-sixth writers'
batches (train_35, train_36). The examples are ours, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import SpecialSituation as SS


def _codes(text: str) -> set[SS]:
    return set(screen(text).special_situations)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The kitten got 10x the intended dose of the wormer.", SS.OVERDOSE),
        ("The gun was set on 30 ml instead of 15 for the ewes.", SS.OVERDOSE),
        ("We forgot to reset the doser after the big bullocks.", SS.MEDICATION_ERROR),
        (
            "He dosed them off the goat chart on the tub instead of the sheep one.",
            SS.MEDICATION_ERROR,
        ),
        ("The vaccine went in intravenously instead of under the skin.", SS.MEDICATION_ERROR),
        ("I split one large dog pipette between my two small dogs.", SS.MISUSE),
        ("She keeps selling the eggs while her hens are on the wormer.", SS.MISUSE),
        ("Our bitch was treated at four weeks in whelp.", SS.PREGNANCY),
        ("We drenched them a fortnight after the tups went in.", SS.PREGNANCY),
        (
            "The pups were three days old and still suckling when she had the spot-on.",
            SS.BREASTFEEDING,
        ),
        (
            "The label says up to 12 weeks protection and we had strike at five.",
            SS.LACK_OF_EFFICACY,
        ),
        (
            "The cat curled up with the dog an hour after I put his spot-on on.",
            SS.ACCIDENTAL_EXPOSURE,
        ),
        ("I stuck myself with the sheep vaccine while doing the lambs.", SS.OCCUPATIONAL_EXPOSURE),
        (
            "Two fentanyl patches on her: the old one hadn't been removed when the new went on.",
            SS.OVERDOSE,
        ),
        ("Mr T was given Mrs P's morning tablets.", SS.MEDICATION_ERROR),
        (
            "The carer cut the patch in half because the low strength was out of stock.",
            SS.MEDICATION_ERROR,
        ),
        ("She took 10 at once after a video said it gets you high.", SS.OVERDOSE),
        ("I've been giving our 4-year-old my own adult melatonin gummies.", SS.MISUSE),
        ("His nose is blocked unless he uses the spray.", SS.WITHDRAWAL),
        ("My son bought 'diazepam' off Snapchat and was slurring all night.", SS.ABUSE),
    ],
)
def test_farm_and_care_situations(text: str, code: SS) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "We waited out the full milk withdrawal before the tanker came.",
        "Two patches come in each box, one for each week.",
        "The label says up to 12 weeks protection, when should I book the next one?",
    ],
)
def test_ordinary_farm_and_care_talk_is_not(text: str) -> None:
    assert not _codes(text) & {SS.WITHDRAWAL, SS.OVERDOSE, SS.LACK_OF_EFFICACY, SS.MISUSE}
