"""A device that reads one value while the person was at another is a malfunction, and when
the same sentence puts someone in hospital it is a serious adverse event to report (a serious
injury under the device rules), even without a harm word: the malfunction is the link."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "My Glucometrix meter read 80 but I was at 400 and ended up in the hospital.",
        "The monitor said 95 while my real sugar was 480, they admitted me overnight.",
    ],
)
def test_a_wrong_reading_that_ended_in_hospital_is_a_serious_event(text: str) -> None:
    result = screen(text)
    assert result.product_complaint and result.complaint_category == "device_malfunction"
    assert result.adverse_event and result.seriousness == ["hospitalization"]


@pytest.mark.parametrize(
    "text",
    [
        "The meter showed 90 but at the ER my sugar was 450.",
        "The thermometer said 98 but the doctor measured 103.",
    ],
)
def test_a_reading_against_the_true_value_is_a_device_malfunction(text: str) -> None:
    result = screen(text)
    assert result.product_complaint and result.complaint_category == "device_malfunction"


@pytest.mark.parametrize(
    "text",
    [
        "My meter said 120 this morning, which is good news.",
        "The box was crushed and my husband is in the hospital, so please resend it.",
    ],
)
def test_a_plain_reading_or_an_unrelated_stay_is_not_a_device_event(text: str) -> None:
    result = screen(text)
    assert not (result.product_complaint and result.complaint_category == "device_malfunction")
    assert not result.adverse_event
