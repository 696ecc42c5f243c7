"""The signature check is Twilio's algorithm: it reproduces the vectors published with Twilio's
own validators (so a self-consistent but wrong scheme cannot pass), accepts the URL with or
without its default port, and fails on any change to token, URL, parameter or signature."""

from __future__ import annotations

from caredesk.channels.sms.services.signature import compute_signature, is_valid_signature

URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+14158675309"),
    ("Digits", "1234"),
    ("From", "+14158675309"),
    ("To", "+18005551212"),
]
SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_the_documented_example_signature_is_reproduced_whatever_the_parameter_order():
    assert compute_signature("12345", URL, PARAMS) == SIGNATURE
    assert compute_signature("12345", URL, list(reversed(PARAMS))) == SIGNATURE
    assert is_valid_signature("12345", URL, PARAMS, SIGNATURE)


def test_repeated_parameters_are_signed_as_twilio_signs_them():
    repeated = [
        ("Sid", "CA123"),
        ("SidAccount", "AC123"),
        ("Digits", "5678"),
        ("Digits", "1234"),
        ("Digits", "1234"),
    ]
    assert is_valid_signature("12345", URL, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU=")


def test_the_default_port_may_be_added_or_removed_by_a_proxy():
    with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
    assert is_valid_signature("12345", with_port, PARAMS, SIGNATURE)
    signed_with_port = compute_signature("12345", with_port, PARAMS)
    assert is_valid_signature("12345", URL, PARAMS, signed_with_port)
    assert not is_valid_signature(
        "12345", "https://mycompany.com:8443/myapp.php?foo=1&bar=2", PARAMS, SIGNATURE
    )


def test_any_change_fails_the_check():
    assert not is_valid_signature("54321", URL, PARAMS, SIGNATURE)
    assert not is_valid_signature("12345", URL + "&extra=1", PARAMS, SIGNATURE)
    assert not is_valid_signature("12345", URL.replace("https", "http"), PARAMS, SIGNATURE)
    tampered = [(k, "9999" if k == "Digits" else v) for k, v in PARAMS]
    assert not is_valid_signature("12345", URL, tampered, SIGNATURE)
    assert not is_valid_signature("12345", URL, [*PARAMS, ("Body", "STOP")], SIGNATURE)
    assert not is_valid_signature("12345", URL, PARAMS, "")
    assert not is_valid_signature("", URL, PARAMS, compute_signature("", URL, PARAMS))
    assert not is_valid_signature("12345", URL, PARAMS, "invalid 王")
