"""Harm words said of a service are figures of speech (service_talk.py), found in the
customer-service training batch train_cs_3.txt: the sentence names a price, a wait, a website,
an app or a call and nothing of a product, its use or a body. A sentence that also names a
product, a dose or a body part keeps its harms, and so do clinical notes."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Honestly the price made me sick, 14 quid for delivery on a 6 pound order?",
        "The hold music is giving me a migraine, 50 minutes and counting.",
        "That new website layout is painful. Where did the order history go?",
        "Side effect of your new app: I can't log in anymore. Please fix.",
        "My reaction to the new loyalty scheme is mixed, I liked the old points better.",
        "That 40-minute wait nearly gave me a stroke, ha. Anyway, where's my refund?",
        "This subscription is bleeding my account dry, please cancel it.",
        "That cancellation fee left a bad taste in my mouth.",
        "I'm sick to death of your chatbot sending me in circles.",
        "Order for the care home: 30 boxes of incontinence pads, 20 of the gloves.",
        "I'd like to update the address on my prescription delivery account, I've moved to flat 3.",
    ],
)
def test_a_figure_of_speech_about_a_service_is_no_adverse_event(text: str) -> None:
    result = screen(text)
    assert not result.adverse_event
    assert not result.seriousness


@pytest.mark.parametrize(
    "text",
    [
        "I'm getting an overdose of emails from you, four today already.",
        "Tengo una sobredosis de correos de publicidad, por favor dejen de enviarlos.",
    ],
)
def test_an_overdose_of_emails_is_no_overdose(text: str) -> None:
    assert not screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Delivery box dented and the tissue paper inside a bit squashed, the products perfect.",
        "The shipping carton was squashed and the tape was coming off, but the products were "
        "undamaged.",
        "Pallet arrived with the shrink wrap torn and two outer cases scuffed; all inner packs "
        "checked, no damage.",
        "El pedido para la farmacia llegó con la caja exterior rota, la mercancía bien.",
        "The return label says Royal Mail but my nearest drop-off is Evri. Can I use that?",
    ],
)
def test_shipment_damage_with_the_product_fine_is_no_finding(text: str) -> None:
    result = screen(text)
    assert not (result.product_complaint or result.tampering or result.special_situations)


@pytest.mark.parametrize(
    "text",
    [
        "Since your app told me to double the dose I've had a headache.",
        "The price is awful and the tablets gave me a rash.",
        "pt c/o pruritus & erythema at appl site, d/c, sx resolving",
        "I waited on hold for an hour and my chest was tight the whole time after the inhaler.",
    ],
)
def test_a_harm_next_to_a_product_or_a_body_stays(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "This returns process is a nightmare, I feel ill thinking about it.",
        "I have a sore throat from shouting at your IVR menu lol.",
        "Me duele la cabeza de tanto esperar al teléfono.",
        "Your checkout page keeps crashing, it's giving me a headache.",
    ],
)
def test_a_body_word_in_a_figure_of_speech_is_no_harm(text: str) -> None:
    assert not screen(text).adverse_event


def test_an_amount_word_in_a_message_about_a_service_is_no_overdose() -> None:
    text = "Can I swap my subscription to every 8 weeks? The 4-week one is too much."
    assert not screen(text).special_situations
    assert "overdose" in screen("My order is late. I took too much last night.").special_situations


@pytest.mark.parametrize(
    "text",
    [
        "My Nausea Bands order is 3 days late.",
        "The pharmacy said the Acid Reflux chewables are out of stock everywhere.",
        "I'd like to cancel my order for the anti-nausea wristbands.",
    ],
)
def test_a_harm_word_in_a_product_name_is_no_harm(text: str) -> None:
    assert not screen(text).adverse_event


def test_wait_as_a_verb_is_no_service() -> None:
    text = "If you think the side effects are hell, just wait until you go off it: the dizziness."
    assert screen(text).adverse_event


def test_the_wrong_size_bought_is_no_complaint() -> None:
    text = "Can I get a refund on the Sleep Aid tablets, I bought the wrong size."
    assert not screen(text).product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "Since the new batch from my last order I've had headaches every day.",
        "Your app said to take it with food; I didn't and I threw up.",
        "Cancel my subscription, these vitamins make me nauseous.",
        "My order of the gummies arrived and my son got a rash after eating them.",
    ],
)
def test_a_harm_in_an_order_or_service_message_that_names_the_product_stays(text: str) -> None:
    assert screen(text).adverse_event


def test_a_new_clause_with_its_own_subject_ends_a_negation() -> None:
    assert not screen("I haven't had nausea and I haven't had headaches.").adverse_event
    assert screen("I didn't eat first and I threw up after the tablet.").adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "My loyalty points still haven't gone through after three weeks.",
        "You sent two of the same instead of one of each.",
        "Nothing has changed since I complained last week.",
        "I paid 10% instead of 20% on my last order.",
    ],
)
def test_service_messages_hold_no_special_situation(text: str) -> None:
    result = screen(text)
    assert not result.special_situations
    assert not result.adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "You sent me the 500mg instead of the 250mg.",
        "I got the 500 mg tablets instead of the 250 mg.",
        "You sent me the wrong strength.",
    ],
)
def test_a_strength_sent_for_another_is_a_medication_error(text: str) -> None:
    assert "medication_error" in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "The price rise on the paracetamol 500 mg gave me a proper headache this morning.",
        "Sales of your hay fever range have been feverish this spring.",
        "I unsubscribed in June and I'm still getting three emails a week.",
        "Last month we only got 60 % of the order of test strips.",
    ],
)
def test_trade_talk_with_product_names_is_no_finding(text: str) -> None:
    result = screen(text)
    assert not result.needs_review and not result.special_situations
