"""Believable contact texts, by case type, written for the demo's four kinds of product.

Placeholders: {product}, {strength}, {lot}, {first}, {order}, {n}. Some inbound texts mention
side effects (nausea, rash, dizziness, hospitalisation) or product problems (broken seal, wrong
count, meter error E-3, foreign particle) so the safety and quality screens have work to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from caredesk.cases.models import CaseType, RequestKind

OTC, SUPP, DEV, RX = "otc_drug", "supplement", "device", "rx_drug"
ANY = (OTC, SUPP, DEV, RX)
DRUGS = (OTC, SUPP, RX)


@dataclass(frozen=True)
class Template:
    text: str
    topics: tuple[str, ...]
    products: tuple[str, ...] = ANY
    lang: str = "en"
    hint: str = ""  # the product name must contain this (a meter error needs a meter)


T = Template

INBOUND: dict[str, tuple[Template, ...]] = {
    CaseType.GENERAL_INQUIRY: (
        T(
            "How many {product} can I take in a day? The label says {strength} but I want to be "
            "sure I am not taking too much.",
            ("dosing",),
            DRUGS,
        ),
        T(
            "Can I give {product} to my 8 year old? She weighs about 60 pounds.",
            ("dosing",),
            (OTC, SUPP),
            hint="Children",
        ),
        T("Is {product} safe to take with my blood pressure medicine?", ("interactions",), DRUGS),
        T(
            "I can't find {product} at my local store anymore. Is it discontinued?",
            ("availability",),
        ),
        T("Do you have any coupons for {product}? It has gotten expensive.", ("coupon",)),
        T(
            "The coupon code on your website for {product} says it is expired. Can you send a new "
            "one?",
            ("coupon",),
        ),
        T(
            "How do I set up my {product}? The date and time keep resetting.",
            ("device_setup",),
            (DEV,),
            hint="Meter",
        ),
        T(
            "How do I pair the {product} with the phone app? Bluetooth does not find it.",
            ("device_setup",),
            (DEV,),
            hint="Meter",
        ),
        T(
            "Does {product} contain gluten or gelatin? I have a dietary restriction.",
            ("ingredients",),
            (OTC, SUPP),
        ),
        T(
            "Should {product} be stored in the fridge? I left it in the car on a hot day.",
            ("storage",),
        ),
        T("¿Cuántas tabletas de {product} puedo tomar al día?", ("dosing",), DRUGS, "es"),
        T("¿Tienen cupones para {product}? Está muy caro en la farmacia.", ("coupon",), ANY, "es"),
    ),
    CaseType.ORDER_ACCESS: (
        T(
            "My order {order} for {product} has not arrived. Tracking has not updated in 6 days.",
            ("shipping",),
        ),
        T("I was charged twice for order {order}. Please refund one of the charges.", ("billing",)),
        T(
            "Can I change the shipping address on order {order}? I am moving next week.",
            ("shipping",),
        ),
        T("I would like to enroll in the savings program for {product}.", ("coupon",)),
        T(
            "Our pharmacy cannot order {product} {strength} from the wholesaler. Is there a supply "
            "problem?",
            ("availability",),
            (RX, OTC, DEV),
        ),
        T(
            "My insurance stopped covering {product}. Is there a patient assistance program?",
            ("access",),
            (RX, DEV),
        ),
        T(
            "Mi pedido {order} de {product} no ha llegado. ¿Me pueden ayudar?",
            ("shipping",),
            ANY,
            "es",
        ),
    ),
    CaseType.ADVERSE_EVENT: (
        T(
            "I started taking {product} two days ago and now I have nausea every morning.",
            ("side_effect",),
            DRUGS,
        ),
        T(
            "After taking {product} I got a red itchy rash on my arms and chest. Lot {lot}.",
            ("side_effect",),
            DRUGS,
        ),
        T(
            "My mother felt dizzy and fell after her second dose of {product}. She is okay now but "
            "has a bruise.",
            ("side_effect",),
            DRUGS,
        ),
        T(
            "My husband was hospitalised overnight after taking {product}; he had trouble "
            "breathing and his face swelled.",
            ("side_effect", "serious"),
            DRUGS,
        ),
        T(
            "Patient on {product} {strength} reports dizziness and muscle pain since the dose was "
            "increased. Prescriber is aware.",
            ("side_effect",),
            (RX,),
        ),
        T(
            "The {product} read 95 but I felt shaky and passed out; the ambulance measured 42. I "
            "was hospitalised for a day.",
            ("side_effect", "serious", "device_reading"),
            (DEV,),
            hint="Meter",
        ),
        T(
            "I got a rash and swelling where I used the {product}.",
            ("side_effect",),
            (DEV,),
            hint="Lancets",
        ),
        T(
            "Tomé {product} y ahora tengo náuseas y mareos. ¿Es normal?",
            ("side_effect",),
            DRUGS,
            "es",
        ),
    ),
    CaseType.PRODUCT_COMPLAINT: (
        T(
            "The safety seal on my {product} bottle was broken when I opened the box. Lot {lot}.",
            ("product_quality", "tampering"),
            (OTC, SUPP, RX),
        ),
        T(
            "Wrong count: the {product} bottle should have {n} but I counted {m}. Lot {lot}.",
            ("product_quality",),
            (OTC, SUPP, RX),
        ),
        T(
            "There is a black foreign particle inside one of the {product}. Lot {lot}, I kept it.",
            ("product_quality",),
            (OTC, SUPP, RX),
        ),
        T(
            "My {product} shows meter error E-3 every time I insert a strip. Serial {lot}.",
            ("product_quality", "device_error"),
            (DEV,),
            hint="Meter",
        ),
        T(
            "The vial of {product} was cracked and the strips inside were damp. Lot {lot}.",
            ("product_quality",),
            (DEV,),
            hint="Strips",
        ),
        T(
            "The gummies in my {product} are stuck together in one lump and smell odd. Lot {lot}.",
            ("product_quality",),
            (SUPP,),
            hint="Gummies",
        ),
        T(
            "El sello de seguridad de {product} estaba roto. Lote {lot}.",
            ("product_quality", "tampering"),
            (OTC, SUPP, RX),
            "es",
        ),
    ),
    CaseType.MEDICAL_INFORMATION: (
        T(
            "Pharmacist calling: is there a dose adjustment for {product} in moderate renal "
            "impairment?",
            ("dosing", "hcp"),
            (RX, OTC),
        ),
        T(
            "Can {product} tablets be split or crushed for a patient with a feeding tube?",
            ("administration", "hcp"),
            (RX, OTC, SUPP),
        ),
        T(
            "Please send the standard response on {product} and grapefruit juice interaction.",
            ("interactions", "hcp"),
            (RX,),
        ),
        T(
            "What is the stability of {product} once the bottle is opened?",
            ("storage", "hcp"),
            DRUGS,
        ),
        T(
            "What is the accuracy of the {product} at low glucose values? A clinic wants the "
            "study data.",
            ("performance", "hcp"),
            (DEV,),
            hint="Meter",
        ),
        T(
            "Is {product} safe during pregnancy? A patient asked at the counter.",
            ("special_populations", "hcp"),
        ),
    ),
    CaseType.RECALL_INQUIRY: (
        T("I heard {product} was recalled. Is my lot {lot} affected?", ("recall",)),
        T(
            "We received a recall letter for {product} lot {lot}. How do we return the stock?",
            ("recall", "hcp"),
        ),
        T(
            "¿El lote {lot} de {product} está incluido en el retiro del mercado?",
            ("recall",),
            ANY,
            "es",
        ),
    ),
}

REQUEST_KIND: dict[str, str] = {
    CaseType.GENERAL_INQUIRY: RequestKind.QUESTION,
    CaseType.ORDER_ACCESS: RequestKind.ORDER,
    CaseType.ADVERSE_EVENT: RequestKind.SIDE_EFFECT,
    CaseType.PRODUCT_COMPLAINT: RequestKind.COMPLAINT,
    CaseType.MEDICAL_INFORMATION: RequestKind.MEDICAL_INFORMATION,
    CaseType.RECALL_INQUIRY: RequestKind.RECALL,
}

OUTBOUND_EN: dict[str, tuple[str, ...]] = {
    CaseType.GENERAL_INQUIRY: (
        "Thank you for contacting us, {first}. I have shared the information from the {product} "
        "label and our approved response.",
        "Hi {first}, I have emailed you the approved answer about {product}. Call us back if "
        "anything is unclear.",
    ),
    CaseType.ORDER_ACCESS: (
        "{first}, I opened a ticket with our shipping partner for order {order}; you will hear "
        "from us within 2 business days.",
        "The duplicate charge on order {order} has been refunded; it can take 5 to 7 days to show.",
        "You are enrolled in the {product} savings program; the card number was sent by email.",
    ),
    CaseType.ADVERSE_EVENT: (
        "{first}, thank you for telling us. I have documented the reaction and our safety team "
        "will follow up. Please talk to your doctor; if symptoms are severe, call 911.",
        "Could you tell me the lot number on the package and when you first took {product}? Our "
        "safety team may call you for follow-up.",
    ),
    CaseType.PRODUCT_COMPLAINT: (
        "We are sorry about this, {first}. A prepaid return kit for the {product} and a "
        "replacement at no cost are on their way.",
        "Please keep the product and packaging; our quality team will contact you about lot {lot}.",
    ),
    CaseType.MEDICAL_INFORMATION: (
        "The standard response on {product} has been sent by fax and email, as requested.",
        "I am sending the relevant section of the {product} prescribing information and our "
        "medical information letter.",
    ),
    CaseType.RECALL_INQUIRY: (
        "{first}, I checked lot {lot} against the current recall notice and sent you the return "
        "instructions.",
        "Lot {lot}: the recall page lists the affected lots and explains how to return the stock.",
    ),
}
OUTBOUND_BY_TOPIC = {
    "coupon": "A coupon for {product} has been sent to the email address on file, {first}.",
    "device_setup": "Hold the M button for 3 seconds to set the date and time; I have emailed "
    "the {product} setup guide.",
}
OUTBOUND_ES = (
    "Gracias por comunicarse con nosotros, {first}. Le enviamos la información aprobada sobre "
    "{product}.",
    "{first}, registramos su reporte; un especialista le llamará en un día hábil. Por favor "
    "conserve el producto y el empaque.",
)
FOLLOW_UP_EN = (
    "Thanks, that answers my question.",
    "The lot number is {lot}. I still have the box.",
    "I never received the coupon email, can you resend it?",
    "Following up: symptoms went away after I stopped taking it.",
    "I sent photos of the package as you asked.",
)
FOLLOW_UP_ES = ("Gracias, eso responde mi pregunta.", "El número de lote es {lot}.")
INTERNAL_NOTES = (
    "Checked lot {lot} against distribution records; no open quality investigation.",
    "Consulted the standard response library; approved response sent.",
    "Escalated to supervisor for a goodwill replacement.",
)
RESOLUTIONS = (
    "Answered from approved labeling",
    "Replacement shipped",
    "Coupon sent",
    "Forwarded to safety for assessment",
    "Complaint logged and sample requested",
    "Standard response letter sent",
)
CLOSE_REASONS = ("Question answered", "Customer confirmed resolution", "No reply after 3 tries")

TOPIC_LABELS = {
    "dosing": "Dosing question",
    "interactions": "Interaction question",
    "availability": "Availability",
    "coupon": "Coupon / savings",
    "device_setup": "Device setup",
    "ingredients": "Ingredients",
    "storage": "Storage",
    "shipping": "Shipping",
    "billing": "Billing",
    "access": "Access / coverage",
    "side_effect": "Side effect report",
    "product_quality": "Product quality complaint",
    "administration": "Administration",
    "performance": "Device performance data",
    "special_populations": "Use in pregnancy",
    "recall": "Recall question",
}


def subject_for(template: Template, product_name: str) -> str:
    """The subject an agent would write: what it is about, and which product."""
    return f"{TOPIC_LABELS.get(template.topics[0], 'Inquiry')}: {product_name}"
