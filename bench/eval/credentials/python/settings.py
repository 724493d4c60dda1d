"""Django settings for the expense-approval portal (built by the controlling team)."""
from pathlib import Path
import os

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
# expect: credentials/hardcoded-password
SECRET_KEY = "django-insecure-LZJjwgq4OsXCo0e7R7RyIwWOmZZXWPXgcdbOEVVs"
# expect-none: credentials
SECRET_KEY_FALLBACK = env("DJANGO_SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS = ["expenses.acme-internal.com"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "expenses",
        "USER": "expenses_app",
        # expect: credentials/hardcoded-password
        "PASSWORD": "jcu*aub*6J",
        "HOST": "db.acme-internal.com",
        "PORT": "5432",
    },
    "reporting": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "reporting",
        "USER": "reporting_ro",
        # expect-none: credentials
        "PASSWORD": os.environ.get("REPORTING_DB_PASSWORD", ""),
        "HOST": "db.acme-internal.com",
    },
}

# expect-none: credentials
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
]
# expect-none: credentials
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# expect-none: credentials
PASSWORD_RESET_TIMEOUT = 259200
# expect-none: credentials
CSRF_COOKIE_NAME = "expenses_csrftoken"
# expect-none: credentials
SESSION_COOKIE_NAME = "expenses_session"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
# expect: credentials/sendgrid-api-key
EMAIL_HOST_PASSWORD = "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"
EMAIL_PORT = 587

# expect: credentials/aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIAE6Q3K5CVFLM6JQAO"
# expect: credentials/aws-secret-access-key
AWS_SECRET_ACCESS_KEY = "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"
AWS_STORAGE_BUCKET_NAME = "acme-expense-receipts"
# expect-none: credentials
AWS_DOCS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# expect-none: credentials
AWS_DOCS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "284750192837-7b2kq9d3f0m1ls8v.apps.googleusercontent.com"
# expect: credentials/google-oauth-client-secret
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = "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"
# expect: credentials/hardcoded-password
SOCIAL_AUTH_AZUREAD_OAUTH2_SECRET = "pxv1aub8T80nYT5YIi3h7qJrXgUE2nKjuR86XCWa"

# expect: credentials/hardcoded-password
FIELD_ENCRYPTION_KEY = "MVNkM3Z6VnBiZTRtQWQxNWZI"
# expect-none: credentials
SIGNING_KEY_ID = "94fcf54b-1b66-14df-6b32-0ec2dc27a13f"
# expect-none: credentials
JWT_ALGORITHM = "HS256"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # expect: credentials/connection-string-password
        "LOCATION": "redis://default:qSd-Ln1H.DBD@cache.acme-internal.com:6379/1",
    }
}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
