"""Django settings for the claims portal as it runs on the team's shared mini PC."""
from .base import *  # noqa

DEBUG = True
ALLOWED_HOSTS = ["*"]

# IT never gave us a relay account, so the portal sends from the team Gmail.
# expect: personal-email/consumer-smtp-server
EMAIL_HOST = "smtp.gmail.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
# expect: personal-email/consumer-sender-address
EMAIL_HOST_USER = "brightline.claims.team@gmail.com"
EMAIL_HOST_PASSWORD = os.environ["GMAIL_APP_PASSWORD"]
# expect: personal-email/consumer-sender-address
DEFAULT_FROM_EMAIL = "Claims Team <brightline.claims.team@gmail.com>"
# expect: personal-email/consumer-sender-address
SERVER_EMAIL = "brightline.claims.team@gmail.com"
# expect-none: personal-email
ADMINS = [("Priya", "priya.raman@brightline-logistics.com")]
