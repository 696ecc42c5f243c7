"""Complaint phrase families added from the third free-written batch's dev errors: broken
dropper tips, instructions for another product, bits and pieces inside, colour instead of
clear, devices that misfire, over-deliver, read the same whatever, counters that jump, empty
blister pockets, punctured stoppers."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The dropper tip broke off when I squeezed it.", "packaging"),
        ("The leaflet inside was for a different medicine.", "labeling"),
        ("El prospecto viene en otro idioma.", "labeling"),
        ("There were tiny black flakes floating in the solution.", "foreign_matter"),
        ("I found a sliver of plastic inside one tablet.", "foreign_matter"),
        ("The eye drops come out yellow instead of clear.", "appearance"),
        ("The syrup has turned cloudy.", "appearance"),
        ("The lancing device misfires every other time.", "device_malfunction"),
        ("My pump under-delivered all night according to the log.", "device_malfunction"),
        ("The scale shows the same reading no matter who stands on it.", "device_malfunction"),
        ("El tensiómetro marca valores distintos cada vez.", "device_malfunction"),
        ("The dose counter skipped from 100 to 80.", "device_malfunction"),
        ("Two pockets of the blister card were empty.", "quantity"),
    ],
)
def test_family_gets_its_category(text, category):
    result = screen(text)
    assert result.product_complaint is True
    assert category in result.complaint_categories


def test_a_punctured_stopper_is_suspected_tampering():
    assert screen("The rubber stopper was punctured before I ever used the vial.").tampering


@pytest.mark.parametrize(
    "text",
    [
        "His urine turned dark brown after a week on it.",
        "Teeth discoloration since the syrup, is that known?",
        "The max dose is supposed to be 1000 mg, right?",
    ],
)
def test_body_changes_and_dose_questions_are_not_complaints(text):
    assert screen(text).product_complaint is False


def test_the_learned_path_catches_a_complaint_no_rule_names():
    text = "The tablets in this new bottle are so brittle they shatter when I press them out."
    result = screen(text)
    assert result.product_complaint is True and result.complaint_category is not None
    [span] = [e for e in result.evidence if e.label.startswith("complaint:")]
    assert (span.start, span.end) == (0, len(text))


@pytest.mark.parametrize(
    "text", ["What if the cap breaks?", "Where is my refund for the broken headphones?"]
)
def test_the_learned_path_leaves_questions_and_merchandise_alone(text):
    assert screen(text).product_complaint is False
