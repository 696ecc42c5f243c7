"""Special situations told by their circumstances, from the ninth independent writer's batch
(eval/contact_center/train_20.txt), and customer-service figures of speech from
eval/customer_service/train_cs_10.txt; written here in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("overdose", "Had my water tablet at 8, forgot, took another at 11."),
    ("overdose", "The night carer gave her a second dose because the chart wasn't signed."),
    ("overdose", "Se ha tomado ya seis sobres desde esta mañana."),
    ("overdose", "The vet said half a tablet but I've been giving him a whole one."),
    ("overdose", "The district nurse found two patches on his back this morning."),
    ("overdose", "I took 2 at 7, 2 at 10 and 2 at 1, then I read the box says 6 a day."),
    ("medication_error", "The booster was given too soon after the first one."),
    ("medication_error", "Gave the pony the whole tube without setting the dial."),
    ("medication_error", "Me dieron las de 10 mg en vez de las de 5 mg."),
    ("medication_error", "They handed over 100 mg capsules on a prescription for 10 mg."),
    ("medication_error", "I misread the chart on the drum and mixed it too strong."),
    ("lack_of_efficacy", "I'm on the mini pill, never missed one, and now the test is positive."),
    ("lack_of_efficacy", "Faecal egg counts are still high a fortnight after the drench."),
    ("lack_of_efficacy", "Used the lice lotion twice and I'm still finding live ones."),
    ("lack_of_efficacy", "Sprayed on the repellent and got bitten to bits anyway."),
    ("lack_of_efficacy", "La pastilla no me hizo ni cosquillas."),
    ("misuse", "I give the kids the allergy syrup on long drives so they sleep."),
    ("misuse", "She takes the water tablets to keep her weight down."),
    ("misuse", "He takes the wormer paste to keep covid away."),
    ("misuse", "I've never smoked but I chew the nicotine gum at work to focus."),
    ("abuse", "The teenagers are sniffing the cold spray from the first aid box."),
    ("abuse", "She buys codeine in four different pharmacies every week."),
    ("accidental_exposure", "The cat keeps licking the back of his neck where the spot-on went."),
    ("accidental_exposure", "A pupil drank some of a classmate's antibiotic at lunch."),
    ("off_label_use", "The midwife said to put the piles cream on my stitches."),
    ("off_label_use", "The box says do not cut but the nurse said to halve them."),
    ("breastfeeding", "Our twins are on donor milk from the milk bank."),
    ("breastfeeding", "The ewe had the injection and her lambs are still suckling."),
    ("pregnancy", "At my booking appointment the midwife asked what I'd been taking."),
    ("withdrawal", "Gave up the caffeine pills on Monday and I've had a pounding headache since."),
    ("withdrawal", "Suspendí la sertralina y ando con mareos."),
    ("occupational_exposure", "Our carer applied the patch bare-handed."),
    ("infectious_agent", "He had two bottles from the tin recalled for salmonella."),
    ("counterfeit", "Bought the insulin off a bloke on Facebook, it has another label underneath."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("withdrawal", "I stopped the antibiotic because of a headache."),
        ("withdrawal", "Stopped the tablets when the course finished, all cleared up."),
        ("overdose", "The box says 6 a day, how many can a child have?"),
        ("misuse", "I take it three times a day with meals."),
        ("breastfeeding", "Do you sell milk bank bags?"),
    ],
)
def test_look_alikes_hold_no_special_situation(code: str, text: str) -> None:
    assert code not in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "My bank account is bleeding after your sale, I bought way too many vitamins.",
        "Is the Non-Drowsy version the same strength?",
        "We're reviewing suppliers of incontinence products for our homes.",
        "The shop assistant said my voucher was obviously fake.",
        "Does your range carry the falsified medicines safety features?",
        "Some mix-up at the sorting centre sent my parcel to Spain.",
        "The driver tried to shake my hand at the door.",
        "Do you have the cough drops back in stock?",
        "What's the difference between the regular and extra strength heartburn tablets?",
        "Just a reaction to your press release: congratulations on the new depot!",
        "Do you have posters for the hay fever season display?",
        "Your app buttons have no labels for VoiceOver users.",
        "Good afternoon.",
        "Afternoon! We run a farm shop and want to stock your fly spray.",
    ],
)
def test_customer_service_talk_is_not_flagged(text: str) -> None:
    result = screen(text)
    assert not (result.special_situations or result.product_complaint), result
    assert not any(e.label == "adverse_event" and e.end - e.start < 30 for e in result.evidence)
