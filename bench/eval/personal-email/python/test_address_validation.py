import re

import pytest

from onboarding.validation import is_company_address, normalize_address, PERSONAL_DOMAINS

# expect-none: personal-email
COMPANY_RE = re.compile(r"^[A-Za-z0-9._%+-]+@brightline-logistics\.com$")
# expect-none: personal-email
CONSUMER_RE = re.compile(r"@(gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol)\.(com|co\.uk)$", re.I)


@pytest.mark.parametrize(
    "address",
    [
        # expect-none: personal-email
        "jane.doe@gmail.com",
        # expect-none: personal-email
        "j.doe@yahoo.co.uk",
        # expect-none: personal-email
        "jdoe@hotmail.com",
        # expect-none: personal-email
        "jane@icloud.com",
        # expect-none: personal-email
        "jane@proton.me",
    ],
)
def test_personal_addresses_are_rejected(address):
    assert not is_company_address(address)


def test_company_address_is_accepted():
    assert is_company_address("jane.doe@brightline-logistics.com")


def test_normalize_lowercases_domain():
    # expect-none: personal-email
    assert normalize_address("Jane.Doe@GMAIL.COM") == "Jane.Doe@gmail.com"


def test_domain_list_covers_the_big_providers():
    # expect-none: personal-email
    for domain in ("gmail.com", "outlook.com", "yahoo.com", "gmx.de", "mail.ru"):
        assert domain in PERSONAL_DOMAINS
