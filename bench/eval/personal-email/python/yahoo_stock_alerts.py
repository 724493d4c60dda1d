import os
import smtplib
import time

import requests

THRESHOLD = float(os.environ.get("ALERT_THRESHOLD", "0.05"))
WATCHLIST = ["ACME", "GLOBX", "INITECH"]


def fetch_price(symbol):
    r = requests.get(f"https://quotes.internal.brightline-logistics.com/v1/{symbol}", timeout=10)
    r.raise_for_status()
    return r.json()["last"]


def send_alert(symbol, change):
    # expect: personal-email/consumer-smtp-server
    server = smtplib.SMTP("smtp.mail.yahoo.com", 587)
    server.ehlo()
    server.starttls()
    # expect: personal-email/consumer-sender-address
    server.login("treasury_desk_alerts@yahoo.com", os.environ["YAHOO_APP_PASSWORD"])
    body = f"Subject: {symbol} moved {change:.1%}\n\n{symbol} crossed the alert threshold."
    # expect: personal-email/consumer-sender-address
    server.sendmail("treasury_desk_alerts@yahoo.com", ["treasury@brightline-logistics.com"], body)
    server.quit()


def main():
    last = {s: fetch_price(s) for s in WATCHLIST}
    while True:
        time.sleep(300)
        for s in WATCHLIST:
            price = fetch_price(s)
            change = (price - last[s]) / last[s]
            if abs(change) >= THRESHOLD:
                send_alert(s, change)
            last[s] = price


if __name__ == "__main__":
    main()
