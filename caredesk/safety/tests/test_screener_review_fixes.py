"""The reviewer's list of generic mistakes in the screener's shared code (issue 3), one family
each, proved with wording written for these tests (none of it is in a labelled batch), and
with the look-alike wording that must keep its old reading.

1. A merchandise word that names a part of a health product or the foreign matter in one
   ("infusion bag", "dosing cup", "a fruit fly") does not make the message merchandise.
2. A threat to tamper with products is suspected tampering, not a packaging complaint.
3. "email" / "website" as the channel of the message, or an IT-looking product word
   ("injection site", "error code", "page 2 of the leaflet"), does not make it an IT problem.
4. Logistics: Spanish carrier wording, customs, and a postal seal are not product problems;
   a product part damaged in transit still is.
5. "sin darme cuenta", "sin querer", "sin embargo", "without realising" deny nothing after them.
6. Spots, blotches or a burn mark on a tablet, blister packs, a meter "flat-lining" or a sensor
   that "died" describe the product, not a harm; said of a body they stay harms.
"""

import pytest

from caredesk.safety.screening import ComplaintCategory, Seriousness, screen

# --- 1. merchandise words that are product parts or foreign matter ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Opened a new pot of the ointment and there was a fruit fly stuck in the lid.",
        "The saline bag split along the bottom seam while it was hanging.",
        "Drainage bag tap leaks no matter how tight it is closed.",
        "The medicine cup has the wrong markings printed on it.",
        "There was a bit of a plastic bag melted into the tub.",
        "There were sock fibres in the eye wash when I opened it.",
    ],
)
def test_product_parts_and_foreign_matter_are_complaints(text: str) -> None:
    assert screen(text).product_complaint, text


@pytest.mark.parametrize(
    "text",
    [
        "The mug from the conference gift bag arrived chipped.",
        "My tote bag from your stand ripped at the handle.",
        "The fruit basket you sent had a squashed pear in it.",
        "The calendar we got at the event has the wrong dates on it.",
    ],
)
def test_ordinary_merchandise_is_still_not_a_product_complaint(text: str) -> None:
    assert not screen(text).product_complaint, text


# --- 2. threats are tampering, not packaging complaints ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Caller said he'll slip something into your cough syrup at the supermarket.",
        "Anonymous note: we are going to put needles in the bottles in your Leeds stores.",
        "He threatened to lace your children's paracetamol with bleach unless we pay.",
        "Dijo que va a meter algo en sus pastillas si no le pagan.",
    ],
)
def test_a_threat_is_tampering_but_not_a_packaging_complaint(text: str) -> None:
    result = screen(text)
    assert result.tampering, text
    assert ComplaintCategory.PACKAGING not in result.complaint_categories, text


def test_a_described_tampered_pack_is_still_a_packaging_complaint() -> None:
    result = screen(
        "The foil under the cap had been slit and glued back, and a note threatened more."
    )
    assert result.tampering
    assert result.product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "We will put your products on our shelves next week.",
        "I'll put the tablets back in the cupboard after lunch.",
        "We'll add the vitamins to your next order.",
        "I'm going to sort out your medicines order this afternoon.",
        "Our pharmacist will deal with your products' returns on Monday.",
    ],
)
def test_ordinary_future_sentences_are_not_threats(text: str) -> None:
    result = screen(text)
    assert not result.tampering, text
    assert not result.product_complaint, text


# --- 3. the channel of the message is not IT context --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Long email: the nasal spray pump is stuck and won't spray.",
        "Customer email from Mrs K: the pump alarms every hour for no reason.",
        "Sent via your website: the insulin pen jams halfway through the dose.",
        "I'm writing this email because the glucose meter shows an error and turns off.",
        "The needle snapped off at the injection site when I pulled the pen away.",
        "Page 3 of the leaflet is printed upside down.",
    ],
)
def test_a_channel_or_product_word_does_not_silence_a_device_or_label_fault(text: str) -> None:
    assert screen(text).product_complaint, text


def test_a_wrong_injection_site_is_a_medication_error_not_an_it_problem() -> None:
    result = screen("She injected it at the wrong site, into her stomach instead of her thigh.")
    assert "medication_error" in result.special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Email: the promo code doesn't work at checkout.",
        "The website keeps crashing when I try to pay.",
        "Email re my account: the password reset link never arrived.",
    ],
)
def test_real_it_problems_stay_it_problems(text: str) -> None:
    result = screen(text)
    assert not result.product_complaint, text
    assert not result.special_situations, text


# --- 4. logistics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "El mensajero dejó la caja abollada en la puerta, pero los frascos están bien.",
        "La caja de envío llegó mojada y rota; el medicamento está intacto.",
        "Paquete aplastado por la paquetería, las ampollas llegaron bien.",
        "Customs opened the parcel and taped it up again; the pens inside are fine.",
        "The seal on the envelope was ripped when the post came, please resend the statement.",
        "The padded envelope's seal was torn open when it arrived.",
    ],
)
def test_shipping_damage_with_an_intact_product_is_not_a_complaint(text: str) -> None:
    result = screen(text)
    assert not result.product_complaint, text
    assert not result.tampering, text


@pytest.mark.parametrize(
    "text",
    [
        "The courier dropped the parcel and one of the vials cracked.",
        "La caja llegó aplastada y un frasco venía roto.",
        "The outer shipping box was fine but the seal on the bottle was torn.",
    ],
)
def test_a_product_part_damaged_in_transit_is_still_a_complaint(text: str) -> None:
    assert screen(text).product_complaint, text


# --- 5. Spanish and English idioms that are not negations ---------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sin darme cuenta me tomé el doble de la dosis esta mañana.", "overdose"),
        ("Sin querer mi hija se tragó dos pastillas mías.", "accidental_exposure"),
        ("Without realising I took a double dose of the allergy tablets.", "overdose"),
        ("Without meaning to, my toddler swallowed two of my tablets.", "accidental_exposure"),
    ],
)
def test_without_realising_asserts_what_follows(text: str, code: str) -> None:
    assert code in screen(text).special_situations, text


def test_sin_embargo_does_not_deny_the_harm_after_it() -> None:
    assert screen(
        "Tomé el jarabe como dice la caja. Sin embargo, me dio mucho mareo."
    ).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "Lo tomé una semana sin efectos secundarios.",
        "Without any side effects so far, thanks.",
        "No tomé el doble de la dosis, solo una.",
    ],
)
def test_real_negations_still_deny(text: str) -> None:
    result = screen(text)
    assert not result.adverse_event, text
    assert "overdose" not in result.special_situations, text


# --- 6. product observations that look like harms ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The chewable tablets have yellow blotches on them.",
        "Some capsules have dark brown spots and specks.",
        "There is a black burn mark on one caplet.",
        "Las pastillas tienen manchas grises.",
        "Box was dented but the blisters were all sealed.",
        "The meter's graph flat-lines for hours even though I feel fine.",
        "The transmitter died after two days.",
    ],
)
def test_a_product_observation_is_not_an_adverse_event(text: str) -> None:
    result = screen(text)
    assert not result.adverse_event, text
    assert Seriousness.DEATH not in result.seriousness, text


@pytest.mark.parametrize(
    "text",
    [
        "I got red blotches on my neck after the tablets.",
        "My son took the pills and has red spots on his face.",
        "I have a burn mark on my skin where the gel went.",
        "I got blisters on my lips after using the cream.",
        "The patient flat-lined after the infusion.",
        "Our dog died two days after the chews.",
    ],
)
def test_the_same_words_said_of_a_body_stay_harms(text: str) -> None:
    assert screen(text).adverse_event, text
