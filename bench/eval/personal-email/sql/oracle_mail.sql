-- Oracle: nightly stock report mailed from the database.
CREATE OR REPLACE PROCEDURE send_stock_report IS
  c    UTL_SMTP.connection;
  body CLOB;
BEGIN
  SELECT LISTAGG(sku || ';' || qty, CHR(10)) INTO body FROM stock_levels;
  -- expect: personal-email/consumer-smtp-server
  c := UTL_SMTP.open_connection('smtp.gmail.com', 587);
  UTL_SMTP.ehlo(c, 'warehouse-db.brightline-logistics.com');
  UTL_SMTP.starttls(c);
  -- expect: personal-email/consumer-sender-address
  UTL_SMTP.mail(c, 'warehouse.db.reports@gmail.com');
  -- expect-none: personal-email
  UTL_SMTP.rcpt(c, 'inventory@brightline-logistics.com');
  -- expect: personal-email/database-mail-consumer-recipient
  UTL_SMTP.rcpt(c, 'p.nowak.inventory@gmail.com');
  UTL_SMTP.data(c, 'Subject: Stock levels' || UTL_TCP.crlf || UTL_TCP.crlf || body);
  UTL_SMTP.quit(c);
END;
/

CREATE OR REPLACE PROCEDURE send_stock_alert(p_sku VARCHAR2) IS
BEGIN
  UTL_MAIL.send(
    -- expect: personal-email/consumer-sender-address
    sender     => 'warehouse.db.reports@gmail.com',
    -- expect: personal-email/database-mail-consumer-recipient
    recipients => 'p.nowak.inventory@yahoo.com',
    subject    => 'Stock alert ' || p_sku,
    message    => 'SKU ' || p_sku || ' is below the reorder point.');
END;
/

CREATE OR REPLACE PROCEDURE send_stock_alert_relay(p_sku VARCHAR2) IS
  c UTL_SMTP.connection;
BEGIN
  -- expect-none: personal-email
  c := UTL_SMTP.open_connection('mail.brightline-logistics.com', 25);
  -- expect-none: personal-email
  UTL_SMTP.mail(c, 'warehouse-db@brightline-logistics.com');
  UTL_SMTP.rcpt(c, 'inventory@brightline-logistics.com');
  UTL_SMTP.data(c, 'Subject: Stock alert ' || p_sku);
  UTL_SMTP.quit(c);
  UTL_MAIL.send(
    -- expect-none: personal-email
    sender     => 'warehouse-db@brightline-logistics.com',
    -- expect-none: personal-email
    recipients => 'inventory@brightline-logistics.com',
    subject    => 'Stock alert ' || p_sku);
END;
/

-- expect: personal-email/consumer-smtp-server
ALTER SYSTEM SET smtp_out_server = 'smtp.mail.yahoo.com:587' SCOPE = BOTH;
