"""Read supplier invoices from the shared inbox and file them; mail a receipt back."""
import email
import imaplib
import os
import smtplib
from email.message import EmailMessage

# expect-none: personal-email
IMAP_HOST = os.environ.get("IMAP_HOST", "imap.brightline-logistics.com")
# A fallback nobody removed: the script still logs in as this Gmail account when SMTP_USER is unset.
# expect: personal-email/consumer-sender-address
SMTP_USER = os.getenv("SMTP_USER", "invoices.inbox.bl@gmail.com")
# expect: personal-email/consumer-smtp-server
SMTP_HOST = os.getenv("SMTP_HOST", "smtp.gmail.com")


def fetch_invoices():
    # expect-none: personal-email
    box = imaplib.IMAP4_SSL("imap.gmail.com")
    box.login(os.environ["IMAP_USER"], os.environ["IMAP_PASSWORD"])
    box.select("INBOX")
    # expect-none: personal-email
    _, ids = box.search(None, '(FROM "billing@supplier-one.com")')
    for num in ids[0].split():
        _, data = box.fetch(num, "(RFC822)")
        yield email.message_from_bytes(data[0][1])


def is_from_personal_mailbox(message):
    sender = email.utils.parseaddr(message["From"])[1].lower()
    # expect-none: personal-email
    return sender.endswith(("@gmail.com", "@yahoo.com", "@hotmail.com", "@outlook.com"))


def send_receipt(message):
    reply = EmailMessage()
    reply["Subject"] = "Re: " + (message["Subject"] or "invoice")
    # expect-none: personal-email
    reply["To"] = message["From"]
    reply["From"] = SMTP_USER
    reply.set_content("Received, thank you.")
    with smtplib.SMTP(SMTP_HOST, 587) as s:
        s.starttls()
        s.login(SMTP_USER, os.environ["SMTP_PASSWORD"])
        s.send_message(reply)


def main():
    for message in fetch_invoices():
        if is_from_personal_mailbox(message):
            # expect-none: personal-email
            print("Skipping invoice from a personal mailbox (e.g. someone@gmail.com):", message["From"])
            continue
        send_receipt(message)


if __name__ == "__main__":
    main()
