# Django settings fragment for the purchase-order portal.
import os

DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# expect: personal-email/consumer-smtp-server
EMAIL_HOST = "smtp.gmail.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
# expect: personal-email/consumer-sender-address
EMAIL_HOST_USER = "po.portal.fabrikam@gmail.com"
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# expect: personal-email/consumer-sender-address
DEFAULT_FROM_EMAIL = "PO Portal <po.portal.fabrikam@gmail.com>"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", "portal-errors@fabrikam.com")
ADMINS = [("Priya", "priya.raman@gmail.com")]
MANAGERS = ADMINS

# Staging uses the company relay, configured per environment.
STAGING_EMAIL_HOST = os.environ.get("STAGING_EMAIL_HOST", "relay.fabrikam.com")
STAGING_FROM_EMAIL = "po-portal-staging@fabrikam.com"

# Template shown in the onboarding doc; replaced per developer.
EXAMPLE_FROM_EMAIL = "your.address@gmail.com"
