"""The second round of concept families (concepts_families.py, concepts_quality_families.py):
each family is proved with wording that none of the labelled batches uses, and the negatives
are ordinary customer-service sentences that share its words ("we'll put the tablets in the
post", "the price dropped from 20 to 10", "is this text real?")."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Got a BFP on Sunday, I'd been using the wart gel all month.", "pregnancy"),
        ("The nanny goat is carrying twins and had the drench today.", "pregnancy"),
        ("She's ten weeks with her first and took the travel tablets.", "pregnancy"),
        ("Estoy de tres meses y usé la pomada.", "pregnancy"),
        ("The cow has a calf at foot and was given the pour-on.", "breastfeeding"),
        ("My little one is EBF and I had the decongestant.", "breastfeeding"),
        ("He necked most of the bottle of the allergy syrup.", "overdose"),
        ("I went over the daily limit with the migraine tablets twice this week.", "overdose"),
        (
            "Taking the flu sachets plus the headache pills which both contain paracetamol.",
            "overdose",
        ),
        ("She empties the capsules and stirs the powder into her tea.", "misuse"),
        ("I use my horse's bute on myself when my knee is bad.", "misuse"),
        ("Customer said her son was shooting them up after crushing them.", "abuse"),
        ("My prescription says 5mg, the pharmacy dispensed 50 mg.", "medication_error"),
        ("Care worker gave the ear drops orally to a resident.", "medication_error"),
        ("Used the pen set for 100 units/mL on a 300 units/mL cartridge.", "medication_error"),
        (
            "The wormer made no difference at all, the foal still has a pot belly.",
            "lack_of_efficacy",
        ),
        ("The antihistamine wears off after an hour now.", "lack_of_efficacy"),
        ("The cat was given the dog's flea collar by my neighbour.", "off_label_use"),
        ("My GP put me on the epilepsy tablets for migraines.", "off_label_use"),
        ("Our 4 yo gulped down a mouthful of the cough bottle.", "accidental_exposure"),
        ("The dog trod in the spilled spot-on and licked his feet.", "accidental_exposure"),
        ("He held our newborn right after putting on his testosterone gel.", "accidental_exposure"),
        ("The lab grew pseudomonas from the sealed bottle of saline.", "infectious_agent"),
        (
            "Kennel assistant jabbed her own finger with the vaccine needle.",
            "occupational_exposure",
        ),
        ("Went down from 40 to 20 mg of the steroid and now I ache everywhere.", "withdrawal"),
        (
            "Bought them from some bloke at the pub, the pens have a sticker for a batch number.",
            "counterfeit",
        ),
        ("The carton scanned as decommissioned at the till.", "counterfeit"),
    ],
)
def test_special_situation_second_round(text, code):
    assert code in {str(s) for s in screen(text).special_situations}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The foil pouches rip unevenly so the strip inside gets torn too.", "packaging"),
        ("Two ampoules in the tray had shattered necks.", "packaging"),
        ("Spray can lost all its pressure before the first use.", "packaging"),
        ("The 1 mL mark on the oral syringe sits where the 2 mL mark should be.", "labeling"),
        ("The inner leaflet is only in German.", "labeling"),
        ("Label on the vial disagrees with the carton about the storage temperature.", "labeling"),
        ("Shreds of plastic mixed in with the powder.", "foreign_matter"),
        ("The pessaries are all bent out of shape.", "appearance"),
        ("The ear drops are faintly pink and are meant to be clear.", "appearance"),
        ("The inhaler puffed but nothing came out of the mouthpiece.", "device_malfunction"),
        ("The meter shows 2.1 when I'm perfectly fine.", "device_malfunction"),
        ("The pump beeps nonstop for no reason at night.", "device_malfunction"),
        ("The spray died after 40 sprays and the label says 200.", "quantity"),
    ],
)
def test_complaint_second_round(text, category):
    result = screen(text)
    assert result.product_complaint is True
    assert category in result.complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "The foil was slit and then taped back down with sellotape.",
        "The cap twisted off without breaking the band, I think it had been opened.",
        "Someone glued a new seal over the original seal on my bottle.",
        "A man phoned saying he will put bleach in the eye drops at the chemist.",
        "The outer box and the bottle were fine but the tamper ring was already snapped.",
        "Alguien amenazó con contaminar los medicamentos de la tienda.",
    ],
)
def test_tampering_second_round(text):
    assert screen(text).tampering is True


@pytest.mark.parametrize(
    "text",
    [
        "We'll put the replacement tablets in the post today.",
        "The price dropped from 20 to 10 and I want the difference back.",
        "I got a text about a refund, is it real?",
        "The promo code says 20 but the checkout says 10.",
        "My pregnancy test order hasn't arrived.",
        "Thanks, the new easy-open cap is much better.",
        "I'll cancel unless you pay me back this week.",
        "The heat pack stays warm for eight hours, great product.",
    ],
)
def test_ordinary_messages_stay_unflagged(text):
    assert not screen(text).needs_review


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Our second little one is on the way and I've been on the acne gel.", "pregnancy"),
        ("The bitch has her pups on her and got the wormer.", "breastfeeding"),
        ("He had four of the big ones together to get rid of the pain.", "overdose"),
        ("She jabs the pen through her tights at work.", "misuse"),
        ("Datix: the wrong resident's insulin was given on the night shift.", "medication_error"),
        ("Her INR is unchanged despite a fortnight on the new tablets.", "lack_of_efficacy"),
        ("The tube says 16 years plus and I'm using it on my 9 year old.", "off_label_use"),
        (
            "Two infections on the ward were traced to the same lot of dressings.",
            "infectious_agent",
        ),
        ("We tapered the cat down off the prednisolone too fast and she's flat.", "withdrawal"),
        (
            "The shop that looked like your website sent tablets with no imprint on them.",
            "counterfeit",
        ),
    ],
)
def test_special_situation_third_round(text, code):
    assert code in {str(s) for s in screen(text).special_situations}


@pytest.mark.parametrize(
    "text",
    [
        "The liner under the lid was scrunched up and tucked under the rim.",
        "There were slits in two of the blister pockets.",
        "The tablets were in a plastic bag inside instead of the sealed liner.",
    ],
)
def test_tampering_third_round(text):
    assert screen(text).tampering is True


def test_a_mask_that_came_off_is_not_a_withdrawal():
    result = screen("The oxygen mask came off in the night and I woke up.")
    assert "withdrawal" not in {str(s) for s in result.special_situations}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Had my first positive beta test after the IVF, and I've used the scalp lotion.",
            "pregnancy",
        ),
        ("Our nanny goat is in milk and had the pour-on.", "breastfeeding"),
        ("My nephew ate the gummy vitamins like sweets.", "overdose"),
        ("He uses the leftover antibiotics from last winter whenever he feels rough.", "misuse"),
        ("Our cat's fleas are back to how it was before we started.", "lack_of_efficacy"),
        ("Le echamos el antipulgas de perro al gato.", "off_label_use"),
        ("Stock with lot and expiry pairs we never made turned up at a clinic.", "counterfeit"),
    ],
)
def test_special_situation_fourth_round(text, code):
    assert code in {str(s) for s in screen(text).special_situations}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The child-proof catch was already broken when I opened the parcel.", "packaging"),
        ("The pen fired while I was pulling the cap off.", "device_malfunction"),
        ("The dose counter hasn't moved since I started this inhaler.", "device_malfunction"),
        ("Paid for 100 and there were 90 in the tub.", "quantity"),
    ],
)
def test_complaint_fourth_round(text, category):
    result = screen(text)
    assert result.product_complaint is True
    assert category in result.complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "Somebody had drilled a hole in the side of the bottle.",
        "A letter is demanding money or they will taint the cough syrup.",
    ],
)
def test_tampering_fourth_round(text):
    assert screen(text).tampering is True


def test_a_box_whose_tablets_were_all_fine_is_not_an_overdose():
    result = screen("The box arrived dented but all the tablets and the seal were perfect.")
    assert "overdose" not in {str(s) for s in result.special_situations}
