"""Django settings for the expense-claims portal (production)."""
import os

import environ

env = environ.Env()

DEBUG = False
ALLOWED_HOSTS = ["claims.brightline-logistics.com"]

# Mail: the portal mails claim receipts to approvers.
# expect-none: personal-email
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# expect-none: personal-email
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
# expect-none: personal-email
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = True
# expect-none: personal-email
DEFAULT_FROM_EMAIL = "Expense Claims <claims-noreply@brightline-logistics.com>"
# expect-none: personal-email
SERVER_EMAIL = "django-errors@brightline-logistics.com"
# expect-none: personal-email
ADMINS = [("Ops", "ops@brightline-logistics.com")]
