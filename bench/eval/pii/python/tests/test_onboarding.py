from onboarding.validate import validate_ssn, validate_card


def test_valid_ssn():
    # expect: pii/hardcoded-pii-value
    assert validate_ssn("512-44-8019")


def test_card():
    # expect: pii/hardcoded-pii-value
    assert validate_card("4661318609139090")
    # expect-none: pii
    assert not validate_card("4661318609139091")
