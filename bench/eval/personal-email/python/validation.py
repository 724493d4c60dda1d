"""Address checks used by the onboarding form.

>>> is_company_address("someone@brightline-logistics.com")
True
>>> is_company_address("someone@gmail.com")
False
"""

# expect-none: personal-email
PERSONAL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com",
    "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
    "web.de", "mail.ru", "yandex.ru", "zoho.com",
})

COMPANY_DOMAIN = "brightline-logistics.com"


def normalize_address(address: str) -> str:
    local, _, domain = address.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def is_company_address(address: str) -> bool:
    domain = normalize_address(address).rpartition("@")[2]
    return domain == COMPANY_DOMAIN or domain.endswith("." + COMPANY_DOMAIN)


def reason(address: str) -> str:
    domain = normalize_address(address).rpartition("@")[2]
    if domain in PERSONAL_DOMAINS:
        # expect-none: personal-email
        return "Personal mailboxes (like name@gmail.com) cannot receive company documents."
    return "Use your company address."
