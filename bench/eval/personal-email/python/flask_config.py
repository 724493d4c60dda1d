import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///inventory.db")
    # expect: personal-email/consumer-smtp-server
    MAIL_SERVER = "smtp-mail.outlook.com"
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    # expect: personal-email/consumer-sender-address
    MAIL_USERNAME = "warehouse.north.reports@outlook.com"
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    # expect: personal-email/consumer-sender-address
    MAIL_DEFAULT_SENDER = ("Warehouse North", "warehouse.north.reports@outlook.com")


class TestingConfig(Config):
    TESTING = True
    # expect-none: personal-email
    MAIL_SERVER = "localhost"
    # expect-none: personal-email
    MAIL_USERNAME = None
    # expect-none: personal-email
    MAIL_DEFAULT_SENDER = ("Tests", "tests@localhost")
    MAIL_SUPPRESS_SEND = True


class ProductionConfig(Config):
    # expect-none: personal-email
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "smtp.brightline-logistics.com")
    # expect-none: personal-email
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    # expect-none: personal-email
    MAIL_DEFAULT_SENDER = ("Warehouse North", "warehouse-north@brightline-logistics.com")
