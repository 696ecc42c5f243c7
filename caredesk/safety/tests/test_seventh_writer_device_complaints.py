"""Device, test-kit and farm-product complaint families drawn from the seventh writer's batch
(eval/contact_center/train_19.txt), written here in our own words, with look-alikes: a device
failure told by what the device did, not by a defect word."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C

COMPLAINTS = [
    (C.DEVICE_MALFUNCTION, "The monitor said 210 at breakfast and the GP's machine got 140."),
    (C.DEVICE_MALFUNCTION, "Her pump never alarmed when the line blocked overnight."),
    (C.DEVICE_MALFUNCTION, "The readings on the thermometer are all over the place."),
    (C.DEVICE_MALFUNCTION, "I think the scales must be way out, my weight changes by 3 kg."),
    (C.DEVICE_MALFUNCTION, "The ear thermometer reads two degrees low against the clinic one."),
    (C.DEVICE_MALFUNCTION, "The plunger on the injector doesn't move when I press it."),
    (C.DEVICE_MALFUNCTION, "The cuff would not deflate and I had to pull it off my arm."),
    (C.DEVICE_MALFUNCTION, "The clip on the knee brace snapped on the first day."),
    (C.DEVICE_MALFUNCTION, "My new sensor peeled off at the edges on day 3."),
    (C.DEVICE_MALFUNCTION, "The nebuliser runs but there is no mist at all."),
    (C.DEVICE_MALFUNCTION, "My spray has been puffing nothing but air this week."),
    (C.DEVICE_MALFUNCTION, "There's a burnt plastic smell from the humidifier base."),
    (C.DEVICE_MALFUNCTION, "The charger got so hot it marked the table."),
    (C.DEVICE_MALFUNCTION, "El tensiómetro se apaga solo a mitad de la medida."),
    (C.DEVICE_MALFUNCTION, "None of the tests in the box showed a control line."),
    (C.DEVICE_MALFUNCTION, "The new receiver packed in after a week."),
    (C.DEVICE_MALFUNCTION, "The doser was set to 5 ml but it's been giving 8 ml a go."),
    (C.PACKAGING, "Some of the swabs have a seal that was never formed along one edge."),
    (C.PACKAGING, "Three sacks of the mineral lick came torn at the seam."),
    (C.QUANTITY, "Box says 100 lancets. I counted twice and there are 86."),
    (C.FOREIGN_MATTER, "There are little grey bits in the CPAP tubing after every night."),
    (C.FOREIGN_MATTER, "Found a piece of hard plastic mixed in with the protein powder."),
    (C.APPEARANCE, "The calf drench has lumps in it that won't shake back in."),
    (C.APPEARANCE, "The electrolyte powder isn't dissolving, it leaves a grey sludge."),
    (C.LABELING, "The pack says 2.0 but the strip inside is printed 3.0."),
    (C.LABELING, "The carton labelled Medium had Small pads inside."),
    (C.LABELING, "The marks on the dosing syringe don't match the leaflet."),
    (C.LABELING, "The tub doesn't say anywhere how much to feed a pony."),
]


@pytest.mark.parametrize(("category", "text"), COMPLAINTS)
def test_the_device_or_product_complaint_is_found(category: C, text: str) -> None:
    result = screen(text)
    assert result.product_complaint
    assert category in result.complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "My meter said 6.2 this morning, is that a good number?",
        "The pump is on its way back to you with the courier.",
        "How do I switch off the alarm on the monitor at night?",
        "Do I need to recharge the hearing aids every night?",
        "The readings are better since I changed my diet.",
        "Does the test show a control line even when negative?",
        "I counted the days until my refill and ordered on time.",
        "Is the powder meant to be dissolved in warm water?",
        "The weather has been hot and the parcel sat outside, but everything inside works.",
    ],
)
def test_ordinary_device_talk_is_not_a_complaint(text: str) -> None:
    result = screen(text)
    assert not result.product_complaint, result.complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "La caja venía abierta y vuelta a pegar con cinta.",
        "La jeringa llegó sin el precinto y con el émbolo movido.",
    ],
)
def test_a_resealed_pack_is_tampering(text: str) -> None:
    assert screen(text).tampering
