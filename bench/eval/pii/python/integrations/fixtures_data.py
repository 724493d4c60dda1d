"""Sample records used by the onboarding script when the HR system is unreachable.
Copied from last year's real intake sheet by the analyst who wrote the script."""

FALLBACK_EMPLOYEES = [
    # expect: pii/hardcoded-pii-value
    {"name": "Jorge Almeida", "ssn": "412-56-7390", "dob": "1984-07-19"},
    # expect: pii/hardcoded-pii-value
    {"name": "Priya Nair", "ssn": "309-81-2244", "dob": "1991-02-08"},
]

# expect: pii/hardcoded-pii-value
CORPORATE_CARD = "5196 0308 2462 8192"
# expect: pii/hardcoded-pii-value
PAYROLL_IBAN = "GB10BARC09679290810033"
# expect-none: pii
SSN_PATTERN = r"^\d{3}-\d{2}-\d{4}$"
# expect-none: pii
EXAMPLE_SSN = "123-45-6789"
# expect-none: pii
INVALID_AREA = "000-12-3456"
# expect-none: pii
SUPPORT_LINE = "800-555-0199"
# expect-none: pii
STRIPE_TEST_CARD = "4242 4242 4242 4242"
# expect-none: pii
ORDER_NUMBER = "4000123412341235"
# expect-none: pii
INVOICE_DATE = "2024-11-30"
# expect-none: pii
BAD_IBAN = "GB11BARC09679290810033"
# expect-none: pii
BUILD_ID = "20241130-1755-0042"
