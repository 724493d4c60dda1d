-- Nightly jobs of the sales reporting database (SQL Server and Oracle parts).

-- Database Mail account set up with the analyst's private Outlook.com mailbox.
EXEC msdb.dbo.sysmail_add_account_sp
    @account_name = 'SalesAnalyst',
    -- expect: personal-email/consumer-sender-address
    @email_address = 'sales.analyst.mk@outlook.com',
    -- expect: personal-email/consumer-smtp-server
    @mailserver_name = 'smtp-mail.outlook.com',
    @port = 587,
    @enable_ssl = 1;

-- The company account (the supported one).
EXEC msdb.dbo.sysmail_add_account_sp
    @account_name = 'SalesRelay',
    @email_address = 'sales-reports@contoso-retail.com',
    @mailserver_name = 'relay.contoso-retail.com';

-- Weekly top customers, as a CSV attachment, to the analyst's home address.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'SalesRelay',
    -- expect: personal-email/database-mail-consumer-recipient
    @recipients = 'm.kowalski.home@gmail.com',
    @subject = 'Top customers',
    @query = 'SELECT TOP 100 customer_name, revenue FROM sales.top_customers',
    @attach_query_result_as_file = 1,
    @query_attachment_filename = 'top_customers.csv';

-- Same report to the sales managers' list, and nothing personal.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'SalesRelay',
    @recipients = 'sales-managers@contoso-retail.com',
    @subject = 'Top customers',
    @query = 'SELECT TOP 100 customer_name, revenue FROM sales.top_customers';

-- A customer table holding personal addresses is data, not mail.
INSERT INTO sales.customers (name, email) VALUES ('Ana Silva', 'ana.silva@gmail.com');
SELECT * FROM sales.customers WHERE email LIKE '%@gmail.com';
EXEC dbo.add_customer @email_address = 'ana.silva@gmail.com', @username = 'ana.silva@gmail.com';

-- Oracle side: alerts mailed by the database.
BEGIN
  UTL_MAIL.send(
    -- expect: personal-email/consumer-sender-address
    sender     => 'sales.db.alerts@yahoo.com',
    recipients => 'sales-ops@contoso-retail.com',
    -- expect: personal-email/database-mail-consumer-recipient
    cc         => 'm.kowalski.home@gmail.com',
    subject    => 'Nightly load finished');
END;
/

DECLARE
  c UTL_SMTP.connection;
BEGIN
  -- expect: personal-email/consumer-smtp-server
  c := UTL_SMTP.open_connection(host => 'smtp.mail.yahoo.com', port => 587);
  UTL_SMTP.mail(c, 'sales-db@contoso-retail.com');
  -- expect: personal-email/database-mail-consumer-recipient
  UTL_SMTP.rcpt(c, 'sales.db.alerts@yahoo.com');
  UTL_SMTP.quit(c);
END;
/
